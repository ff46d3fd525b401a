// @vitest-environment jsdom
import type { OrderSummary } from '../../../lib/messaging';
import { orderPanel, panelLines } from '../../../lib/seller-central/features/order-panel';
import {
  buttonIn,
  fakeRequests,
  hosts,
  loadFixture,
  settle,
  summary,
  testContext,
} from './seller-central-page';

const ORDER = '113-4567890-1234567';
const DETAILS = `https://sellercentral.amazon.com/orders-v3/order/${ORDER}?ref=orders`;

function panelText(): string[] {
  const host = hosts('order-panel')[0];
  return [...(host?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? '');
}

function buttonNames(): string[] {
  return [...(hosts('order-panel')[0]?.shadowRoot?.querySelectorAll('button') ?? [])].map(
    (b) => b.textContent ?? '',
  );
}

describe('order-panel', () => {
  it('shows the manager view below the action buttons, and opens the manager on the order', async () => {
    loadFixture('order-details.html', DETAILS);
    const requests = fakeRequests({
      [ORDER]: summary(ORDER, {
        memo: 'Gift wrap <b>please</b>',
        buyerCancelRequest: { reason: 'Ordered by mistake', firstSeenAt: '2026-03-10T17:00:00Z' },
      }),
    });
    const context = testContext(requests);
    const controller = new AbortController();
    await orderPanel.init(controller.signal, context);
    const [host, ...rest] = hosts('order-panel');
    expect(rest).toEqual([]);
    expect(host?.getAttribute('data-order-id')).toBe(ORDER);
    expect(host?.previousElementSibling?.getAttribute('data-test-id')).toBe(
      'order-details-header-action-buttons',
    );
    expect(panelText()).toEqual([
      'Status: Unshipped',
      'Buyer requested cancellation: Ordered by mistake',
      'Memo: Gift wrap <b>please</b>',
    ]);
    // Memo text stays text.
    expect(host?.shadowRoot?.querySelector('b')).toBeNull();
    buttonIn(host!, 'Open in order manager').click();
    buttonIn(host!, 'Cancel in order manager').click();
    await settle();
    expect(requests.opened).toEqual([{ orderId: ORDER }, { orderId: ORDER, action: 'cancel' }]);
    controller.abort();
    expect(hosts('order-panel')).toEqual([]);
  });

  it.each<[string, Partial<OrderSummary>, string[]]>([
    [
      'pending',
      { cancel: { status: 'pending', reason: 'NoInventory' } },
      ['Status: Unshipped', 'Cancel pending'],
    ],
    [
      'done',
      { status: 'CANCELLED', cancel: { status: 'done', reason: 'NoInventory' } },
      ['Status: Cancelled', 'Cancelled in order manager'],
    ],
    [
      'failed',
      { cancel: { status: 'failed', reason: 'NoInventory', resultText: 'Order already shipped' } },
      ['Status: Unshipped', 'Cancel failed: Order already shipped'],
    ],
    [
      'needs review',
      { demo: true, cancel: { status: 'needs-review', reason: 'NoInventory' } },
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
      fakeRequests({ [ORDER]: summary(ORDER, { cancel: { status: 'pending', reason: 'NoInventory' } }) }),
    );
    const controller = new AbortController();
    await orderPanel.init(controller.signal, context);
    expect(buttonNames()).toEqual(['Open in order manager']);
    controller.abort();
  });

  it('says so when the order manager does not know the order', async () => {
    loadFixture('order-details.html', DETAILS);
    const controller = new AbortController();
    await orderPanel.init(controller.signal, testContext());
    expect(panelText()).toEqual(['This order is not in the order manager yet.']);
    expect(buttonNames()).toEqual(['Open in order manager', 'Cancel in order manager']);
    controller.abort();
  });

  it('keeps the panel with a short message when the background cannot answer', async () => {
    loadFixture('order-details.html', DETAILS);
    const requests = fakeRequests();
    requests.getOrderSummary = async () => {
      throw new Error('Could not establish connection');
    };
    const controller = new AbortController();
    await expect(orderPanel.init(controller.signal, testContext(requests))).rejects.toThrow();
    expect(panelText()).toEqual(['The order manager could not be reached.']);
    controller.abort();
  });

  it('Katal layout: mounts below the action bar', async () => {
    loadFixture(
      'order-details-katal.html',
      'https://sellercentral.amazon.de/orders-v3/order/302-7654321-1234567',
    );
    const controller = new AbortController();
    await orderPanel.init(controller.signal, testContext());
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
    const controller = new AbortController();
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
});
