import { requestQueue, type RequestQueueEntry } from '../../lib/domain/buyer-request';
import type { StoredOrder } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { requestNeedsAnswer } from '../../lib/domain/request-reminders';

/** Under this much time left a request is urgent: the header button turns to the warning style. */
export const URGENT_REQUEST_MS = 6 * 3_600_000;

export interface RequestQueues {
  /** Open requests that still need an answer, overdue first. */
  readonly needAnswer: RequestQueueEntry[];
  /** Open at Amazon, but the seller declined: ship as usual. */
  readonly declined: RequestQueueEntry[];
}

/** Splits the open requests into those needing an answer and those the seller declined. */
export function requestQueues(orders: readonly StoredOrder[], now: Date, windowHours: number): RequestQueues {
  const needAnswer: RequestQueueEntry[] = [];
  const declined: RequestQueueEntry[] = [];
  for (const entry of requestQueue(orders, now, windowHours)) {
    (entry.request.declined ? declined : needAnswer).push(entry);
  }
  return { needAnswer, declined };
}

/**
 * What the header's "Buyer requests (N)" button shows: the requests the badge counts, so an Accept on
 * its way to Amazon (or done) no longer counts, and a failed one counts again.
 */
export function requestsNeedingAnswer(
  orders: readonly StoredOrder[],
  now: Date,
  windowHours: number,
  actions: readonly CancelAction[],
): { count: number; urgent: boolean } {
  const cancelsOf = new Map<string, CancelAction[]>();
  for (const action of actions) {
    if (action.kind !== 'cancel') continue;
    cancelsOf.set(action.orderId, [...(cancelsOf.get(action.orderId) ?? []), action]);
  }
  const waiting = requestQueues(orders, now, windowHours).needAnswer.filter((entry) =>
    requestNeedsAnswer(entry.request, cancelsOf.get(entry.order.orderId) ?? []),
  );
  return { count: waiting.length, urgent: waiting.some((entry) => entry.msLeft < URGENT_REQUEST_MS) };
}
