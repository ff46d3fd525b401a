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
    url: expect.stringMatching(/manager\.html#order=111-0000001-0000001$/),
  });
  db.close();
});
