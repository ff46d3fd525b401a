/**
 * What one order sync run works with. Its own module because the run (order-sync.ts) and its parts
 * (backfill-report.ts, reread-orders.ts) all take it, and must not import each other for it.
 */
import type { Clock } from '../clock';
import type { Settings } from '../settings/settings-schema';
import type { SpApiClient } from '../sp-api/client';
import type { OrderDb } from '../store/order-db';

export interface OrderSyncProgress {
  /** Plain words for the popup ("Fetching updated orders"). */
  readonly phase: string;
  readonly done: number;
  readonly total?: number;
}

export interface OrderSyncContext {
  readonly client: SpApiClient;
  readonly db: OrderDb;
  readonly clock: Clock;
  readonly settings: Pick<Settings, 'backfillDays' | 'importNonAmazonOrders'> & { marketplaceIds: string[] };
  readonly syncRunId: string;
  readonly onProgress?: (progress: OrderSyncProgress) => void;
  readonly signal?: AbortSignal;
}
