// @vitest-environment jsdom
import type { OrderSummary } from '../../../lib/messaging';
import { NO_ANSWER_TEXT } from '../../../lib/seller-central/ui/not-stored-notice';
import { canOfferCancel, orderPanel, panelLines } from '../../../lib/seller-central/features/order-panel';
import {
  buttonIn,
  fakeRequests,
  hosts,
  loadFixture,
  settle,
  shadowOf,
  summary,
  testContext,
  trustedClick,
  wholeCancel,
} from './seller-central-page';

const ORDER = '113-4567890-1234567';
const DETAILS = `https://sellercentral.amazon.com/orders-v3/order/${ORDER}?ref=orders`;

function panelText(): string[] {
  const host = hosts('order-panel')[0];
  return host ? [...shadowOf(host).querySelectorAll('li')].map((li) => li.textContent ?? '') : [];
}

function buttonNames(): string[] {
  const host = hosts('order-panel')[0];
  return host ? [...shadowOf(host).querySelectorAll('button')].map((b) => b.textContent ?? '') : [];
}

function requestText(): string[] {
  const host = hosts('order-panel')[0];
  const section = host ? shadowOf(host).querySelector('.request') : null;
  return section ? [...section.querySelectorAll('p')].map((p) => p.textContent ?? '') : [];
}

