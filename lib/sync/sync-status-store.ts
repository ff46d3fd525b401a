import { declareItem } from '../storage/declared-item';
import { STORAGE_KEYS } from '../storage/storage-keys';
import { INITIAL_SYNC_STATUS, syncStatusSchema, type SyncStatus } from './sync-status';

/** A stored status that no longer parses reads as the initial one rather than breaking a view. */
const syncStatusItem = declareItem<SyncStatus>({
  key: STORAGE_KEYS.syncStatus.key,
  schema: syncStatusSchema,
  fallback: INITIAL_SYNC_STATUS,
  version: 1,
  migrations: {},
});

export function loadSyncStatus(): Promise<SyncStatus> {
  return syncStatusItem.get();
}

export function updateSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  return syncStatusItem.update((status) => ({ ...status, ...patch }));
}

/** Calls back on every change; the views re-render from it instead of polling. */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  return syncStatusItem.watch(listener);
}
