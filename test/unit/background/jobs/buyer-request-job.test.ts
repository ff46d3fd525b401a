import { fakeBrowser } from 'wxt/testing';
import {
  BUYER_REQUEST_ALARM,
  createBuyerRequestBackgroundJob,
  openNotifiedOrder,
  openRequestOf,
} from '../../../../lib/background/jobs/buyer-request-job';
import { resetBadgeParts, updateBadge } from '../../../../lib/background/badge';
import { ManualClock } from '../../../../lib/clock';
import type { OpenRequest } from '../../../../lib/domain/request-reminders';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings-schema';
import { requestReminderLedgerItem } from '../../../../lib/storage/request-reminder-ledger';
import { storedOrder } from '../../store/stored-order-fixture';

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

  it('opens the manager on the order of a clicked notification', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotifiedOrder('buyer-request:111-0000001-0000001:6h');
    expect(tabs).toHaveBeenCalledWith({
      url: expect.stringMatching(/manager\.html#order=111-0000001-0000001$/),
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
