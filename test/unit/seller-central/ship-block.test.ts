// @vitest-environment jsdom
import {
  SHIP_BLOCK_TITLE,
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
  summary,
  testContext,
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
  it.each(PAGES)(
    '%s: blocks shipping an order cancelled in the manager',
    async (fixture, url, orderId, shipSelector) => {
      loadFixture(fixture, url);
      const requests = fakeRequests({
        [orderId]: summary(orderId, {
          status: 'CANCELLED',
          cancel: { status: 'done', reason: 'NoInventory' },
        }),
      });
      const context = testContext(requests, false);
      const controller = new AbortController();
      await shipBlock.init(controller.signal, context);
      expect(requests.summariesAsked).toEqual([orderId]);
      const [host, ...rest] = hosts('ship-block');
      expect(rest).toEqual([]);
      expect(host?.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain(SHIP_BLOCK_TITLE);
      expect(host?.nextElementSibling?.id).toBe('sc-content-container');

      const ship = document.querySelector(shipSelector)!;
      expect(clickAsPage(ship)).toEqual({ pageSawClick: false, defaultPrevented: true });
      expect(context.confirmations).toHaveLength(1);
      context.answer = true;
      expect(clickAsPage(ship).pageSawClick).toBe(true);
      // Choosing a carrier or service is never blocked.
      clickAsPage(document.querySelector('select, input[type="radio"]')!);
      expect(context.confirmations).toHaveLength(2);

      buttonIn(host!, 'Open in order manager').click();
      await settle();
      expect(requests.opened).toEqual([{ orderId }]);

      controller.abort();
      expect(hosts('ship-block')).toEqual([]);
      context.answer = false;
      expect(clickAsPage(ship).pageSawClick).toBe(true);
    },
  );

  it('blocks while a cancel is pending, and for an order cancelled outside the manager', () => {
    expect(
      shipBlockReason(summary(US_ORDER, { cancel: { status: 'pending', reason: 'NoInventory' } })),
    ).toMatch(/pending/);
    expect(shipBlockReason(summary(US_ORDER, { status: 'CANCELLED' }))).toMatch(/cancelled/);
    expect(
      shipBlockReason(summary(US_ORDER, { cancelledOutsideManager: { seenAt: '2026-03-01T10:00:00Z' } })),
    ).toBeDefined();
  });

  it('says nothing about orders that are fine, failed to cancel, or unknown', () => {
    expect(shipBlockReason(summary(US_ORDER))).toBeUndefined();
    expect(
      shipBlockReason(
        summary(US_ORDER, { cancel: { status: 'failed', reason: 'NoInventory', resultText: 'Shipped' } }),
      ),
    ).toBeUndefined();
    expect(shipBlockReason({ orderId: US_ORDER, known: false, demo: false })).toBeUndefined();
  });

  it.each([
    ['an unshipped order', summary(US_ORDER)],
    ['an unknown order', undefined],
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
});
