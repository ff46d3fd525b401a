import type { StoredOrder, StoredOrderItem } from './order';
import type { CancelAction } from './outbox-action';

/** Amazon's target: a seller-initiated cancellation rate under 2.5 % (250 basis points). */
export const CANCELLATION_RATE_TARGET_BASIS_POINTS = 250;
export const CANCELLATION_RATE_PERIOD_DAYS = 7;

/** How the estimate is counted, for the seller. */
export const CANCELLATION_RATE_EXPLANATION =
  'Orders you cancelled in the last 7 days, divided by all orders placed in those 7 days. Cancels the buyer asked for are left out, as Amazon leaves them out. This is an estimate from the orders the order manager holds; Seller Central’s Account Health shows Amazon’s own figure.';

export interface CancellationRate {
  /** Seller-initiated cancels ÷ orders, in basis points (1 % = 100), rounded; 0 when there are no orders. */
  readonly basisPoints: number;
  readonly sellerCancelled: number;
  readonly orders: number;
  /** Cancelled orders left out because the buyer asked for the cancel. */
  readonly buyerRequestedExcluded: number;
  readonly targetBasisPoints: number;
  readonly overTarget: boolean;
}

export interface OrderForRate {
  readonly order: StoredOrder;
  readonly items: readonly StoredOrderItem[];
}

const DAY_MS = 86_400_000;

/**
 * The buyer asked for this cancel: a buyer request on the order (not one the buyer withdrew) or a line,
 * or cancelled by the buyer. The reason the seller picked is not enough: Amazon leaves out only cancels
 * of orders whose buyer asked, so "Buyer cancelled" on an order nobody asked about still counts.
 */
function isBuyerRequested({ order, items }: OrderForRate): boolean {
  const request = order.buyerCancelRequest;
  return (
    (request !== undefined && request.closed?.how !== 'withdrawn') ||
    order.cancelledOutsideManager?.cancelledBy === 'BUYER' ||
    items.some((item) => item.cancelRequest?.requester === 'BUYER' || item.cancelledBy === 'BUYER')
  );
}

/** The seller cancelled it: through the order manager (any reason but the buyer's) or elsewhere as MERCHANT. */
function isSellerCancelled({ order, items }: OrderForRate, actions: readonly CancelAction[]): boolean {
  if (order.status !== 'CANCELLED' && !items.some((item) => item.cancelledBy === 'MERCHANT')) return false;
  return (
    actions.some((action) => action.status === 'done') ||
    order.cancelledOutsideManager?.cancelledBy === 'MERCHANT' ||
    items.some((item) => item.cancelledBy === 'MERCHANT')
  );
}

/**
 * The seller-initiated cancellation rate over the 7 days before `now`, by purchase date (an order
 * placed exactly 7 days ago is in). Cancels by Amazon or with no known canceller are not the seller's.
 */
export function cancellationRate(
  orders: readonly OrderForRate[],
  cancelActions: readonly CancelAction[],
  now: Date,
): CancellationRate {
  const since = now.getTime() - CANCELLATION_RATE_PERIOD_DAYS * DAY_MS;
  const actionsByOrder = new Map<string, CancelAction[]>();
  for (const action of cancelActions) {
    actionsByOrder.set(action.orderId, [...(actionsByOrder.get(action.orderId) ?? []), action]);
  }
  let count = 0;
  let sellerCancelled = 0;
  let buyerRequestedExcluded = 0;
  for (const entry of orders) {
    const placed = Date.parse(entry.order.purchaseDate);
    if (placed < since || placed > now.getTime()) continue;
    count += 1;
    const actions = actionsByOrder.get(entry.order.orderId) ?? [];
    if (!isSellerCancelled(entry, actions)) continue;
    if (isBuyerRequested(entry)) buyerRequestedExcluded += 1;
    else sellerCancelled += 1;
  }
  const basisPoints = count === 0 ? 0 : Math.round((sellerCancelled * 10_000) / count);
  return {
    basisPoints,
    sellerCancelled,
    orders: count,
    buyerRequestedExcluded,
    targetBasisPoints: CANCELLATION_RATE_TARGET_BASIS_POINTS,
    overTarget: basisPoints >= CANCELLATION_RATE_TARGET_BASIS_POINTS,
  };
}

/** "1.25 %" from basis points, for display beside the 2.5 % target. */
export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)} %`;
}
