import type { OrderDb } from '../store/order-db';
import { listActions, listActiveSubmissions } from '../store/outbox-store';

/** What the outbox still has to do, and what the seller must look at. */
export interface OutboxWork {
  /** Actions still waiting for Amazon (sending, processing or confirming). */
  readonly pending: number;
  /** Actions the seller must look at: under review, or pending on an error that will not pass alone. */
  readonly attention: number;
  /** Whether the outbox must keep running on its alarm (send, poll, confirm, zero stock). */
  readonly hasWork: boolean;
  /** Cancellations under review: a run after each sync may settle them, no alarm needed for them. */
  readonly underReview: number;
}

/**
 * The run gate and the alarm rule in one place: a zero-stock change postponed by an error or a feed
 * still processing keeps the outbox running, not only cancels waiting to be sent. Reviews are settled
 * by the run that follows each sync, so they do not keep the alarm alive.
 */
export async function outboxWork(db: OrderDb): Promise<OutboxWork> {
  const [pending, review, done, submissions] = await Promise.all([
    listActions(db, { status: 'pending' }),
    listActions(db, { status: 'needs-review' }),
    listActions(db, { status: 'done' }),
    listActiveSubmissions(db),
  ]);
  const stockWaiting = done.some((action) => action.zeroStock?.some((entry) => entry.status === 'pending'));
  const stuck = pending.filter((action) => action.problem?.permanent).length;
  return {
    pending: pending.length,
    attention: review.length + stuck,
    hasWork: pending.length > 0 || submissions.length > 0 || stockWaiting,
    underReview: review.length,
  };
}
