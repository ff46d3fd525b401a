import { fakeBrowser } from 'wxt/testing';
import { resetBadgeParts } from '../../../lib/background/badge';
import { BUYER_REQUEST_ALARM } from '../../../lib/background/jobs/buyer-request-job';
import type { SpApiConnection } from '../../../lib/background/sp-api-connection';
import { startBackground } from '../../../lib/background/start-background';
import { ManualClock } from '../../../lib/clock';
import { loadSettings } from '../../../lib/settings/settings-store';
import type { SpApiClient } from '../../../lib/sp-api/client';
import { openOrderDb } from '../../../lib/store/order-db';
import { createOrderDbCache } from '../../../lib/store/order-db-cache';
import { freshDbName, storedOrder } from '../store/stored-order-fixture';

beforeEach(() => {
  fakeBrowser.reset();
  resetBadgeParts();
  vi.restoreAllMocks();
});

it('startBackground: a stored open request gives one notification and badge 1, and a second run adds none', async () => {
  const name = freshDbName();
  const db = await openOrderDb(name);
  await db.put(
    'orders',
    storedOrder({
      orderId: '111-0000001-0000001',
      buyerCancelRequest: { reason: 'No longer needed', firstSeenAt: '2026-12-01T08:00:00.000Z' },
    }),
  );
  const created = vi.spyOn(fakeBrowser.notifications, 'create');
  const background = startBackground({
    clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
    loadSettings,
    connection: (): SpApiConnection => ({
      client: {} as SpApiClient,
      demo: true,
      marketplaceIds: ['ATVPDKIKX0DER'],
    }),
    dbFor: createOrderDbCache(async () => db).forSettings,
    announceOutboxChange: () => undefined,
  });
  await background.healed;
  await background.outbox.idle();
  await background.requests.idle();

  expect(created).toHaveBeenCalledTimes(1);
  expect(Object.values(await fakeBrowser.notifications.getAll())).toHaveLength(1);
  expect(created.mock.calls[0]?.[1]).toMatchObject({
    message: 'Buyer asked to cancel 111-0000001-0000001: No longer needed — 46 h left',
  });
  expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  expect(await fakeBrowser.action.getTitle({})).toContain(
    '1 buyer cancellation request waiting for an answer',
  );
  expect((await fakeBrowser.alarms.get(BUYER_REQUEST_ALARM))?.periodInMinutes).toBe(5);

  await fakeBrowser.alarms.onAlarm.trigger({
    name: BUYER_REQUEST_ALARM,
    scheduledTime: 0,
    persistAcrossSessions: false,
  });
  await background.requests.idle();
  expect(created).toHaveBeenCalledTimes(1);
  expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

  const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
  await fakeBrowser.notifications.onClicked.trigger('buyer-request:111-0000001-0000001:new');
  expect(tabs).toHaveBeenCalledWith({
    url: expect.stringMatching(/manager\.html#order=111-0000001-0000001&action=show-request$/),
  });
  db.close();
});

describe('answering a buyer request through the background', () => {
  const ORDER = '111-0000001-0000001';
  const popup = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/manager.html') });
  const send = async (request: unknown, sender: { id: string; url: string } = popup()) => {
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(request, sender, () => undefined);
    return answer as unknown;
  };

  async function started() {
    const db = await openOrderDb(freshDbName());
    await db.put(
      'orders',
      storedOrder({
        orderId: ORDER,
        buyerCancelRequest: { reason: 'No longer needed', firstSeenAt: '2026-12-01T08:00:00.000Z' },
      }),
    );
    const announced: string[] = [];
    const background = startBackground({
      clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
      loadSettings,
      connection: (): SpApiConnection => ({
        client: {} as SpApiClient,
        demo: true,
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
      dbFor: createOrderDbCache(async () => db).forSettings,
      announceOutboxChange: () => void announced.push('changed'),
    });
    await background.healed;
    await background.outbox.idle();
    await background.requests.idle();
    return { db, announced };
  }

  it('a decline is stored, views are told, and the badge drops at once; undo brings it back', async () => {
    const { db, announced } = await started();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    announced.length = 0;

    expect(await send({ type: 'decline-buyer-request', orderId: ORDER, memo: ' Already packed ' })).toEqual({
      ok: true,
    });
    expect((await db.get('orders', ORDER))?.buyerCancelRequest?.declined).toEqual({
      at: '2026-12-01T10:00:00.000Z',
      memo: 'Already packed',
    });
    expect(announced).toEqual(['changed']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    expect(await send({ type: 'undo-decline-buyer-request', orderId: ORDER })).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    db.close();
  });

  it('refuses a Seller Central page, and says in plain words when the order has no request', async () => {
    const { db, announced } = await started();
    announced.length = 0;
    const sellerCentral = {
      id: fakeBrowser.runtime.id,
      url: `https://sellercentral.amazon.com/orders-v3/order/${ORDER}`,
    };
    expect(
      await send({ type: 'decline-buyer-request', orderId: ORDER, memo: 'Shipping' }, sellerCentral),
    ).toEqual({
      error: 'Request decline-buyer-request is not allowed from this sender',
    });
    expect(
      await send({ type: 'decline-buyer-request', orderId: '111-0000009-0000009', memo: 'Shipping' }),
    ).toEqual({
      ok: false,
      message: 'The order manager does not have order 111-0000009-0000009. Press Sync now, then try again.',
    });
    expect((await db.get('orders', ORDER))?.buyerCancelRequest?.declined).toBeUndefined();
    expect(announced).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    db.close();
  });

  it('an Accept queued in the outbox drops the badge as soon as the view says the outbox changed', async () => {
    const { db } = await started();
    await db.put('outbox', {
      kind: 'cancel',
      id: 'accept-1',
      orderId: ORDER,
      marketplaceId: 'ATVPDKIKX0DER',
      lines: [{ orderItemId: '1', quantity: 1 }],
      wholeOrder: true,
      reason: 'BuyerCanceled',
      createdAt: '2026-12-01T10:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
      status: 'pending',
    });
    expect(await send({ type: 'outbox-changed' })).toEqual({ ok: true });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).not.toBe('1'));
    db.close();
  });
});
