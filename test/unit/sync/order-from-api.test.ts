import type { FirstReported } from '../../../lib/domain/order';
import { v2026OrderSchema } from '../../../lib/sp-api/schemas/orders';
import { OrderMappingError, orderFromApi } from '../../../lib/sync/order-from-api';
import { v2026OrderJson } from '../sp-api/v2026-order-fixture';

const FIRST: FirstReported = {
  at: '2026-11-26T10:00:00.000Z',
  source: { kind: 'search', syncRunId: 'run-1' },
};
const order = (overrides: Record<string, unknown> = {}) => v2026OrderSchema.parse(v2026OrderJson(overrides));
const fulfillment = (extra: Record<string, unknown>) => ({
  fulfillmentStatus: 'UNSHIPPED',
  fulfilledBy: 'MERCHANT',
  fulfillmentServiceLevel: 'STANDARD',
  ...extra,
});

describe('orderFromApi', () => {
  it('keeps each line’s proceeds breakdown as parts that sum to the line total', () => {
    const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
    const line = (orderItemId: string, quantityOrdered: number, total: string, breakdowns: unknown[]) => ({
      orderItemId,
      quantityOrdered,
      product: { sellerSku: `SKU-${orderItemId}`, price: { unitPrice: usd('36.99') } },
      proceeds: { proceedsTotal: usd(total), breakdowns },
    });
    const { items } = orderFromApi(
      order({
        orderItems: [
          // 36.99 + 4.99 shipping + 3.33 tax − 3.70 promotion (sent positive) + 1.00 COD fee = 42.61
          line('1', 1, '42.61', [
            { type: 'ITEM', subtotal: usd('36.99') },
            { type: 'SHIPPING', subtotal: usd('4.99') },
            { type: 'TAX', subtotal: usd('3.33') },
            { type: 'DISCOUNT', subtotal: usd('3.70') },
            { type: 'COD_FEE', subtotal: usd('1.00') },
          ]),
          line('2', 2, '76.48', [
            { type: 'ITEM', subtotal: usd('73.98') },
            { type: 'GIFT_WRAP', subtotal: usd('2.00') },
            { type: 'OTHER', subtotal: usd('0.25') },
            { type: 'SOMETHING_NEW', subtotal: usd('0.25') },
          ]),
        ],
      }),
      FIRST,
    );
    const cents = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    expect(items[0]?.charges).toEqual({
      item: cents(3699),
      shipping: cents(499),
      tax: cents(333),
      promotions: cents(-370),
      other: cents(100),
    });
    expect(items[1]?.charges).toEqual({ item: cents(7398), giftWrap: cents(200), other: cents(50) });
    for (const item of items) {
      const parts = Object.values(item.charges ?? {}).reduce((sum, part) => sum + part.amountMinor, 0);
      expect(parts).toBe(item.lineTotal?.amountMinor);
    }
  });

  it('stores no parts for a line Amazon has not priced (pending)', () => {
    const pending = order({
      orderItems: [{ orderItemId: '1', quantityOrdered: 1, product: { sellerSku: 'A' } }],
    });
    expect(orderFromApi(pending, FIRST).items[0]?.charges).toBeUndefined();
  });

  it('maps the order and its lines at detail level full', () => {
    const { order: stored, items } = orderFromApi(order(), FIRST);
    expect(stored).toMatchObject({
      orderId: '113-1234567-1234567',
      marketplaceId: 'ATVPDKIKX0DER',
      marketplaceName: 'Amazon.com',
      channel: 'AMAZON',
      status: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      serviceLevel: 'STANDARD',
      isPrime: false,
      isBusiness: false,
      subTypes: ['standard'],
      purchaseDate: '2026-11-20T10:00:00Z',
      lastUpdated: '2026-11-20T12:00:00Z',
      shipBy: { earliest: '2026-11-21T00:00:00Z', latest: '2026-11-22T23:59:59Z' },
      deliverBy: { earliest: '2026-11-25T00:00:00Z', latest: '2026-11-28T23:59:59Z' },
      total: { amountMinor: 4998, currency: 'USD' },
      itemCount: 2,
      searchText: '113-1234567-1234567 mug-blue b000test01 blue mug',
      firstReported: FIRST,
      detailLevel: 'full',
      sellerOrderId: 'MY-REF-1',
    });
    expect(stored.buyerCancelRequest).toBeUndefined();
    expect(items).toEqual([
      {
        orderId: '113-1234567-1234567',
        orderItemId: '11111111111111',
        asin: 'B000TEST01',
        sku: 'MUG-BLUE',
        title: 'Blue Mug',
        quantityOrdered: 2,
        quantityShipped: 0,
        unitPrice: { amountMinor: 2499, currency: 'USD' },
        lineTotal: { amountMinor: 4998, currency: 'USD' },
        charges: { item: { amountMinor: 4998, currency: 'USD' } },
        customizedUrl: undefined,
        cancelRequest: undefined,
        cancelledBy: undefined,
      },
    ]);
  });

  it.each([
    [['PRIME'], 'STANDARD', ['prime'], true, false],
    [['AMAZON_BUSINESS'], 'STANDARD', ['business'], false, true],
    [['PRIME', 'AMAZON_BUSINESS'], 'STANDARD', ['prime', 'business', 'business-prime'], true, true],
    [[], 'SECOND_DAY', ['second-day'], false, false],
    [['PREMIUM'], 'EXPEDITED', ['standard'], false, false],
  ])('programs %j with %s → sub-types %j', (programs, level, subTypes, isPrime, isBusiness) => {
    const { order: stored } = orderFromApi(
      order({ programs, fulfillment: fulfillment({ fulfillmentServiceLevel: level }) }),
      FIRST,
    );
    expect(stored.subTypes).toEqual(subTypes);
    expect(stored.isPrime).toBe(isPrime);
    expect(stored.isBusiness).toBe(isBusiness);
    expect(stored.programs).toEqual(programs);
  });

  it('marks non-Amazon orders', () => {
    const { order: stored } = orderFromApi(
      order({ salesChannel: { channelName: 'NON_AMAZON', marketplaceId: 'ATVPDKIKX0DER' } }),
      FIRST,
    );
    expect(stored.channel).toBe('NON_AMAZON');
  });

  it('keeps the Amazon Custom URL and the buyer cancellation request', () => {
    const item = {
      orderItemId: 'I1',
      quantityOrdered: 1,
      product: {
        sellerSku: 'CUSTOM-1',
        customization: { customizedUrl: 'https://zme-caps.amazon.com/t/x.zip' },
      },
      cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'Found cheaper' } },
    };
    const { order: stored, items } = orderFromApi(
      order({ orderItems: [item], lastUpdatedTime: '2026-11-26T09:15:00Z' }),
      FIRST,
    );
    expect(items[0]?.customizedUrl).toBe('https://zme-caps.amazon.com/t/x.zip');
    expect(items[0]?.cancelRequest).toEqual({ requester: 'BUYER', reason: 'Found cheaper' });
    // The order's update time is when the buyer asked, as near as Amazon says.
    expect(stored.buyerCancelRequest).toEqual({
      reason: 'Found cheaper',
      firstSeenAt: FIRST.at,
      requestedAt: '2026-11-26T09:15:00Z',
    });
  });

  it('never dates a request later than the sync that first saw it', () => {
    const item = {
      orderItemId: 'I1',
      quantityOrdered: 1,
      product: { sellerSku: 'A' },
      cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'x' } },
    };
    // A clock ahead of the extension's: the request is dated when it was seen, not in the future.
    const { order: stored } = orderFromApi(
      order({ orderItems: [item], lastUpdatedTime: '2026-11-26T10:05:00Z' }),
      FIRST,
    );
    expect(stored.buyerCancelRequest?.requestedAt).toBe(FIRST.at);
  });

  it('keeps a request on a shipped order as closed by the shipment', () => {
    const item = {
      orderItemId: 'I1',
      quantityOrdered: 1,
      product: { sellerSku: 'A' },
      cancellation: { cancellationRequest: { requester: 'BUYER', cancelReason: 'x' } },
    };
    const { order: stored } = orderFromApi(
      order({
        orderItems: [item],
        lastUpdatedTime: '2026-11-26T09:00:00Z',
        fulfillment: fulfillment({ fulfillmentStatus: 'SHIPPED' }),
      }),
      FIRST,
    );
    expect(stored.buyerCancelRequest?.closed).toEqual({ at: '2026-11-26T09:00:00Z', how: 'shipped' });
  });

  it('keeps the request closed (not open) once the line is cancelled', () => {
    const item = {
      orderItemId: 'I1',
      quantityOrdered: 1,
      product: { sellerSku: 'A' },
      cancellation: {
        cancellationRequest: { requester: 'BUYER', cancelReason: 'x' },
        cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: 'BUYER_CANCELED' },
      },
    };
    const { order: stored, items } = orderFromApi(
      order({ orderItems: [item], fulfillment: fulfillment({ fulfillmentStatus: 'CANCELLED' }) }),
      FIRST,
    );
    expect(stored.buyerCancelRequest?.closed?.how).toBe('cancelled');
    expect(items[0]?.cancelledBy).toBe('MERCHANT');
  });

  it('reads JPY and EUR totals in minor units', () => {
    const jpy = orderFromApi(
      order({ proceeds: { grandTotal: { amount: '19940', currencyCode: 'JPY' } } }),
      FIRST,
    );
    expect(jpy.order.total).toEqual({ amountMinor: 19940, currency: 'JPY' });
    const eur = orderFromApi(
      order({ proceeds: { grandTotal: { amount: '1234.5', currencyCode: 'EUR' } } }),
      FIRST,
    );
    expect(eur.order.total).toEqual({ amountMinor: 123450, currency: 'EUR' });
  });

  it('counts shipped quantity from quantityFulfilled, or the whole line when shipped without it', () => {
    const items = [
      { orderItemId: 'A', quantityOrdered: 3, product: {}, fulfillment: { quantityFulfilled: 1 } },
      { orderItemId: 'B', quantityOrdered: 2, product: {} },
    ];
    const partial = orderFromApi(
      order({ orderItems: items, fulfillment: fulfillment({ fulfillmentStatus: 'SHIPPED' }) }),
      FIRST,
    );
    expect(partial.items.map((i) => i.quantityShipped)).toEqual([1, 2]);
    expect(partial.order.itemCount).toBe(5);
  });

  it('refuses an order fetched without its fulfillment status', () => {
    expect(() => orderFromApi(order({ fulfillment: undefined }), FIRST)).toThrow(OrderMappingError);
  });
});

describe('values the extension does not decide on', () => {
  it('keeps an unknown package status, program or breakdown type instead of refusing the order', () => {
    const parsed = v2026OrderSchema.safeParse(
      v2026OrderJson({
        programs: ['PRIME', 'SOMETHING_NEW'],
        packages: [{ packageReferenceId: '1', packageStatus: { status: 'HELD_AT_CUSTOMS' } }],
        proceeds: {
          grandTotal: { amount: '49.98', currencyCode: 'USD' },
          breakdowns: [{ type: 'NEW_FEE_KIND', subtotal: { amount: '1.00', currencyCode: 'USD' } }],
        },
      }),
    );
    expect(parsed.success).toBe(true);
    expect(parsed.data?.packages?.[0]?.packageStatus?.status).toBe('HELD_AT_CUSTOMS');
    expect(orderFromApi(parsed.data!, FIRST).order.programs).toEqual(['PRIME', 'SOMETHING_NEW']);
  });

  it('still refuses an unknown fulfillment status, which the extension acts on', () => {
    const parsed = v2026OrderSchema.safeParse(
      v2026OrderJson({ fulfillment: fulfillment({ fulfillmentStatus: 'TELEPORTED' }) }),
    );
    expect(parsed.success).toBe(false);
  });
});
