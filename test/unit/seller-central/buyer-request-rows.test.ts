// @vitest-environment jsdom
import type { OrderSummary } from '../../../lib/messaging';
import { buyerRequestRows } from '../../../lib/seller-central/features/buyer-request-rows';
import { featureRegistry } from '../../../lib/seller-central/feature-registry';
import '../../../lib/seller-central/register-features';
import {
  buttonIn,
  fakeRequests,
  wholeCancel,
  hosts,
  loadFixture,
  settle,
  shadowOf,
  summary,
  testContext,
  trustedClick,
} from './seller-central-page';

const LIST = 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped';
const OPEN = '113-4567890-1234567';
const DECLINED = '114-2223334-5556667';
const UNKNOWN = '112-7778889-9990001';
const NO_MARK = '111-9998887-7776665';
const NOW = new Date('2026-03-10T19:00:00Z');

const request = {
  reason: 'Order created by mistake',
  firstSeenAt: '2026-03-10T17:00:00Z',
  requestedAt: '2026-03-10T17:00:00Z',
  deadline: '2026-03-12T17:00:00Z',
};

function stored(): Record<string, OrderSummary> {
  return {
    [OPEN]: summary(OPEN, { buyerCancelRequest: request }),
    [DECLINED]: summary(DECLINED, {
      buyerCancelRequest: { ...request, declined: { at: '2026-03-10T18:00:00Z', memo: 'Packed' } },
    }),
    // Stored, but the manager has no request for it: its sync has not seen the request yet.
    [UNKNOWN]: summary(UNKNOWN),
    [NO_MARK]: summary(NO_MARK),
  };
}

/** The note beside the marker of the row for this order. */
function noteOf(orderId: string): HTMLElement {
  const link = document.querySelector(`a[href="/orders-v3/order/${orderId}"]`);
  const host = link?.closest('tr')?.querySelector<HTMLElement>('[data-order-manager="buyer-request-rows"]');
  if (!host) throw new Error(`no note on the row of ${orderId}`);
  return host;
}

const text = (host: Element) => shadowOf(host).querySelector('.box')?.textContent ?? '';

