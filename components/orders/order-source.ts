import type { StoredOrder } from '../../lib/domain/order';
import type { OrderWithItems, QuarantineRecord } from '../../lib/store';

/**
 * Where the views read orders from. The extension uses IndexedDB; tests pass an in-memory one so
 * components render without a database.
 */
export interface OrderSource {
  /** The newest orders by purchase date, for a fast first paint. */
  newest(limit: number): Promise<StoredOrder[]>;
  /** Every order, newest purchase first. */
  all(): Promise<StoredOrder[]>;
  withItems(orderId: string): Promise<OrderWithItems | undefined>;
  /** Every order that ever had a buyer cancellation request (open or closed), with its items; index-backed. */
  buyerRequests(): Promise<OrderWithItems[]>;
  /** Orders placed at or after `sinceIso`, with their items: the cancellation rate's 7 days. */
  ordersPurchasedSince(sinceIso: string): Promise<OrderWithItems[]>;
  /** Records Amazon sent that could not be read, newest first. */
  quarantine(): Promise<QuarantineRecord[]>;
  /** Calls back when stored orders may have changed; returns the unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}
