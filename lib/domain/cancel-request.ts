import type { CancelReason } from './cancel-reason';

/** One line to cancel: which line, and how many units (omitted: every unit still unshipped). */
export interface CancelRequestLine {
  readonly orderItemId: string;
  readonly quantity?: number;
}

/**
 * What the seller asks the outbox to send: the cancel dialog builds it, `enqueueCancel` checks it
 * against the stored order and queues it. Whether it is a whole-order cancel is decided from the
 * lines (`isWholeOrderCancel`), never taken from the caller.
 */
export interface CancelRequest {
  readonly orderId: string;
  /** Lines to cancel; omitted means every line that can still be cancelled. */
  readonly lines?: readonly CancelRequestLine[];
  readonly reason: CancelReason;
  /** Trimmed before it is stored; at most CANCEL_MEMO_MAX_LENGTH characters. */
  readonly memo?: string;
  /** Merchant-fulfilled SKUs (of the cancelled lines) to set to stock 0; reason NoInventory only. */
  readonly zeroStockSkus?: readonly string[];
  /** Idempotency key chosen by the caller, so a repeated request queues nothing twice. */
  readonly id?: string;
}

/** The longest seller memo the outbox keeps (the action schema's limit). */
export const CANCEL_MEMO_MAX_LENGTH = 1000;
