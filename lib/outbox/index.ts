export { enqueueCancel } from './enqueue-cancel';
export type { CancelRequest, EnqueueOptions } from './enqueue-cancel';
export { runOutbox } from './run-outbox';
export type { OutboxContext, OutboxRunResult, OutboxSpApi } from './run-outbox';
export { retryCancel, resolveNeedsReview } from './retry-cancel';
export { CancelRefusedError } from './cancel-refused-error';
export { ZERO_STOCK_PATCH } from './zero-stock';
export {
  listActionsForOrder,
  listActions,
  getAction,
  getPendingCount,
  listActiveSubmissions,
  getSubmission,
} from '../store/outbox-store';
export { OUTBOX_CHANGED_CHANNEL } from './outbox-channel';
