import type { FirstReported } from '../../../lib/domain/order';
import type { OrderReportRow } from '../../../lib/formats/order-report';
import { orderStatusFromReport, ordersFromReport } from '../../../lib/sync/order-from-report';

const FIRST: FirstReported = {
  at: '2026-11-26T10:00:00.000Z',
  source: {
    kind: 'report',
    reportId: 'R-1',
    reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
  },
};
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

function row(overrides: Partial<OrderReportRow> = {}): OrderReportRow {
  return {
    line: 2,
    amazonOrderId: '113-1111111-1111111',
    purchaseDate: '2026-11-20T10:00:00.000Z',
    lastUpdatedDate: '2026-11-20T12:00:00.000Z',
    orderStatus: 'Unshipped',
    fulfillmentChannel: 'Merchant',
    fulfilledBy: 'MERCHANT',
    salesChannel: 'Amazon.com',
    shipServiceLevel: 'Standard',
    productName: 'Blue Mug',
    sku: 'MUG-BLUE',
    asin: 'B000TEST01',
    itemStatus: 'Unshipped',
    quantity: 2,
    currency: 'USD',
    itemPrice: usd(4998),
    isBusinessOrder: false,
    extra: {},
    ...overrides,
  };
}

describe('ordersFromReport', () => {
  it('keeps each row’s money as parts (promotions negative) that sum to the line and order totals', () => {
    const { order, items } = ordersFromReport(
      [
        row({
          quantity: 1,
          itemPrice: usd(3699),
          itemTax: usd(296),
          shippingPrice: usd(499),
          shippingTax: usd(40),
          itemPromotionDiscount: usd(370),
          shipPromotionDiscount: usd(-499),
        }),
        row({
          sku: 'TEA',
          quantity: 2,
          itemPrice: usd(1000),
          giftWrapPrice: usd(300),
          giftWrapTax: usd(24),
        }),
      ],
      FIRST,
    ).orders[0]!;
    expect(items[0]?.charges).toEqual({
      item: usd(3699),
      shipping: usd(499),
      tax: usd(336),
      promotions: usd(-869),
    });
    expect(items[0]?.unitPrice).toEqual(usd(3699));
    expect(items[0]?.lineTotal).toEqual(usd(3699 + 499 + 336 - 869));
    expect(items[1]?.charges).toEqual({ item: usd(1000), giftWrap: usd(300), tax: usd(24) });
    expect(items[1]?.unitPrice).toEqual(usd(500));
    expect(items[1]?.lineTotal).toEqual(usd(1324));
    expect(order.total).toEqual(usd(3699 + 499 + 336 - 869 + 1324));
  });

  it('stores no parts or line total for an unpriced (pending) row', () => {
    const { items } = ordersFromReport(
      [row({ orderStatus: 'Pending', currency: undefined, itemPrice: undefined })],
      FIRST,
    ).orders[0]!;
    expect(items[0]?.charges).toBeUndefined();
    expect(items[0]?.lineTotal).toBeUndefined();
  });

  it('groups rows of one order into lines with stable synthetic ids', () => {
    const { orders, rejected } = ordersFromReport(
      [
        row(),
        row({
          line: 3,
          sku: 'MUG-RED',
          asin: 'B000TEST02',
          productName: 'Red Mug',
          quantity: 1,
          itemPrice: usd(1999),
          lastUpdatedDate: '2026-11-21T08:00:00.000Z',
        }),
        row({ line: 4, quantity: 1, itemPrice: usd(2499) }),
        row({ line: 5, amazonOrderId: '113-2222222-2222222' }),
      ],
      FIRST,
      { defaultMarketplaceId: 'ATVPDKIKX0DER' },
    );
    expect(rejected).toEqual([]);
    expect(orders).toHaveLength(2);
    const first = orders[0]!;
    expect(first.items.map((i) => i.orderItemId)).toEqual([
      'report:MUG-BLUE:1',
      'report:MUG-RED:1',
      'report:MUG-BLUE:2',
    ]);
    expect(first.items[0]).toMatchObject({
      quantityOrdered: 2,
      quantityShipped: 0,
      unitPrice: usd(2499),
      lineTotal: usd(4998),
    });
    expect(first.order).toMatchObject({
      orderId: '113-1111111-1111111',
      marketplaceId: 'ATVPDKIKX0DER',
      marketplaceName: 'Amazon.com',
      channel: 'AMAZON',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      detailLevel: 'report',
      itemCount: 4,
      total: usd(4998 + 1999 + 2499),
      lastUpdated: '2026-11-21T08:00:00.000Z',
      firstReported: FIRST,
      // The report has no Prime flag, so the order has no known type (never Standard by guess).
      subTypes: [],
    });
    expect(first.order.isPrime).toBeUndefined();
    expect(first.order.searchText).toContain('red mug');
  });

  it('reads Prime only from an is-prime column, and business and second-day sub-types', () => {
    const noColumn = ordersFromReport([row()], FIRST).orders[0]!.order;
    expect(noColumn.isPrime).toBeUndefined();
    const businessPrime = ordersFromReport([row({ isPrime: true, isBusinessOrder: true })], FIRST).orders[0]!
      .order;
    expect(businessPrime.subTypes).toEqual(['prime', 'business', 'business-prime']);
    expect(businessPrime.programs).toEqual(['PRIME', 'AMAZON_BUSINESS']);
    const secondDay = ordersFromReport([row({ shipServiceLevel: 'SecondDay', isPrime: false })], FIRST)
      .orders[0]!.order;
    expect(secondDay.subTypes).toEqual(['second-day']);
    expect(secondDay.isPrime).toBe(false);
  });

  it('marks Non-Amazon orders and falls back to the report marketplace', () => {
    const { order } = ordersFromReport([row({ salesChannel: 'Non-Amazon' })], FIRST, {
      defaultMarketplaceId: 'A1PA6795UKMFR9',
    }).orders[0]!;
    expect(order.channel).toBe('NON_AMAZON');
    expect(order.marketplaceId).toBe('A1PA6795UKMFR9');
    expect(order.marketplaceName).toBeUndefined();
  });

  it('keeps custom URLs and buyer cancellation requests', () => {
    const { order, items } = ordersFromReport(
      [
        row({
          customizedUrl: 'https://zme-caps.amazon.com/t/x.zip',
          isBuyerRequestedCancellation: true,
          buyerRequestedCancelReason: 'Ordered twice',
        }),
      ],
      FIRST,
    ).orders[0]!;
    expect(items[0]?.customizedUrl).toBe('https://zme-caps.amazon.com/t/x.zip');
    expect(items[0]?.cancelRequest).toEqual({ requester: 'BUYER', reason: 'Ordered twice' });
    expect(order.buyerCancelRequest).toEqual({
      reason: 'Ordered twice',
      firstSeenAt: FIRST.at,
      requestedAt: '2026-11-20T12:00:00.000Z',
    });
  });

  it('sums JPY and EUR charges in minor units, discounts reducing the total', () => {
    const jpy = ordersFromReport(
      [
        row({
          currency: 'JPY',
          itemPrice: { amountMinor: 5980, currency: 'JPY' },
          shippingPrice: { amountMinor: 500, currency: 'JPY' },
          itemPromotionDiscount: { amountMinor: 300, currency: 'JPY' },
        }),
      ],
      FIRST,
    ).orders[0]!.order;
    expect(jpy.total).toEqual({ amountMinor: 6180, currency: 'JPY' });
    const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
    const de = ordersFromReport(
      [
        row({
          salesChannel: 'Amazon.de',
          currency: 'EUR',
          itemPrice: eur(1990),
          itemTax: eur(378),
          shipPromotionDiscount: eur(-100),
        }),
      ],
      FIRST,
    ).orders[0]!.order;
    // Amazon.de prices include VAT: the report's item-tax is the VAT inside item-price, not added.
    expect(de.total).toEqual(eur(1990 - 100));
    expect(de.marketplaceId).toBe('A1PA6795UKMFR9');
  });

  it('keeps the VAT of a VAT market inside the price, shown beside the line, and adds US sales tax', () => {
    const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
    const uk = ordersFromReport(
      [row({ salesChannel: 'Amazon.co.uk', currency: 'GBP', itemPrice: gbp(3699), itemTax: gbp(617) })],
      FIRST,
    ).orders[0]!;
    expect(uk.order.total).toEqual(gbp(3699));
    expect(uk.items[0]!.lineTotal).toEqual(gbp(3699));
    expect(uk.items[0]!.charges?.tax).toBeUndefined();
    expect(uk.items[0]!.includedTax).toEqual(gbp(617));
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    const us = ordersFromReport(
      [row({ salesChannel: 'Amazon.com', currency: 'USD', itemPrice: usd(3699), itemTax: usd(296) })],
      FIRST,
    ).orders[0]!;
    expect(us.order.total).toEqual(usd(3699 + 296));
    expect(us.items[0]!.charges?.tax).toEqual(usd(296));
    expect(us.items[0]!.includedTax).toBeUndefined();
  });

  it('leaves the total unknown when no line is priced (pending orders)', () => {
    const { order } = ordersFromReport(
      [row({ orderStatus: 'Pending', currency: undefined, itemPrice: undefined })],
      FIRST,
    ).orders[0]!;
    expect(order.status).toBe('PENDING');
    expect(order.total).toBeUndefined();
  });

  it('rejects an order with an unknown status or mixed currencies, keeping the others', () => {
    const { orders, rejected } = ordersFromReport(
      [
        row({ amazonOrderId: 'A', orderStatus: 'Teleported' }),
        row({ amazonOrderId: 'B' }),
        row({ amazonOrderId: 'C' }),
        row({ amazonOrderId: 'C', currency: 'EUR', itemPrice: { amountMinor: 1, currency: 'EUR' } }),
      ],
      FIRST,
    );
    expect(orders.map((o) => o.order.orderId)).toEqual(['B']);
    expect(rejected).toEqual([
      { orderId: 'A', reason: 'unknown order-status "Teleported"' },
      { orderId: 'C', reason: 'rows in several currencies (USD, EUR)' },
    ]);
  });

  it.each([
    ['Pending', 'PENDING'],
    ['Unshipped', 'UNSHIPPED'],
    ['PartiallyShipped', 'PARTIALLY_SHIPPED'],
    ['Shipped', 'SHIPPED'],
    ['Shipped - Delivered to Buyer', 'SHIPPED'],
    ['Shipping', 'UNSHIPPED'],
    ['Cancelled', 'CANCELLED'],
    ['Canceled', 'CANCELLED'],
    ['Unfulfillable', 'UNFULFILLABLE'],
    ['Nonsense', undefined],
  ])('report status %s → %s', (text, status) => {
    expect(orderStatusFromReport(text)).toBe(status);
  });
});
