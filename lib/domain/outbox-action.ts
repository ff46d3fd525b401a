/**
 * The record of an action the seller asked for (today a cancel), as the outbox keeps it: plain data,
 * here so that lib/store (which stores it) and lib/outbox (which sends it) both depend on lib/domain
 * and never on each other.
 */
import { z } from '../zod';
import { CANCEL_REASON_CODES } from './cancel-reason';
import { ORDER_ID_EXACT } from './order-id';

/**
 * What the seller asked for, persisted before anything is sent. `id` is the idempotency key: one
 * action is at most one message in one feed, whatever happens to the service worker.
 */
export const cancelActionSchema = z.object({
  kind: z.literal('cancel'),
  id: z.string().min(1),
  orderId: z.string().regex(ORDER_ID_EXACT),
  marketplaceId: z.string().min(1),
  /** Lines to cancel; every unshipped line when the whole order is cancelled. */
  lines: z
    .array(
      z.object({
        orderItemId: z.string().min(1),
        quantity: z.number().int().positive(),
        sku: z.string().optional(),
        /** The line's ordered quantity when queued: the feed sends Item/Quantity only when less is cancelled. */
        quantityOrdered: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  wholeOrder: z.boolean(),
  reason: z.enum(CANCEL_REASON_CODES),
  memo: z.string().max(1000).optional(),
  /** Merchant-fulfilled SKUs whose stock the seller asked to set to 0 (reason NoInventory only). */
  zeroStockSkus: z.array(z.string().min(1)).optional(),
  createdAt: z.string(),
  /** What the seller sees: pending until Amazon's processing report says otherwise. */
  status: z.enum(['pending', 'done', 'failed', 'needs-review']),
  /** Amazon's result text for a failed action, or why it needs review. */
  resultText: z.string().optional(),
  /**
   * Failed only, set where the outcome is decided: `refused` when Amazon's processing report rejected
   * the message (the data is wrong, so sending it again gets the same answer: edit it instead);
   * `not-applied` when Amazon applied nothing for a reason a retry can fix; `shipped` when the order
   * shipped instead, so there is nothing left to cancel (neither retry nor edit can help). Absent on
   * older records.
   */
  failure: z.enum(['refused', 'not-applied', 'shipped']).optional(),
  /** A failed action the seller replaced by an edited one (that action's id); kept for its history. */
  replacedBy: z.string().min(1).optional(),
  /** The failed action this one replaces. */
  replaces: z.string().min(1).optional(),
  /** The feed submission this action was put into (lib/outbox), once batched. */
  submissionId: z.string().optional(),
  /** Amazon's feed id, once the submission has one. */
  feedId: z.string().optional(),
  /** 1 for the first send; retryCancel increments it (only ever after a definite failure). */
  attempt: z.number().int().positive().optional(),
  /** Result texts of earlier failed attempts, oldest first. */
  previousResults: z.array(z.string()).optional(),
  updatedAt: z.string(),
  /** The last error in getting this action to Amazon, while it is still pending or after it ended. */
  problem: z
    .object({
      message: z.string(),
      at: z.string(),
      attempts: z.number().int().nonnegative(),
      /** True when retrying on its own will not help (missing Feeds role, refused credentials, a 403/404 that persists). */
      permanent: z.boolean(),
    })
    .optional(),
  /** The feed report was clean; waiting for Amazon's order to show the cancellation before "Cancelled". */
  confirming: z
    .object({
      since: z.string(),
      /** Another feed of the type in our window may still be processing (see otherFeedsInWindow). */
      othersInFlight: z.boolean().optional(),
    })
    .optional(),
  /** Needs review only: true when no feed of ours can still be in flight, so "Send again" is safe to offer. */
  sendAgainAllowed: z.boolean().optional(),
  /** Other feeds of the type Amazon lists in the creating window (a possible browser resend); shown as a note. */
  suspectedDuplicateFeedIds: z.array(z.string()).optional(),
  /** Outcome of the zero-stock request, per SKU. */
  zeroStock: z
    .array(
      z.object({
        sku: z.string(),
        status: z.enum(['pending', 'accepted', 'failed']),
        issues: z.array(z.string()).optional(),
        /** Listings submission id Amazon returned. */
        submissionId: z.string().optional(),
        /** Why it failed, in plain words, when there are no listing issues to show. */
        message: z.string().optional(),
      }),
    )
    .optional(),
});
export type CancelAction = z.infer<typeof cancelActionSchema>;
export type OutboxActionStatus = CancelAction['status'];

export type CancelFailure = NonNullable<CancelAction['failure']>;

// Older records carry no `failure`: a message Amazon's report rejected reads "<text> (Amazon code N)"
// without the "did not process" prefix of an unprocessed feed.
const REFUSED_TEXT = /\(Amazon code \d+\)/;
const NOT_PROCESSED_PREFIX = 'Amazon did not process';
// The texts the outbox writes when a sync shows the order shipped instead.
const SHIPPED_TEXT = /shows (this|the) order shipped/;

/**
 * Whether sending a failed action again can succeed ("Retry"), or only editing it can ("Edit
 * cancellation"): the one rule for it. Undefined for an action that has not failed.
 */
export function cancelFailureOf(action: CancelAction): CancelFailure | undefined {
  if (action.status !== 'failed') return undefined;
  if (action.failure) return action.failure;
  const text = action.resultText ?? '';
  if (SHIPPED_TEXT.test(text)) return 'shipped';
  return REFUSED_TEXT.test(text) && !text.startsWith(NOT_PROCESSED_PREFIX) ? 'refused' : 'not-applied';
}
