// @vitest-environment jsdom
import type { OrderSummary } from '../../../lib/messaging';
import {
  PART_CANCELLED_TITLE,
  SHIP_BLOCK_TITLE,
  shipAdvice,
  shipBlock,
  shipBlockReason,
} from '../../../lib/seller-central/features/ship-block';
import {
  buttonIn,
  clickAsPage,
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

const US_ORDER = '113-4567890-1234567';
const UK_ORDER = '203-1234567-7654321';
const DE_ORDER = '302-7654321-1234567';

const PAGES = [
  [
    'confirm-shipment.html',
    `https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}/confirm-shipment`,
    US_ORDER,
    'input[type="submit"]',
  ],
  [
    'buy-shipping.html',
    `https://sellercentral.amazon.co.uk/orders-v3/order/${UK_ORDER}/buy-shipping`,
    UK_ORDER,
    '#buy-shipping-submit',
  ],
  [
    'edit-shipment.html',
    `https://sellercentral.amazon.de/orders-v3/order/${DE_ORDER}/edit-shipment`,
    DE_ORDER,
    'input[type="submit"]',
  ],
] as const;

describe('ship-block', () => {
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

  it.each(PAGES)(
    '%s: blocks shipping an order cancelled in the manager',
    async (fixture, url, orderId, shipSelector) => {
      loadFixture(fixture, url);
      const requests = fakeRequests({
        [orderId]: summary(orderId, {
          status: 'CANCELLED',
          cancel: wholeCancel('done'),
        }),
      });
      const context = testContext(requests, false);
      const controller = new AbortController();
      await shipBlock.init(controller.signal, context);
      expect(requests.summariesAsked).toEqual([orderId]);
      const [host, ...rest] = hosts('ship-block');
      expect(rest).toEqual([]);
      expect(shadowOf(host!).querySelector('[role="alert"]')?.textContent).toContain(SHIP_BLOCK_TITLE);
      expect(host?.nextElementSibling?.id).toBe('sc-content-container');

      const ship = document.querySelector(shipSelector)!;
      expect(clickAsPage(ship)).toEqual({ pageSawClick: false, defaultPrevented: true });
      expect(context.confirmations).toHaveLength(1);
      context.answer = true;
      expect(clickAsPage(ship).pageSawClick).toBe(true);
      // Choosing a carrier or service is never blocked.
      clickAsPage(document.querySelector('select, input[type="radio"]')!);
      expect(context.confirmations).toHaveLength(2);

      trustedClick(buttonIn(host!, 'Open in order manager'));
      await settle();
      expect(requests.opened).toEqual([{ orderId }]);

      controller.abort();
      expect(hosts('ship-block')).toEqual([]);
      context.answer = false;
      expect(clickAsPage(ship).pageSawClick).toBe(true);
    },
  );

  it('blocks while a cancel is pending, and for an order cancelled outside the manager', () => {
    expect(shipBlockReason(summary(US_ORDER, { cancel: wholeCancel('pending') }))).toMatch(/pending/);
    expect(shipBlockReason(summary(US_ORDER, { status: 'CANCELLED' }))).toMatch(/cancelled/);
    expect(
      shipBlockReason(summary(US_ORDER, { cancelledOutsideManager: { seenAt: '2026-03-01T10:00:00Z' } })),
    ).toBeDefined();
  });

  it('says nothing about orders that are fine or failed to cancel', () => {
    expect(shipBlockReason(summary(US_ORDER))).toBeUndefined();
    expect(
      shipBlockReason(summary(US_ORDER, { cancel: wholeCancel('failed', { resultText: 'Shipped' }) })),
    ).toBeUndefined();
  });

  it.each([
    ['an unshipped order', summary(US_ORDER)],
    ['an order the manager does not have', undefined],
  ])('shows nothing and blocks nothing for %s', async (_name, known) => {
    loadFixture(
      'confirm-shipment.html',
      `https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}/confirm-shipment`,
    );
    const context = testContext(fakeRequests(known ? { [US_ORDER]: known } : {}), false);
    const controller = new AbortController();
    await shipBlock.init(controller.signal, context);
    expect(hosts('ship-block')).toEqual([]);
    expect(clickAsPage(document.querySelector('input[type="submit"]')!).pageSawClick).toBe(true);
    expect(context.confirmations).toEqual([]);
    controller.abort();
  });

  it('adds nothing when the page was left before the summary arrived', async () => {
    loadFixture(
      'confirm-shipment.html',
      `https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}/confirm-shipment`,
    );
    const context = testContext(fakeRequests({ [US_ORDER]: summary(US_ORDER, { status: 'CANCELLED' }) }));
    const controller = new AbortController();
    const running = shipBlock.init(controller.signal, context);
    controller.abort();
    await running;
    expect(hosts('ship-block')).toEqual([]);
  });

  const line = (orderItemId: string, sku: string, ordered: number, cancelled: number) => ({
    orderItemId,
    sku,
    quantityOrdered: ordered,
    quantityShipped: 0,
    quantityCancelled: cancelled,
    quantityOpen: ordered - cancelled,
  });
  const lineCancelled = (status: 'done' | 'pending' | 'needs-review'): OrderSummary =>
    summary(US_ORDER, {
      cancel: { status, reason: 'NoInventory', wholeOrder: false, orderItemIds: ['L1'] },
      lines: [
        line('L1', 'MUG-RED', 2, status === 'done' ? 2 : 0),
        line('L2', 'MUG-BLUE', 1, 0),
        line('L3', 'TOWEL', 3, 0),
      ],
    });

  it('a line cancelled in the manager does not block shipping the other lines, and says which lines ship', async () => {
    loadFixture(
      'confirm-shipment.html',
      `https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}/confirm-shipment`,
    );
    const context = testContext(fakeRequests({ [US_ORDER]: lineCancelled('done') }), false);
    const controller = run();
    await shipBlock.init(controller.signal, context);
    const [host] = hosts('ship-block');
    const note = shadowOf(host!).querySelector('[role="note"]');
    expect(shadowOf(host!).querySelector('[role="alert"]')).toBeNull();
    expect(note?.textContent).toContain(PART_CANCELLED_TITLE);
    expect(note?.textContent).toContain(
      '1 of 3 lines were cancelled in the order manager: MUG-RED. Do not ship them.',
    );
    expect(note?.textContent).toContain(
      'The rest of the order still ships: MUG-BLUE (1 to ship), TOWEL (3 to ship).',
    );
    expect(clickAsPage(document.querySelector('input[type="submit"]')!)).toEqual({
      pageSawClick: true,
      defaultPrevented: false,
    });
    expect(context.confirmations).toEqual([]);
    controller.abort();
  });

  it('blocks when the manager cancelled every line, and names the lines of a pending line cancel', () => {
    const everyLine = summary(US_ORDER, {
      cancel: { status: 'done', reason: 'NoInventory', wholeOrder: false, orderItemIds: ['L1', 'L2'] },
      lines: [line('L1', 'MUG-RED', 2, 2), line('L2', 'MUG-BLUE', 1, 1)],
    });
    expect(shipBlockReason(everyLine)).toBe('This order was cancelled in the order manager.');
    expect(shipBlockReason(lineCancelled('pending'))).toBe(
      'A cancellation of 1 of 3 lines (MUG-RED) of this order is pending in the order manager.',
    );
    // Needs review blocks nothing, as before; only a pending or finished cancel does.
    expect(shipAdvice(lineCancelled('needs-review'))).toBeUndefined();
  });

  it('acts on trusted clicks only: page script can neither open the manager nor raise the dialog', async () => {
    loadFixture(
      'confirm-shipment.html',
      `https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}/confirm-shipment`,
    );
    const requests = fakeRequests({ [US_ORDER]: summary(US_ORDER, { cancel: wholeCancel('pending') }) });
    const context = testContext(requests, false);
    const controller = run();
    await shipBlock.init(controller.signal, context);
    const [host] = hosts('ship-block');
    // Closed root: page script sees no shadowRoot, and the host carries no order data.
    expect(host!.shadowRoot).toBeNull();
    expect(host!.getAttributeNames()).toEqual(['data-order-manager']);

    const open = buttonIn(host!, 'Open in order manager');
    open.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    open.click();
    host!.click();
    await settle();
    expect(requests.opened).toEqual([]);
    clickAsPage(document.querySelector('input[type="submit"]')!, { trusted: false });
    expect(context.confirmations).toEqual([]);

    trustedClick(open);
    await settle();
    expect(requests.opened).toEqual([{ orderId: US_ORDER }]);
    expect(clickAsPage(document.querySelector('input[type="submit"]')!).pageSawClick).toBe(false);
    expect(context.confirmations).toHaveLength(1);
    controller.abort();
  });
});
