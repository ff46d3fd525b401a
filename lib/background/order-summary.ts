import type { StoredOrder, StoredOrderItem } from '../domain/order';
import type { OrderSummary } from '../messaging';
import type { CancelAction } from '../domain/outbox-action';
import type { OrderDb } from '../store/order-db';
import { parseAction } from '../store/outbox-store';
import { openBuyerCancelRequest, requestDeadline, requestedAtOf } from '../domain/buyer-request';
import type { BuyerCancelRequest } from '../domain/order';
import { requestNeedsAnswer } from '../domain/request-reminders';

type SummaryLine = NonNullable<OrderSummary['lines']>[number];

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
  order: StoredOrder,
  items: readonly StoredOrderItem[],
  actions: readonly CancelAction[],
  demo: boolean,
  /** The buyerRequestWindowHours setting: the request's deadline is computed here, not in the page. */
  windowHours: number,
): OrderSummary {
  const cancels = actions.filter((a) => a.kind === 'cancel');
  // The action that says most about the order now: a pending one first, then the newest outcome.
  const cancel = [...cancels].sort(
    (a, b) =>
      CANCEL_STATUS_RANK[a.status] - CANCEL_STATUS_RANK[b.status] || b.createdAt.localeCompare(a.createdAt),
  )[0];
  const memo = actions.find((a) => a.memo)?.memo;
  const openRequest = openBuyerCancelRequest(order);
  const lines = summaryLines(order, items, cancels);
  return {
    orderId,
    demo,
    status: order.status,
    ...(cancel
      ? {
          cancel: {
            status: cancel.status,
            reason: cancel.reason,
            ...(cancel.resultText ? { resultText: cancel.resultText } : {}),
            wholeOrder: cancel.wholeOrder,
            orderItemIds: cancel.lines.map((line) => line.orderItemId),
          },
        }
      : {}),
    ...(lines.length > 0 ? { lines } : {}),
    ...(order.cancelledOutsideManager ? { cancelledOutsideManager: order.cancelledOutsideManager } : {}),
    ...(memo ? { memo } : {}),
    // Seller Central shows only a request still waiting for an answer.
    ...(openRequest ? { buyerCancelRequest: requestSummary(openRequest, windowHours, cancels) } : {}),
  };
}

/** Only what the page shows: never the closed record, and the deadline already worked out. */
function requestSummary(
  request: BuyerCancelRequest,
  windowHours: number,
  cancels: readonly CancelAction[],
): NonNullable<OrderSummary['buyerCancelRequest']> {
  // As the badge counts it, so the page never says "Answer within" for a request already answered.
  const answered = !request.declined && !requestNeedsAnswer(request, cancels);
  return {
    ...(answered ? { answered: true as const } : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    firstSeenAt: request.firstSeenAt,
    requestedAt: requestedAtOf(request),
    deadline: requestDeadline(request, windowHours),
    ...(request.declined ? { declined: { at: request.declined.at, memo: request.declined.memo } } : {}),
  };
}

interface LineTally {
  readonly line: Omit<SummaryLine, 'quantityCancelled' | 'quantityOpen'>;
  readonly cancelledElsewhere: boolean;
  cancelled: number;
  wholeLine: boolean;
}

/**
 * Per line: units the manager's done cancels took off it and units still to ship. A line cancel
 * (wholeOrder false) leaves the other lines to ship; a whole-order cancel takes every unshipped unit.
 */
function summaryLines(
  order: StoredOrder,
  items: readonly StoredOrderItem[],
  cancels: readonly CancelAction[],
): SummaryLine[] {
  const tallies = new Map<string, LineTally>();
  for (const item of items) {
    tallies.set(item.orderItemId, {
      line: {
        orderItemId: item.orderItemId,
        ...(item.sku ? { sku: item.sku } : {}),
        ...(item.title ? { title: item.title } : {}),
        quantityOrdered: item.quantityOrdered,
        quantityShipped: item.quantityShipped,
      },
      cancelledElsewhere: item.cancelledBy !== undefined,
      cancelled: 0,
      wholeLine: false,
    });
  }
  for (const action of cancels) {
    if (action.status !== 'done') continue;
    for (const cancelled of action.lines) {
      let tally = tallies.get(cancelled.orderItemId);
      // Items not stored (yet): the cancel's own record of the line stands in for it.
      if (!tally) {
        tally = {
          line: {
            orderItemId: cancelled.orderItemId,
            ...(cancelled.sku ? { sku: cancelled.sku } : {}),
            quantityOrdered: cancelled.quantityOrdered ?? cancelled.quantity,
            quantityShipped: 0,
          },
          cancelledElsewhere: false,
          cancelled: 0,
          wholeLine: false,
        };
        tallies.set(cancelled.orderItemId, tally);
      }
      tally.cancelled += cancelled.quantity;
    }
    if (action.wholeOrder) for (const tally of tallies.values()) tally.wholeLine = true;
  }
  const orderCancelled = order.status === 'CANCELLED';
  return [...tallies.values()].map(({ line, cancelledElsewhere, cancelled, wholeLine }) => {
    const unshipped = Math.max(0, line.quantityOrdered - line.quantityShipped);
    const quantityCancelled = wholeLine ? unshipped : Math.min(cancelled, unshipped);
    const quantityOpen = orderCancelled || cancelledElsewhere ? 0 : unshipped - quantityCancelled;
    return { ...line, quantityCancelled, quantityOpen };
  });
}

/**
 * Reads the order, its items and its outbox actions in one transaction and summarises them;
 * undefined when this database does not hold the order.
 */
export async function readOrderSummary(
  db: OrderDb,
  orderId: string,
  demo: boolean,
  windowHours: number,
): Promise<OrderSummary | undefined> {
  const tx = db.transaction(['orders', 'orderItems', 'outbox']);
  const [order, items, rawActions] = await Promise.all([
    tx.objectStore('orders').get(orderId),
    tx.objectStore('orderItems').index('orderId').getAll(orderId),
    tx.objectStore('outbox').index('orderId').getAll(orderId),
    tx.done,
  ]);
  const actions = rawActions
    .map(parseAction)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return order ? orderSummary(orderId, order, items, actions, demo, windowHours) : undefined;
}
