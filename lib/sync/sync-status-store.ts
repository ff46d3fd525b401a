import { browser } from 'wxt/browser';
import { INITIAL_SYNC_STATUS, syncStatusSchema, type SyncStatus } from './sync-status';

const KEY = 'syncStatus';

export async function loadSyncStatus(): Promise<SyncStatus> {
  const parsed = syncStatusSchema.safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : INITIAL_SYNC_STATUS;
}

// Updates are read-modify-write; chaining them keeps two quick updates from undoing each other.
let queue: Promise<unknown> = Promise.resolve();

export function updateSyncStatus(patch: Partial<SyncStatus>): Promise<SyncStatus> {
  const run = queue.then(async () => {
    const next = syncStatusSchema.parse({ ...(await loadSyncStatus()), ...patch });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
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