describe('buyer-request-rows on Manage Orders', () => {
  const runs: AbortController[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    for (const controller of runs.splice(0)) controller.abort();
    vi.useRealTimers();
  });
  const start = async (requests = fakeRequests(stored())) => {
    loadFixture('manage-orders-requests.html', LIST);
    const controller = new AbortController();
    runs.push(controller);
    const context = testContext(requests);
    buyerRequestRows.init(controller.signal, context);
    await settle();
    return { requests, controller, context };
  };

  it('is registered for Manage Orders only', () => {
    const ids = (url: string) => featureRegistry.matching(new URL(url)).map((f) => f.id);
    expect(ids(LIST)).toContain('buyer-request-rows');
    expect(ids(`https://sellercentral.amazon.com/orders-v3/order/${OPEN}`)).not.toContain(
      'buyer-request-rows',
    );
  });

  it('puts a note beside each marked row only, asking the manager once per order', async () => {
    const { requests } = await start();
    expect(hosts('buyer-request-rows')).toHaveLength(3);
    for (const host of hosts('buyer-request-rows')) {
      expect(host.previousElementSibling?.className).toBe('buyer-requested-cancel');
      expect(host.shadowRoot).toBeNull();
      expect(host.getAttributeNames()).toEqual(['data-order-manager']);
    }
    expect(requests.summariesAsked.sort()).toEqual([DECLINED, OPEN, UNKNOWN].sort());
  });

  it("shows the manager's countdown, refreshed each minute, and opens the requests view", async () => {
    const { requests } = await start();
    const host = noteOf(OPEN);
    expect(text(host)).toBe('Answer within 46 h · Answer in order manager');
    vi.setSystemTime(new Date('2026-03-12T16:30:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(text(host)).toBe('Answer within 29 min · Answer in order manager');
    vi.setSystemTime(new Date('2026-03-12T17:00:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(text(host)).toBe('Past the response window · Answer in order manager');
    // Page script cannot press it; the seller can.
    buttonIn(host, 'Answer in order manager').click();
    await settle();
    expect(requests.opened).toEqual([]);
    trustedClick(buttonIn(host, 'Answer in order manager'));
    await settle();
    expect(requests.opened).toEqual([{ view: 'requests' }]);
  });

  it('a request whose Accept is on its way to Amazon says so, not a countdown', async () => {
    await start(
      fakeRequests({
        ...stored(),
        [OPEN]: summary(OPEN, {
          buyerCancelRequest: { ...request, answered: true },
          cancel: wholeCancel('pending', { reason: 'BuyerCanceled' }),
        }),
      }),
    );
    expect(text(noteOf(OPEN))).toBe(
      'You accepted: the cancel is in the order manager. · Answer in order manager',
    );
  });

  it('says when the seller declined', async () => {
    await start();
    expect(text(noteOf(DECLINED))).toMatch(
      /^You declined on Tue,? 10 Mar, \d\d:00 .* · Answer in order manager$/,
    );
  });

  it('a request the manager has not recorded: says so with Sync now, never a deadline, then shows it once synced', async () => {
    const requests = fakeRequests(stored());
    const { context } = await start(requests);
    const host = noteOf(UNKNOWN);
    expect(text(host)).toBe('The order manager has not seen this request yet.Sync now');
    expect(text(host)).not.toMatch(/Answer within|h left/);
    // The page's reason holds markup; none of it reaches the note, and the page's text stays text.
    expect(shadowOf(host).querySelector('img, b')).toBeNull();
    expect(document.querySelector('#orders-table img')).toBeNull();
    requests.syncAnswer = async (orderId) => ({
      synced: true,
      lookup: { stored: true, summary: summary(orderId, { buyerCancelRequest: request }) },
    });
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(requests.syncs).toEqual([UNKNOWN]);
    expect(text(host)).toBe('Answer within 46 h · Answer in order manager');
    expect(context.warnings).toEqual([]);
  });

  it('an order not synced yet gets the same note; a sync that still finds nothing says so', async () => {
    const table = stored();
    delete table[UNKNOWN];
    const requests = fakeRequests(table);
    await start(requests);
    const host = noteOf(UNKNOWN);
    expect(text(host)).toBe('The order manager has not seen this request yet.Sync now');
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(text(host)).toMatch(/still has no open request for this order.*Sync now$/);
    requests.syncAnswer = async () => ({ synced: false, reason: 'The order manager is offline.' });
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(text(host)).toContain('The order manager is offline.');
  });

  it('demo mode: says why the manager cannot have the order, with Open Settings', async () => {
    await start(fakeRequests({}, 'demo'));
    const host = noteOf(OPEN);
    expect(text(host)).toMatch(/demo mode/);
    expect(buttonIn(host, 'Open Settings')).toBeDefined();
  });

  it('rows added later get a note; a re-rendered row does not ask the manager again', async () => {
    const { requests } = await start();
    const tbody = document.querySelector('#orders-table tbody')!;
    const row = noteOf(OPEN).closest('tr')!;
    const copy = row.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-order-manager]')?.remove();
    row.remove();
    tbody.append(copy);
    await settle();
    expect(copy.querySelectorAll('[data-order-manager="buyer-request-rows"]')).toHaveLength(1);
    expect(text(noteOf(OPEN))).toBe('Answer within 46 h · Answer in order manager');
    expect(requests.summariesAsked.filter((id) => id === OPEN)).toHaveLength(1);
  });

  it('a lookup that fails says the manager did not answer', async () => {
    const requests = fakeRequests(stored());
    requests.lookUpOrder = () => Promise.reject(new Error('no answer'));
    const { context } = await start(requests);
    expect(text(noteOf(OPEN))).toMatch(/did not answer/);
    expect(context.warnings).toContain('buyer-request-rows: order lookup failed');
  });
});
