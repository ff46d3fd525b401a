import type { StoredOrder } from '../domain/order';
import type { OrderSummary } from '../messaging';
import type { CancelAction } from '../outbox/outbox-records';

const CANCEL_STATUS_RANK: Record<CancelAction['status'], number> = {
  pending: 0,
  'needs-review': 1,
  failed: 2,
  done: 3,
};

/**
 * The read-only view of an order that a Seller Central page may show: never credentials, never
 * more than the seller already sees in the manager.
 */
export function orderSummary(
  orderId: string,
  order: StoredOrder | undefined,
  actions: readonly CancelAction[],
  demo: boolean,
): OrderSummary {
  if (!order) return { orderId, known: false, demo };
  // The action that says most about the order now: a pending one first, then the newest outcome.
  const cancel = [...actions]
    .filter((a) => a.kind === 'cancel')
    .sort(
      (a, b) =>
        CANCEL_STATUS_RANK[a.status] - CANCEL_STATUS_RANK[b.status] || b.createdAt.localeCompare(a.createdAt),
    )[0];
  const memo = actions.find((a) => a.memo)?.memo;
  return {
    orderId,
    known: true,
    demo,
    status: order.status,
    ...(cancel
      ? {
          cancel: {
            status: cancel.status,
            reason: cancel.reason,
            ...(cancel.resultText ? { resultText: cancel.resultText } : {}),
          },
        }
      : {}),
    ...(order.cancelledOutsideManager ? { cancelledOutsideManager: order.cancelledOutsideManager } : {}),
    ...(memo ? { memo } : {}),
    ...(order.buyerCancelRequest ? { buyerCancelRequest: order.buyerCancelRequest } : {}),
  };
}
