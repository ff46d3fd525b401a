import { requestQueue, type RequestQueueEntry } from '../../lib/domain/buyer-request';
import type { StoredOrder } from '../../lib/domain/order';

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

/** What the header's "Buyer requests (N)" button shows. */
export function requestsNeedingAnswer(
  orders: readonly StoredOrder[],
  now: Date,
  windowHours: number,
): { count: number; urgent: boolean } {
  const { needAnswer } = requestQueues(orders, now, windowHours);
  return { count: needAnswer.length, urgent: needAnswer.some((entry) => entry.msLeft < URGENT_REQUEST_MS) };
}
