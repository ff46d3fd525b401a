/** Model-shaped Orders API v2026-01-01 orders for tests (shape of the model's x-amzn-api-sandbox examples). */
export function v2026OrderJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    orderId: '113-1234567-1234567',
    orderAliases: [{ aliasId: 'MY-REF-1', aliasType: 'SELLER_ORDER_ID' }],
    createdTime: '2026-11-20T10:00:00Z',
    lastUpdatedTime: '2026-11-20T12:00:00Z',
    programs: [],
    associatedOrders: [],
    salesChannel: { channelName: 'AMAZON', marketplaceId: 'ATVPDKIKX0DER', marketplaceName: 'Amazon.com' },
    proceeds: { grandTotal: { amount: '49.98', currencyCode: 'USD' } },
    fulfillment: {
      fulfillmentStatus: 'UNSHIPPED',
      fulfilledBy: 'MERCHANT',
      fulfillmentServiceLevel: 'STANDARD',
      shipByWindow: { earliestDateTime: '2026-11-21T00:00:00Z', latestDateTime: '2026-11-22T23:59:59Z' },
      deliverByWindow: { earliestDateTime: '2026-11-25T00:00:00Z', latestDateTime: '2026-11-28T23:59:59Z' },
    },
    orderItems: [
      {
        orderItemId: '11111111111111',
        quantityOrdered: 2,
        product: {
          asin: 'B000TEST01',
          title: 'Blue Mug',
          sellerSku: 'MUG-BLUE',
          price: { unitPrice: { amount: '24.99', currencyCode: 'USD' } },
        },
        proceeds: {
          proceedsTotal: { amount: '49.98', currencyCode: 'USD' },
          breakdowns: [{ type: 'ITEM', subtotal: { amount: '49.98', currencyCode: 'USD' } }],
        },
        fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: 2 },
      },
    ],
    ...overrides,
  };
}
