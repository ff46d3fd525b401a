import { sendRequest } from '../../lib/messaging';
import { loadSyncStatus, watchSyncStatus } from '../../lib/sync/sync-status-store';
import type { SyncSource } from './sync-source';

export function browserSyncSource(): SyncSource {
  return {
    load: loadSyncStatus,
    subscribe: watchSyncStatus,
    syncNow: () => sendRequest({ type: 'sync-now' }),
    fullResync: requestFullResync,
  };
}

/** Asks the background to forget the saved sync position and backfill again. */
export function requestFullResync() {
  return sendRequest({ type: 'full-resync' });
}
