import { withoutUndefined } from './without-undefined';
import { requestedAtOf } from '../domain/buyer-request';
import type {
  BuyerCancelRequest,
  BuyerCancelRequestClosedHow,
  OrderStatus,
  StoredOrder,
} from '../domain/order';
import { orderSubTypes } from '../domain/order-sub-type';

export type OrderMergeOutcome =
  | { readonly kind: 'insert'; readonly order: StoredOrder; readonly replaceItems: true }
  | { readonly kind: 'update'; readonly order: StoredOrder; readonly replaceItems: boolean }
  /** `order` is set when only the first-reported stamp moved earlier and must still be written. */
  | { readonly kind: 'skip-older'; readonly order?: StoredOrder };

const time = (iso: string) => Date.parse(iso);

/**
 * How far along an order is. Amazon's lastUpdatedTime has whole seconds, so two changes in one
 * second carry the same time; the one further along is the later (statuses only move forward).
 */
const STATUS_RANK: Record<OrderStatus, number> = {
  PENDING_AVAILABILITY: 0,
  PENDING: 1,
  UNSHIPPED: 2,
  PARTIALLY_SHIPPED: 3,
  SHIPPED: 4,
  CANCELLED: 4,
  UNFULFILLABLE: 4,
};

/**
 * How an incoming order combines with the stored one. Amazon's data only moves forward: an older
 * lastUpdated never overwrites a newer one, report data (no Prime flag, no ship-by window,
 * no real item ids) never replaces Orders API data of the same age, and the same version seen
 * again is skipped. A readable update drops the `unreadableUpdate` flag (it is not carried over).
 */
export function mergeOrder(existing: StoredOrder | undefined, incoming: StoredOrder): OrderMergeOutcome {
  if (!existing) return { kind: 'insert', order: incoming, replaceItems: true };

  const firstReported =
    time(incoming.firstReported.at) < time(existing.firstReported.at)
      ? incoming.firstReported
      : existing.firstReported;
  const age = time(incoming.lastUpdated) - time(existing.lastUpdated);
  const reportOverFull = incoming.detailLevel === 'report' && existing.detailLevel === 'full';

  // Overlapping polls see many orders twice: the same version writes nothing, unless it clears a flag
  // or is a second change within the same second (found by its status, further along).
  const rankDelta = STATUS_RANK[incoming.status] - STATUS_RANK[existing.status];
  const laterInSameSecond = age === 0 && rankDelta > 0;
  // And one further behind in the same second is the earlier change (report data is not compared:
  // its statuses are coarser, and the Orders API's word on the same second is taken over them).
  const earlierInSameSecond = age === 0 && rankDelta < 0 && incoming.detailLevel === existing.detailLevel;
  // Amazon drops a withdrawn request without moving lastUpdatedTime: a re-read of the same version shows it.
  const requestGone =
    age === 0 &&
    !!existing.buyerCancelRequest &&
    !existing.buyerCancelRequest.closed &&
    !incoming.buyerCancelRequest;
  const sameVersion =
    age === 0 &&
    !laterInSameSecond &&
    incoming.detailLevel === existing.detailLevel &&
    !existing.unreadableUpdate &&
    !requestGone;
  if (age < 0 || earlierInSameSecond || (age === 0 && reportOverFull) || sameVersion) {
    return firstReported === existing.firstReported
      ? { kind: 'skip-older' }
      : { kind: 'skip-older', order: { ...existing, firstReported } };
  }

  const buyerCancelRequest = mergeCancelRequest(existing, incoming);
  // The store's own mark (not Amazon data) stays while the order stays cancelled.
  const cancelledOutsideManager =
    incoming.status === 'CANCELLED'
      ? (existing.cancelledOutsideManager ?? incoming.cancelledOutsideManager)
      : undefined;
  if (!reportOverFull) {
    return {
      kind: 'update',
      order: withoutUndefined({ ...incoming, firstReported, buyerCancelRequest, cancelledOutsideManager }),
      replaceItems: true,
    };
  }

  // A newer report over Orders API data: take its status and dates, keep what only the API knows.
  const isPrime = incoming.isPrime ?? existing.isPrime;
  const serviceLevel = incoming.serviceLevel ?? existing.serviceLevel;
  const isBusiness = incoming.isBusiness || existing.isBusiness;
  const order: StoredOrder = {
    ...incoming,
    firstReported,
    buyerCancelRequest,
    cancelledOutsideManager,
    isPrime,
    isBusiness,
    serviceLevel,
    subTypes: orderSubTypes({ isPrime, isBusiness, serviceLevel }),
    programs: [...new Set([...existing.programs, ...incoming.programs])],
    shipBy: incoming.shipBy ?? existing.shipBy,
    deliverBy: incoming.deliverBy ?? existing.deliverBy,
    fulfilledBy: incoming.fulfilledBy ?? existing.fulfilledBy,
    marketplaceName: incoming.marketplaceName ?? existing.marketplaceName,
    sellerOrderId: incoming.sellerOrderId ?? existing.sellerOrderId,
    total: incoming.total ?? existing.total,
    // Items stay the Orders API ones: their real order item ids are what cancel and refund feeds need.
    itemCount: existing.itemCount,
    searchText: existing.searchText,
  };
  return { kind: 'update', order: withoutUndefined(order), replaceItems: false };
}

const earlier = (a: string, b: string) => (time(a) <= time(b) ? a : b);

/** The order status that ends a buyer's request, and how; undefined while the order is open. */
function closingStatus(status: OrderStatus): BuyerCancelRequestClosedHow | undefined {
  if (status === 'CANCELLED' || status === 'UNFULFILLABLE') return 'cancelled';
  if (status === 'SHIPPED') return 'shipped';
  return undefined;
}

/**
 * A buyer's cancellation request across syncs: both times keep their earliest value, and a request
 * that ends is kept closed (how it ended) instead of dropped. A report's silence closes nothing (its
 * request columns may be absent); the Orders API no longer showing the request on an open order
 * means Amazon withdrew it.
 */
function mergeCancelRequest(existing: StoredOrder, incoming: StoredOrder): BuyerCancelRequest | undefined {
  const before = existing.buyerCancelRequest;
  const now = incoming.buyerCancelRequest;
  if (!before) return now;
  if (before.closed) return now && !now.closed ? now : before;
  if (now) {
    return withoutUndefined({
      reason: now.reason ?? before.reason,
      firstSeenAt: earlier(before.firstSeenAt, now.firstSeenAt),
      requestedAt: earlier(requestedAtOf(before), requestedAtOf(now)),
      closed: now.closed,
      // The seller's decline is the order manager's own record: Amazon's data never carries it.
      declined: before.declined,
    });
  }
  const how =
    closingStatus(incoming.status) ??
    (incoming.detailLevel === 'report'
      ? undefined
      : incoming.status === 'PARTIALLY_SHIPPED'
        ? 'shipped'
        : 'withdrawn');
  if (!how) return before;
  // Amazon's update time, never later than the sync that saw it; an update time that has not moved
  // since the request (a withdrawal Amazon made silently) says nothing, so the sync's time is used.
  const seen = incoming.firstReported.at;
  const moved = time(incoming.lastUpdated) > time(requestedAtOf(before));
  return { ...before, closed: { at: moved ? earlier(incoming.lastUpdated, seen) : seen, how } };
}
