import { fakeBrowser } from 'wxt/testing';
import {
  BUYER_REQUEST_ALARM,
  createBuyerRequestBackgroundJob,
  openNotifiedOrder,
  openRequestOf,
  openRequestsInDb,
} from '../../../../lib/background/jobs/buyer-request-job';
import type { CancelAction } from '../../../../lib/domain/outbox-action';
import { declineBuyerRequest, undoDeclineBuyerRequest } from '../../../../lib/store/buyer-request-answer';
import { openOrderDb, type OrderDb } from '../../../../lib/store/order-db';
import { resetBadgeParts, updateBadge } from '../../../../lib/background/badge';
import { ManualClock } from '../../../../lib/clock';
import type { OpenRequest } from '../../../../lib/domain/request-reminders';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings-schema';
import { requestReminderLedgerItem } from '../../../../lib/storage/request-reminder-ledger';
import { freshDbName, storedOrder } from '../../store/stored-order-fixture';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T10:00:00Z');

function job(requests: () => OpenRequest[], settings: Partial<Settings> = {}, clock = new ManualClock(T0)) {
  const logged: string[] = [];
  const created = vi.spyOn(fakeBrowser.notifications, 'create');
  const background = createBuyerRequestBackgroundJob({
    clock,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    openRequests: async () => requests(),
    log: (message) => void logged.push(message),
  });
  return { background, clock, created, logged };
}

const open = (orderId: string, leftHours: number): OpenRequest => ({
  orderId,
  reason: 'No longer needed',
  deadline: T0 + leftHours * HOUR,
});

beforeEach(() => {
  fakeBrowser.reset();
  resetBadgeParts();
  vi.restoreAllMocks();
});

