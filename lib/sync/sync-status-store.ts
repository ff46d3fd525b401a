import { browser } from 'wxt/browser';
import { INITIAL_SYNC_STATUS, syncStatusSchema, type SyncStatus } from './sync-status';

const KEY = 'syncStatus';

export async function loadSyncStatus(): Promise<SyncStatus> {
  const parsed = syncStatusSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : INITIAL_SYNC_STATUS;
}

export async function updateSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const next = syncStatusSchema.parse({ ...(await loadSyncStatus()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls back on every change; the views re-render from it instead of polling. */
export function watchSyncStatus(listener: (status: SyncStatus) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const parsed = syncStatusSchema.safeParse(changes[KEY]?.newValue);
    if (parsed.success) listener(parsed.data);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