describe('order-panel: a buyer cancellation request', () => {
  const NOW = new Date('2026-03-10T19:00:00Z');
  const runs: AbortController[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    for (const controller of runs.splice(0)) controller.abort();
    vi.useRealTimers();
  });
  const request = {
    reason: 'Ordered by <img src=x onerror=alert(1)> mistake',
    firstSeenAt: '2026-03-10T17:00:00Z',
    requestedAt: '2026-03-10T17:00:00Z',
    deadline: '2026-03-12T17:00:00Z',
  };
  const show = async (fields: Partial<OrderSummary>) => {
    loadFixture('order-details.html', DETAILS);
    const requests = fakeRequests({ [ORDER]: summary(ORDER, fields) });
    const controller = new AbortController();
    runs.push(controller);
    await orderPanel.init(controller.signal, testContext(requests));
    return { requests, host: hosts('order-panel')[0]! };
  };

  it('shows the reason as text, the countdown each minute and the deadline, and opens Accept or Decline', async () => {
    const { requests, host } = await show({ buyerCancelRequest: request });
    expect(requestText()).toEqual([
      'The buyer asked to cancel this order.',
      'Reason: Ordered by <img src=x onerror=alert(1)> mistake',
      'Answer within 46 h',
      expect.stringMatching(/^Answer by Thu,? 12 Mar, \d\d:00 /),
    ]);
    expect(shadowOf(host).querySelector('img')).toBeNull();
    // Accept is the way to cancel here; no second cancel button beside it.
    expect(buttonNames()).toEqual(['Accept (cancel the order)', 'Decline', 'Open in order manager']);
    vi.setSystemTime(new Date('2026-03-12T16:30:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(requestText()[2]).toBe('Answer within 29 min');
    vi.setSystemTime(new Date('2026-03-12T18:00:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(requestText()[2]).toBe('Past the response window');
    expect(requestText()[3]).toMatch(/^The window ended Thu,? 12 Mar/);
    trustedClick(buttonIn(host, 'Accept (cancel the order)'));
    trustedClick(buttonIn(host, 'Decline'));
    await Promise.resolve();
    expect(requests.opened).toEqual([
      { orderId: ORDER, action: 'accept-request' },
      { orderId: ORDER, action: 'decline-request' },
    ]);
  });

  it('a declined request says so and offers no answer buttons', async () => {
    await show({
      buyerCancelRequest: { ...request, declined: { at: '2026-03-10T18:00:00Z', memo: 'Packed' } },
    });
    expect(requestText()[2]).toMatch(/^You declined on Tue,? 10 Mar/);
    expect(requestText()[3]).toBe('Ship as usual: the buyer keeps the order.');
    expect(buttonNames()).toEqual(['Open in order manager', 'Cancel in order manager']);
  });

  it.each(['pending', 'needs-review', 'done'] as const)(
    'a request whose Accept (cancel) is %s says it is answered: no countdown, no second Accept or Decline',
    async (status) => {
      await show({
        buyerCancelRequest: { ...request, answered: true },
        cancel: wholeCancel(status, { reason: 'BuyerCanceled' }),
      });
      expect(requestText()[2]).toBe('You accepted: the cancel is in the order manager.');
      expect(requestText().join(' ')).not.toMatch(/Answer within|Answer by/);
      expect(buttonNames()).toEqual(['Open in order manager']);
    },
  );
});

describe('order-panel', () => {
  // Runs still alive after a failed test would keep placing their hosts; end them all.
  const runs: AbortController[] = [];
  const run = () => {
    const controller = new AbortController();
    runs.push(controller);
    return controller;
  };
  afterEach(() => {
    for (const controller of runs.splice(0)) controller.abort();
  });

  it('shows the manager view below the action buttons, and opens the manager on the order', async () => {
    loadFixture('order-details.html', DETAILS);
    const requests = fakeRequests({
      [ORDER]: summary(ORDER, {
        memo: 'Gift wrap <b>please</b>',
      }),
    });
    const context = testContext(requests);
    const controller = run();
    await orderPanel.init(controller.signal, context);
    const [host, ...rest] = hosts('order-panel');
    expect(rest).toEqual([]);
    // A closed root and no order data on the host: page script can read none of it.
    expect(host?.shadowRoot).toBeNull();
    expect(host?.getAttributeNames()).toEqual(['data-order-manager']);
    expect(host?.previousElementSibling?.getAttribute('data-test-id')).toBe(
      'order-details-header-action-buttons',
    );
    expect(panelText()).toEqual(['Status: Unshipped', 'Memo: Gift wrap <b>please</b>']);
    // Memo text stays text.
    expect(shadowOf(host!).querySelector('b')).toBeNull();
    // Page script's synthetic clicks do nothing; the seller's (trusted) clicks open the manager.
    buttonIn(host!, 'Open in order manager').click();
    buttonIn(host!, 'Cancel in order manager').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(requests.opened).toEqual([]);
    trustedClick(buttonIn(host!, 'Open in order manager'));
    trustedClick(buttonIn(host!, 'Cancel in order manager'));
    await settle();
    expect(requests.opened).toEqual([{ orderId: ORDER }, { orderId: ORDER, action: 'cancel' }]);
    controller.abort();
    expect(hosts('order-panel')).toEqual([]);
  });

  it.each<[string, Partial<OrderSummary>, string[]]>([
    ['pending', { cancel: wholeCancel('pending') }, ['Status: Unshipped', 'Cancel pending']],
    [
      'done',
      { status: 'CANCELLED', cancel: wholeCancel('done') },
      ['Status: Cancelled', 'Cancelled in order manager'],
    ],
    [
      'failed',
      { cancel: wholeCancel('failed', { resultText: 'Order already shipped' }) },
      ['Status: Unshipped', 'Cancel failed: Order already shipped'],
    ],
    [
      'needs review',
      { demo: true, cancel: wholeCancel('needs-review') },
      ['Status: Unshipped (demo data)', 'Cancel needs review in the order manager'],
    ],
  ])('names the cancel state: %s', (_name, fields, lines) => {
    expect(panelLines(summary(ORDER, fields))).toEqual(lines);
  });

  it('says when an order was cancelled outside the manager, and when that was seen', () => {
    const lines = panelLines(
      summary(ORDER, { status: 'CANCELLED', cancelledOutsideManager: { seenAt: '2026-03-11T08:30:00Z' } }),
    );
    expect(lines[1]).toMatch(/^Cancelled outside the order manager \(seen .*2026.*\)$/);
  });

  it('offers no second cancel for a cancelled or cancel-pending order', async () => {
    loadFixture('order-details.html', DETAILS);
    const context = testContext(
      fakeRequests({ [ORDER]: summary(ORDER, { cancel: wholeCancel('pending') }) }),
    );
    const controller = run();
    await orderPanel.init(controller.signal, context);
    expect(buttonNames()).toEqual(['Open in order manager']);
    controller.abort();
  });

  it('keeps the panel with a message that says what to do when the background cannot answer', async () => {
    loadFixture('order-details.html', DETAILS);
    const requests = fakeRequests();
    requests.lookUpOrder = async () => {
      throw new Error('Could not establish connection');
    };
    const controller = run();
    await expect(orderPanel.init(controller.signal, testContext(requests))).rejects.toThrow();
    expect(panelText()).toEqual([NO_ANSWER_TEXT]);
    expect(NO_ANSWER_TEXT).toMatch(/Reload this page and try again/);
    controller.abort();
  });

  it('Katal layout: mounts below the action bar', async () => {
    loadFixture(
      'order-details-katal.html',
      'https://sellercentral.amazon.de/orders-v3/order/302-7654321-1234567',
    );
    const controller = run();
    await orderPanel.init(controller.signal, testContext(fakeRequests('every-order')));
    expect(hosts('order-panel')).toHaveLength(1);
    expect(hosts('order-panel')[0]!.previousElementSibling?.getAttribute('data-test-id')).toBe(
      'order-details-header-action-buttons',
    );
    controller.abort();
  });

  it('starts at the top of the content and moves below the header once it renders late', async () => {
    loadFixture('order-details.html', DETAILS);
    const header = document.querySelector('[data-test-id="order-details-header-action-buttons"]')!;
    header.remove();
    const controller = run();
    await orderPanel.init(controller.signal, testContext());
    // The order id line is the next best anchor.
    expect(hosts('order-panel')[0]!.previousElementSibling?.textContent).toContain(ORDER);
    document.querySelector('[data-test-id="order-id-value"]')!.closest('.a-row')!.parentElement!.remove();
    await settle();
    expect(hosts('order-panel')[0]!.nextElementSibling?.id).toBe('sc-content-container');
    document.querySelector('#MYO-app')!.append(header);
    await settle();
    expect(hosts('order-panel')).toHaveLength(1);
    expect(hosts('order-panel')[0]!.previousElementSibling).toBe(header);
    controller.abort();
  });

  const line = (orderItemId: string, sku: string, ordered: number, cancelled: number) => ({
    orderItemId,
    sku,
    quantityOrdered: ordered,
    quantityShipped: 0,
    quantityCancelled: cancelled,
    quantityOpen: ordered - cancelled,
  });
  const lineCancel = (
    status: 'done' | 'pending' | 'failed' | 'needs-review',
    fields: Partial<OrderSummary> = {},
  ): OrderSummary =>
    summary(ORDER, {
      cancel: {
        status,
        reason: 'NoInventory',
        wholeOrder: false,
        orderItemIds: ['L1'],
        ...(status === 'failed' ? { resultText: 'Item already shipped' } : {}),
      },
      lines: [
        line('L1', 'MUG-RED', 2, status === 'done' ? 2 : 0),
        line('L2', 'MUG-BLUE', 1, 0),
        line('L3', 'TOWEL', 3, 0),
      ],
      ...fields,
    });

  it('a line cancel reads as a line cancel: "1 of 3 lines cancelled", the rest still to ship, more can be cancelled', async () => {
    expect(panelLines(lineCancel('done'))).toEqual([
      'Status: Unshipped',
      '1 of 3 lines cancelled in the order manager: MUG-RED',
      'Still to ship: MUG-BLUE (1 to ship), TOWEL (3 to ship)',
    ]);
    loadFixture('order-details.html', DETAILS);
    const controller = run();
    await orderPanel.init(controller.signal, testContext(fakeRequests({ [ORDER]: lineCancel('done') })));
    expect(buttonNames()).toEqual(['Open in order manager', 'Cancel in order manager']);
  });

  it.each<[string, OrderSummary, string]>([
    ['pending', lineCancel('pending'), 'Cancel of 1 of 3 lines (MUG-RED) pending'],
    ['failed', lineCancel('failed'), 'Cancel of 1 of 3 lines (MUG-RED) failed: Item already shipped'],
    [
      'needs review',
      lineCancel('needs-review'),
      'Cancel of 1 of 3 lines (MUG-RED) needs review in the order manager',
    ],
  ])('names the lines of a %s line cancel', (_name, value, text) => {
    expect(panelLines(value)).toEqual(['Status: Unshipped', text]);
  });

  it('every line cancelled in the manager reads as the order cancelled, with nothing more to cancel', () => {
    const all = summary(ORDER, {
      cancel: { status: 'done', reason: 'NoInventory', wholeOrder: false, orderItemIds: ['L1', 'L2'] },
      lines: [line('L1', 'MUG-RED', 2, 2), line('L2', 'MUG-BLUE', 1, 1)],
    });
    expect(panelLines(all)).toEqual(['Status: Unshipped', 'Cancelled in order manager']);
    expect(canOfferCancel(all)).toBe(false);
  });
});
