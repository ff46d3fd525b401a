import type { CancelRequest } from '../../lib/domain/cancel-request';
import type { CancelAction } from '../../lib/domain/outbox-action';

/**
 * Where the views read and queue outbox actions. The extension uses the outbox in IndexedDB and
 * wakes the background; tests pass an in-memory one.
 */
export interface ActionSource {
  /** The order's actions, newest first. */
  forOrder(orderId: string): Promise<CancelAction[]>;
  /** Every action, for the status chips of the order list. */
  all(): Promise<CancelAction[]>;
  /** Queues a cancellation; rejects with a plain message when the order cannot be cancelled. */
  enqueueCancel(request: CancelRequest): Promise<CancelAction>;
  /** Sends a failed action again (never a done one, nor one under review). */
  retry(actionId: string): Promise<void>;
  /**
   * "Edit cancellation": queues an edited cancellation in place of a failed one (which keeps its
   * history, marked replaced); rejects in plain words when the old one is not failed.
   */
  replace(failedActionId: string, request: CancelRequest): Promise<CancelAction>;
  /** The seller's verdict on an action under review, after checking Seller Central. */
  resolveReview(actionId: string, verdict: 'done' | 'failed'): Promise<void>;
  /** Sends an action under review again, when the outbox marked it safe (`sendAgainAllowed`); rejects in plain words otherwise. */
  sendAgain(actionId: string): Promise<void>;
  /**
   * Reads the order from Amazon (getOrder) into the store, for an order known only from the order
   * report: a cancel needs Amazon's real order item ids. Rejects with the reason in plain words.
   */
  readOrderFromAmazon(orderId: string): Promise<void>;
  /** Calls back when actions may have changed; returns the unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}
