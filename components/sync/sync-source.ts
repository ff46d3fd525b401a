import type { SyncStatus } from '../../lib/sync/sync-status';

export interface SyncNowAnswer {
  readonly started: boolean;
  readonly reason?: string;
}

/** What the sync bar reads and asks for; the browser one talks to the background. */
export interface SyncSource {
  load(): Promise<SyncStatus>;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  syncNow(): Promise<SyncNowAnswer>;
  /** Forget the saved sync position and backfill again; stored orders and the outbox are kept. */
  fullResync?(): Promise<SyncNowAnswer>;
}
