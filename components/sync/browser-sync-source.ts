import { sendRequest } from '../../lib/messaging';
import { loadSyncStatus, watchSyncStatus } from '../../lib/sync/sync-status-store';
import type { SyncSource } from './sync-source';

export function browserSyncSource(): SyncSource {
  return {
    load: loadSyncStatus,
    subscribe: watchSyncStatus,
    syncNow: () => sendRequest({ type: 'sync-now' }),
  };
}
