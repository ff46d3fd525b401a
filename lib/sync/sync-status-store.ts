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

// Updates are read-modify-write; chaining them keeps two quick updates from undoing each other.
let queue: Promise<unknown> = Promise.resolve();

export function updateSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const run = queue.then(async () => syncStatusItem.set({ ...(await syncStatusItem.get()), ...patch }));
  queue = run.catch(() => undefined);
  return run;
}

/** Calls back on every change; the views re-render from it instead of polling. */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  return syncStatusItem.watch(listener);
}
