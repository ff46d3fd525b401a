import { parseMoney, sumMoney, type Money } from '../domain/money';
import type {
  BuyerCancelRequest,
  FirstReported,
  LineChargePart,
  LineCharges,
  OrderStatus,
  StoredOrder,
  StoredOrderItem,
} from '../domain/order';
import { orderSubTypes } from '../domain/order-sub-type';
import type { V2026Money, V2026Order, V2026OrderItem } from '../sp-api/schemas/orders';

/** The order cannot be stored as given (e.g. fetched without includedData=FULFILLMENT, so no status). */
export class OrderMappingError extends Error {
  override name = 'OrderMappingError';
  readonly orderId: string;
  constructor(orderId: string, reason: string) {
    super(`Order ${orderId}: ${reason}`);
    this.orderId = orderId;
  }
}

function money(value: V2026Money | undefined): Money | undefined {
  // The schema already checked the amount with parseMoney, so this cannot throw for parsed orders.
  return value ? parseMoney(value.amount, value.currencyCode) : undefined;
}

function window(range: { earliestDateTime?: string; latestDateTime?: string } | undefined) {
  if (!range || (!range.earliestDateTime && !range.latestDateTime)) return undefined;
  return {
    ...(range.earliestDateTime ? { earliest: range.earliestDateTime } : {}),
    ...(range.latestDateTime ? { latest: range.latestDateTime } : {}),
  };
}

/** Lower-cased order id, SKUs, ASINs and titles, space-separated, for the list's search box. */
export function searchTextOf(
  orderId: string,
  items: readonly { sku?: string; asin?: string; title?: string }[],
): string {
  const words = [orderId];
  for (const item of items) {
    for (const word of [item.sku, item.asin, item.title]) if (word) words.push(word);
  }
  return words.join(' ').toLowerCase();
}

/** The item proceeds breakdown types → the stored part; COD_FEE, OTHER and any new type are "other". */
const PART_BY_BREAKDOWN: Readonly<Record<string, LineChargePart>> = {
  ITEM: 'item',
  SHIPPING: 'shipping',
  GIFT_WRAP: 'giftWrap',
  TAX: 'tax',
  DISCOUNT: 'promotions',
};

/** A line's parts from `proceeds.breakdowns`, so that they sum to `proceedsTotal`. */
export function chargesFromBreakdowns(
  breakdowns: readonly { type: string; subtotal: V2026Money }[] | undefined,
): LineCharges | undefined {
  if (!breakdowns?.length) return undefined;
  const amounts = new Map<LineChargePart, Money[]>();
  for (const breakdown of breakdowns) {
    const part = PART_BY_BREAKDOWN[breakdown.type] ?? 'other';
    let amount = money(breakdown.subtotal)!;
    // A discount reduces the total whichever sign it arrives with.
    if (part === 'promotions') amount = { ...amount, amountMinor: -Math.abs(amount.amountMinor) };
    amounts.set(part, [...(amounts.get(part) ?? []), amount]);
  }
  const charges: Partial<Record<LineChargePart, Money>> = {};
  for (const [part, values] of amounts) charges[part] = sumMoney(values);
  return charges;
}

function itemFromApi(orderId: string, item: V2026OrderItem, orderShipped: boolean): StoredOrderItem {
  const request = item.cancellation?.cancellationRequest;
  const execution = item.cancellation?.cancellationExecution;
  const quantityShipped = item.fulfillment?.quantityFulfilled ?? (orderShipped ? item.quantityOrdered : 0);
  return {
    orderId,
    orderItemId: item.orderItemId,
    asin: item.product.asin,
    sku: item.product.sellerSku,
    title: item.product.title,
    quantityOrdered: item.quantityOrdered,
    quantityShipped,
    unitPrice: money(item.product.price?.unitPrice),
    lineTotal: money(item.proceeds?.proceedsTotal),
    charges: chargesFromBreakdowns(item.proceeds?.breakdowns),
    customizedUrl: item.product.customization?.customizedUrl,
    cancelRequest: request ? { requester: request.requester, reason: request.cancelReason } : undefined,
    cancelledBy: execution?.cancelledBy,
  };
}

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * The order's buyer cancellation request. Open while a requested line has no cancellation execution
 * and the order is neither cancelled nor shipped; a request on a cancelled or shipped order is kept
 * closed. `firstSeenAt` is this sighting and `requestedAt` the order's update time, never later than
 * it (the store keeps the earliest of each).
 */
function buyerCancelRequestFromApi(
  order: V2026Order,
  status: OrderStatus,
  seenAt: string,
): BuyerCancelRequest | undefined {
  const requested = order.orderItems.filter((item) => item.cancellation?.cancellationRequest);
  const first = requested[0];
  if (!first) return undefined;
  const open = requested.find((item) => !item.cancellation?.cancellationExecution);
  const reason = (open ?? first).cancellation?.cancellationRequest?.cancelReason;
  const requestedAt = earlier(order.lastUpdatedTime, seenAt);
  const request = { ...(reason ? { reason } : {}), firstSeenAt: seenAt, requestedAt };
  const how =
    status === 'CANCELLED' || status === 'UNFULFILLABLE' || !open
      ? 'cancelled'
      : status === 'SHIPPED'
        ? 'shipped'
        : undefined;
  return how ? { ...request, closed: { at: requestedAt, how } } : request;
}

/** Maps an Orders API v2026-01-01 order to the stored model (detail level `full`). */
export function orderFromApi(
  order: V2026Order,
  firstReported: FirstReported,
): { order: StoredOrder; items: StoredOrderItem[] } {
  const status = order.fulfillment?.fulfillmentStatus;
  if (!status) {
    throw new OrderMappingError(
      order.orderId,
      'has no fulfillment status (ask with includedData=FULFILLMENT)',
    );
  }
  const programs = order.programs ?? [];
  const isPrime = programs.includes('PRIME');
  const isBusiness = programs.includes('AMAZON_BUSINESS');
  const serviceLevel = order.fulfillment?.fulfillmentServiceLevel;
  const fulfilledBy = order.fulfillment?.fulfilledBy;
  const items = order.orderItems.map((item) => itemFromApi(order.orderId, item, status === 'SHIPPED'));

  const buyerCancelRequest = buyerCancelRequestFromApi(order, status, firstReported.at);

  const stored: StoredOrder = {
    orderId: order.orderId,
    marketplaceId: order.salesChannel.marketplaceId ?? '',
    marketplaceName: order.salesChannel.marketplaceName,
    channel: order.salesChannel.channelName === 'NON_AMAZON' ? 'NON_AMAZON' : 'AMAZON',
    status,
    fulfilledBy: fulfilledBy === 'MERCHANT' || fulfilledBy === 'AMAZON' ? fulfilledBy : undefined,
    serviceLevel,
    programs: [...programs],
    isPrime,
    isBusiness,
    subTypes: orderSubTypes({ isPrime, isBusiness, serviceLevel }),
    purchaseDate: order.createdTime,
    lastUpdated: order.lastUpdatedTime,
    shipBy: window(order.fulfillment?.shipByWindow),
    deliverBy: window(order.fulfillment?.deliverByWindow),
    total: money(order.proceeds?.grandTotal),
    itemCount: order.orderItems.reduce((sum, item) => sum + item.quantityOrdered, 0),
    searchText: searchTextOf(order.orderId, items),
    firstReported,
    detailLevel: 'full',
    buyerCancelRequest,
    sellerOrderId: order.orderAliases?.find((alias) => alias.aliasType === 'SELLER_ORDER_ID')?.aliasId,
  };
  return { order: stored, items };
}
