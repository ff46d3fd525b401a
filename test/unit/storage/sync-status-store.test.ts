import { existsSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { loadSyncStatus, updateSyncStatus, watchSyncStatus } from '../../../lib/sync/sync-status-store';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../../lib/sync/sync-status';
import { STORAGE_KEYS } from '../../../lib/storage/storage-keys';

describe('sync status store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the initial status until one is written, then keeps it under syncStatus', async () => {
    expect(await loadSyncStatus()).toEqual(INITIAL_SYNC_STATUS);
    await updateSyncStatus({ running: true, phase: 'Fetching updated orders' });
    expect((await fakeBrowser.storage.local.get('syncStatus')).syncStatus).toEqual({
      running: true,
      phase: 'Fetching updated orders',
      demo: true,
    });
  });

  it('reads a status an earlier version stored', async () => {
    await fakeBrowser.storage.local.set({ syncStatus: { running: false, demo: false, lastSyncAt: 'x' } });
    expect(await loadSyncStatus()).toEqual({ running: false, demo: false, lastSyncAt: 'x' });
  });

  it('reads a damaged status as the initial one, and the next update replaces it', async () => {
    await fakeBrowser.storage.local.set({ syncStatus: { running: 'yes' } });
    expect(await loadSyncStatus()).toEqual(INITIAL_SYNC_STATUS);
    expect(await updateSyncStatus({ demo: false })).toEqual({ running: false, demo: false });
  });

  it('applies two quick updates one after the other, so neither undoes the other', async () => {
    await Promise.all([
      updateSyncStatus({ running: true }),
      updateSyncStatus({ lastSyncAt: '2026-12-01T10:00:00.000Z' }),
    ]);
    expect(await loadSyncStatus()).toEqual({
      running: true,
      demo: true,
      lastSyncAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('tells watchers each new status', async () => {
    const seen: SyncStatus[] = [];
    const stop = watchSyncStatus((status) => seen.push(status));
    await updateSyncStatus({ running: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ running: true, demo: true }));
    stop();
  });
});

describe('storage key registry', () => {
  it('gives every stored value its own key, owned by a file that exists', () => {
    const entries = Object.values(STORAGE_KEYS);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
    for (const entry of entries) expect(existsSync(entry.owner), entry.owner).toBe(true);
  });
});
