import type { CancelAction } from './outbox-action';
import type { StoredOrder, StoredOrderItem } from './order';

export interface CancellableLine {
  readonly orderItemId: string;
  /** Units still unshipped (and not cancelled) on the line. */
  readonly quantity: number;
  readonly sku?: string;
  readonly quantityOrdered: number;
}

export interface CancelEligibility {
  readonly canCancel: boolean;
  /** Why not, in plain words; set whenever canCancel is false. */
  readonly reason?: string;
  readonly cancellableLines: CancellableLine[];
}

export interface ShipEligibility {
  readonly canMarkShipped: boolean;
  readonly reason?: string;
}

/** Actions whose lines count as cancelled or possibly cancelled: nothing more may be queued on them. */
const BLOCKING: ReadonlySet<CancelAction['status']> = new Set(['pending', 'needs-review', 'done']);

export const CANCEL_BLOCKED_REASONS = {
  amazonFulfilled: 'Fulfilled by Amazon orders cannot be cancelled here',
  cancelled: 'Already cancelled',
  shipped:
    'Already shipped — cancel is only possible before shipment is confirmed. Refund it in Seller Central instead.',
  notOpen: 'Only pending, unshipped or partially shipped orders can be cancelled',
  pending: 'A cancellation is already pending',
  needsReview: 'A cancellation needs your review before anything else is sent for this order',
  doneInManager: 'Already cancelled from the order manager; Amazon will show it at the next sync',
  noItems: 'The order lines have not been loaded yet — sync the order first',
  nothingLeft: 'Nothing left to cancel: every line is shipped or cancelled',
} as const;

/**
 * Whether (and which lines of) an order can still be cancelled: only before ship confirmation
 * (PENDING, UNSHIPPED, and the unshipped lines of PARTIALLY_SHIPPED), merchant-fulfilled, and never
 * a line that a pending, done or under-review cancel action already covers.
 */
export function cancelEligibility(
  order: StoredOrder,
  items: readonly StoredOrderItem[],
  actions: readonly CancelAction[],
): CancelEligibility {
  const no = (reason: string): CancelEligibility => ({ canCancel: false, reason, cancellableLines: [] });
  if (order.fulfilledBy === 'AMAZON') return no(CANCEL_BLOCKED_REASONS.amazonFulfilled);
  if (order.status === 'CANCELLED') return no(CANCEL_BLOCKED_REASONS.cancelled);
  if (order.status === 'SHIPPED') return no(CANCEL_BLOCKED_REASONS.shipped);
  if (order.status !== 'PENDING' && order.status !== 'UNSHIPPED' && order.status !== 'PARTIALLY_SHIPPED') {
    return no(CANCEL_BLOCKED_REASONS.notOpen);
  }
  const blockedBy = new Map<string, CancelAction['status']>();
  for (const action of actions) {
    if (action.orderId !== order.orderId || !BLOCKING.has(action.status)) continue;
    for (const line of action.lines) {
      const before = blockedBy.get(line.orderItemId);
      // "pending" explains itself best, then "needs-review", then "done".
      if (!before || rank(action.status) < rank(before)) blockedBy.set(line.orderItemId, action.status);
    }
  }
  const cancellableLines: CancellableLine[] = [];
  let blockedStatus: CancelAction['status'] | undefined;
  for (const item of items) {
    if (item.orderId !== order.orderId || item.cancelledBy) continue;
    const quantity = item.quantityOrdered - item.quantityShipped;
    if (quantity <= 0) continue;
    const blocked = blockedBy.get(item.orderItemId);
    if (blocked) {
      if (!blockedStatus || rank(blocked) < rank(blockedStatus)) blockedStatus = blocked;
      continue;
    }
    cancellableLines.push({
      orderItemId: item.orderItemId,
      quantity,
      quantityOrdered: item.quantityOrdered,
      ...(item.sku ? { sku: item.sku } : {}),
    });
  }
  if (cancellableLines.length) return { canCancel: true, cancellableLines };
  if (blockedStatus === 'pending') return no(CANCEL_BLOCKED_REASONS.pending);
  if (blockedStatus === 'needs-review') return no(CANCEL_BLOCKED_REASONS.needsReview);
  if (blockedStatus === 'done') return no(CANCEL_BLOCKED_REASONS.doneInManager);
  if (!items.some((item) => item.orderId === order.orderId)) return no(CANCEL_BLOCKED_REASONS.noItems);
  return no(CANCEL_BLOCKED_REASONS.nothingLeft);
}

function rank(status: CancelAction['status']): number {
  return status === 'pending' ? 0 : status === 'needs-review' ? 1 : 2;
}

/**
 * A cancelled or cancel-pending order must not be marked shipped from the extension; any shipment
 * upload skips it with this reason.
 */
export function canMarkShipped(order: StoredOrder, actions: readonly CancelAction[]): ShipEligibility {
  if (order.status === 'CANCELLED') {
    return { canMarkShipped: false, reason: 'The order is cancelled — do not ship it' };
  }
  const mine = actions.filter((action) => action.orderId === order.orderId);
  if (mine.some((action) => action.status === 'pending')) {
    return { canMarkShipped: false, reason: 'A cancellation is pending — do not ship the order' };
  }
  if (mine.some((action) => action.status === 'needs-review')) {
    return {
      canMarkShipped: false,
      reason:
        'A cancellation of this order may have reached Amazon and needs your review — do not ship it yet',
    };
  }
  if (mine.some((action) => action.status === 'done' && action.wholeOrder)) {
    return {
      canMarkShipped: false,
      reason: 'The order was cancelled from the order manager — do not ship it',
    };
  }
  if (order.fulfilledBy === 'AMAZON') {
    return { canMarkShipped: false, reason: 'Amazon ships Fulfilled by Amazon orders' };
  }
  if (order.status === 'SHIPPED') return { canMarkShipped: false, reason: 'Already shipped' };
  return { canMarkShipped: true };
}