describe('buyer-request job', () => {
  it('notifies a new request once, across a worker restart (a new job reading the stored ledger)', async () => {
    const first = job(() => [open('111-0000001-0000001', 40)]);
    await first.background.start();
    expect(first.created).toHaveBeenCalledTimes(1);
    expect(first.created.mock.calls[0]?.[1]).toMatchObject({
      type: 'basic',
      message: 'Buyer asked to cancel 111-0000001-0000001: No longer needed — 40 h left',
    });
    vi.restoreAllMocks();

    const restarted = job(() => [open('111-0000001-0000001', 40)]);
    await restarted.background.heal(DEFAULT_SETTINGS);
    expect(restarted.created).not.toHaveBeenCalled();
  });

  it('stores the ledger before showing: a show that fails is not retried on the next run', async () => {
    const first = job(() => [open('111-0000001-0000001', 40)]);
    let storedWhenShown: unknown;
    first.created.mockImplementationOnce(async () => {
      storedWhenShown = (await requestReminderLedgerItem.get()).orders['111-0000001-0000001']?.sent;
      throw new Error('worker killed here');
    });
    await first.background.start();
    // The ledger was already written when the browser was asked to show the notification.
    expect(storedWhenShown).toEqual(['new']);
    expect(first.logged.join()).toContain('could not be shown');

    await first.background.start();
    expect(first.created).toHaveBeenCalledTimes(1);
  });

  it('badges the number of open requests, in the warning colour when one has under 6 hours left', async () => {
    let requests = [open('111-0000001-0000001', 40), open('111-0000002-0000002', 30)];
    const { background } = job(() => requests);
    await background.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(expect.anything());
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Order Manager: 2 buyer cancellation requests waiting for an answer',
    );
    expect((await fakeBrowser.alarms.get(BUYER_REQUEST_ALARM))?.periodInMinutes).toBe(5);

    const colours = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    requests = [open('111-0000001-0000001', 5)];
    await background.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(colours).toHaveBeenLastCalledWith({ color: '#b3261e' });

    requests = [open('111-0000001-0000001', 7)];
    await background.start();
    expect(colours).toHaveBeenLastCalledWith({ color: '#5f6368' });

    requests = [];
    await background.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(BUYER_REQUEST_ALARM)).toBeUndefined();
  });

  it('adds open requests to the outbox count on the badge, and an outbox update does not clear them', async () => {
    const { background } = job(() => [open('111-0000001-0000001', 40)]);
    await background.start();
    await updateBadge({ pending: 2, attention: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Order Manager: 1 buyer cancellation request waiting for an answer; 2 waiting for Amazon',
    );
    await updateBadge({ pending: 0, attention: 0 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('shows nothing while muted, but still counts the requests on the badge', async () => {
    const { background, created } = job(() => [open('111-0000001-0000001', 40)], {
      muteBuyerRequestNotifications: true,
    });
    await background.start();
    expect(created).not.toHaveBeenCalled();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('keeps the entries of a damaged ledger that still parse', async () => {
    await fakeBrowser.storage.local.set({
      requestReminderLedger: {
        orders: { '111-0000001-0000001': { lastOpenAt: T0, sent: ['new'] }, '111-2': { sent: 'new' } },
      },
    });
    expect(await requestReminderLedgerItem.get()).toEqual({
      orders: { '111-0000001-0000001': { lastOpenAt: T0, sent: ['new'] } },
    });
  });

  it('opens the manager on the request of a clicked notification', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotifiedOrder('buyer-request:111-0000001-0000001:6h');
    expect(tabs).toHaveBeenCalledWith({
      url: expect.stringMatching(/manager\.html#order=111-0000001-0000001&action=show-request$/),
    });
  });
});

describe('openRequestOf', () => {
  it('counts 48 hours from when the request was first seen, and nothing once it closed', () => {
    const order = storedOrder({
      orderId: '111-0000001-0000001',
      buyerCancelRequest: { reason: 'Ordered twice', firstSeenAt: '2026-12-01T10:00:00.000Z' },
    });
    expect(openRequestOf(order)).toEqual({
      orderId: '111-0000001-0000001',
      reason: 'Ordered twice',
      deadline: Date.parse('2026-12-03T10:00:00.000Z'),
      sellerFulfilledPrime: false,
    });
    expect(openRequestOf(storedOrder({ orderId: '111-0000003-0000003' }))).toBeUndefined();
  });

  it('counts from requestedAt with the seller’s window, and skips a closed request', () => {
    const request = {
      reason: 'Ordered twice',
      firstSeenAt: '2026-12-01T10:00:00.000Z',
      requestedAt: '2026-12-01T08:00:00.000Z',
    };
    const open = storedOrder({ orderId: '111-0000001-0000001', buyerCancelRequest: request });
    expect(openRequestOf(open, 24)?.deadline).toBe(Date.parse('2026-12-02T08:00:00.000Z'));
    const closed = storedOrder({
      orderId: '111-0000001-0000001',
      buyerCancelRequest: { ...request, closed: { at: '2026-12-01T12:00:00.000Z', how: 'shipped' } },
    });
    expect(openRequestOf(closed, 24)).toBeUndefined();
  });
});

describe('openRequestsInDb: only requests that still wait for an answer', () => {
  const WAITING = '111-0000001-0000001';
  const DECLINED = '111-0000002-0000002';
  const ACCEPTING = '111-0000003-0000003';
  const FAILED = '111-0000004-0000004';
  const REVIEW = '111-0000005-0000005';
  const ACCEPTED = '111-0000006-0000006';
  const SHIPPED = '111-0000007-0000007';
  const request = { reason: 'No longer needed', firstSeenAt: '2026-12-01T08:00:00.000Z' };
  const cancel = (
    orderId: string,
    status: CancelAction['status'],
    id = `${orderId}-${status}`,
  ): CancelAction => ({
    kind: 'cancel',
    id,
    orderId,
    marketplaceId: 'ATVPDKIKX0DER',
    lines: [{ orderItemId: '1', quantity: 1 }],
    wholeOrder: true,
    reason: 'BuyerCanceled',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    status,
  });

  async function seeded(): Promise<OrderDb> {
    const db = await openOrderDb(freshDbName());
    const tx = db.transaction(['orders', 'outbox'], 'readwrite');
    const orders = tx.objectStore('orders');
    const outbox = tx.objectStore('outbox');
    await Promise.all([
      orders.put(storedOrder({ orderId: WAITING, buyerCancelRequest: request })),
      orders.put(
        storedOrder({
          orderId: DECLINED,
          buyerCancelRequest: {
            ...request,
            declined: { at: '2026-12-01T09:00:00.000Z', memo: 'Shipping today' },
          },
        }),
      ),
      orders.put(storedOrder({ orderId: ACCEPTING, buyerCancelRequest: request })),
      orders.put(storedOrder({ orderId: FAILED, buyerCancelRequest: request })),
      orders.put(storedOrder({ orderId: REVIEW, buyerCancelRequest: request })),
      orders.put(storedOrder({ orderId: ACCEPTED, buyerCancelRequest: request })),
      orders.put(storedOrder({ orderId: SHIPPED, status: 'SHIPPED', buyerCancelRequest: request })),
      orders.put(storedOrder({ orderId: '111-0000008-0000008' })),
      outbox.put(cancel(ACCEPTING, 'pending')),
      outbox.put(cancel(FAILED, 'failed')),
      outbox.put(cancel(REVIEW, 'needs-review')),
      outbox.put(cancel(ACCEPTED, 'done')),
      outbox.put(cancel(WAITING, 'failed', 'an-old-failed-cancel')),
    ]);
    await tx.done;
    return db;
  }

  it('leaves out declined requests and orders whose cancel is pending, under review or done; a failed cancel counts again', async () => {
    const db = await seeded();
    const requests = await openRequestsInDb(db);
    expect(requests.map((r) => r.orderId).sort()).toEqual([WAITING, FAILED]);
    db.close();
  });

  it('a line the seller cancelled before the buyer asked does not answer the request: it is counted', async () => {
    const db = await openOrderDb(freshDbName());
    const orderId = '111-0000009-0000009';
    await db.put('orders', storedOrder({ orderId, buyerCancelRequest: request }));
    await db.put('outbox', {
      ...cancel(orderId, 'done'),
      wholeOrder: false,
      reason: 'NoInventory',
      createdAt: '2026-11-30T09:00:00.000Z',
    });
    expect((await openRequestsInDb(db)).map((r) => r.orderId)).toEqual([orderId]);
    db.close();
  });

  it('reminds and badges only those, and stops when the seller declines the last ones', async () => {
    const db = await seeded();
    const created = vi.spyOn(fakeBrowser.notifications, 'create');
    const background = createBuyerRequestBackgroundJob({
      clock: new ManualClock(T0),
      loadSettings: async () => DEFAULT_SETTINGS,
      openRequests: () => openRequestsInDb(db),
    });
    await background.start();
    expect(created.mock.calls.map(([id]) => id).sort()).toEqual([
      `buyer-request:${WAITING}:new`,
      `buyer-request:${FAILED}:new`,
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    await declineBuyerRequest(db, WAITING, 'Already packed', '2026-12-01T10:00:00.000Z');
    await db.put('outbox', cancel(FAILED, 'pending', 'a-second-try'));
    await background.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(BUYER_REQUEST_ALARM)).toBeUndefined();

    // Undoing the decline brings the request back without notifying it a second time.
    await undoDeclineBuyerRequest(db, WAITING);
    await background.start();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(created).toHaveBeenCalledTimes(2);
    db.close();
  });

  it('reads orders only through the request index, not every open order', async () => {
    const db = await seeded();
    const statusIndex = vi.spyOn(IDBIndex.prototype, 'getAll');
    await openRequestsInDb(db);
    const indexes = new Set(statusIndex.mock.instances.map((index) => (index as unknown as IDBIndex).name));
    expect(indexes.has('status')).toBe(false);
    expect(indexes.has('buyerRequest')).toBe(true);
    db.close();
  });
});
