import { fakeBrowser } from 'wxt/testing';
import {
  loadSettings,
  migrateCredentialsOutOfStorageLocal,
  onSettingsChanged,
  saveSettings,
} from '../../../lib/settings/settings-store';
import type { Settings } from '../../../lib/settings/settings-schema';
import { deleteCredentialStore, loadStoredCredentials } from '../../../lib/settings/credential-store';

const credentials = {
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'amzn1.oa2-cs.v1.the-client-secret',
  refreshToken: 'Atzr|the-refresh-token',
  region: 'eu' as const,
  marketplaceIds: ['A1PA6795UKMFR9'],
};

const storageLocal = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;

describe('stored settings, version 1 to 2: credentials out of storage.local', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await deleteCredentialStore();
  });

  it('turns an older stored value with credentials into one without them and a revision mark', async () => {
    const migrated = await migrateCredentialsOutOfStorageLocal({
      credentials,
      syncIntervalMinutes: 20,
      allowOrderDownload: false,
    });
    expect(migrated).toEqual({
      syncIntervalMinutes: 20,
      allowOrderDownload: false,
      credentialsRevision: expect.any(String),
    });
    expect(await loadStoredCredentials()).toEqual(credentials);
  });

  it('passes a value without credentials through unchanged, and drops credentials that do not parse', async () => {
    const today = { syncIntervalMinutes: 15, credentialsRevision: '1-abc' };
    expect(await migrateCredentialsOutOfStorageLocal(today)).toBe(today);
    expect(await migrateCredentialsOutOfStorageLocal({ credentials: { clientId: '' } })).toEqual({
      credentialsRevision: expect.any(String),
    });
    expect(await loadStoredCredentials()).toBeNull();
  });

  it('migrates a version 1 value in storage on first read and records version 2 beside it', async () => {
    await fakeBrowser.storage.local.set({ settings: { credentials, syncIntervalMinutes: 20 } });
    expect((await loadSettings()).credentials).toEqual(credentials);
    expect(await storageLocal()).toEqual({
      settings: { syncIntervalMinutes: 20, credentialsRevision: expect.any(String) },
      settings$: { v: 2 },
    });
  });

  it('reads a version 1 value stored without credentials as it was', async () => {
    // Also what the bench writes by hand before the extension starts.
    await fakeBrowser.storage.local.set({
      settings: { allowOrderDownload: false, credentialsRevision: '1-abc' },
    });
    expect((await loadSettings()).allowOrderDownload).toBe(false);
    expect(await storageLocal()).toEqual({
      settings: { allowOrderDownload: false, credentialsRevision: '1-abc' },
      settings$: { v: 2 },
    });
  });

  it('migrates before the first save, so the older credentials are kept, not overwritten', async () => {
    await fakeBrowser.storage.local.set({ settings: { credentials, syncIntervalMinutes: 20 } });
    await saveSettings({ backfillDays: 10 });
    const settings = await loadSettings();
    expect(settings.credentials).toEqual(credentials);
    expect(settings.syncIntervalMinutes).toBe(20);
    expect(JSON.stringify(await storageLocal())).not.toContain(credentials.refreshToken);
  });

  it('writes every save with the version, so it is never migrated again', async () => {
    await saveSettings({ syncIntervalMinutes: 45 });
    expect((await storageLocal()).settings$).toEqual({ v: 2 });
  });

  it('tells listeners of a credentials-only save, the first one included', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((s) => seen.push(s));
    await saveSettings({ credentials: { ...credentials, sellerId: 'A1SELLERTOKEN' } });
    await vi.waitFor(() => expect(seen.at(-1)?.credentials?.sellerId).toBe('A1SELLERTOKEN'));
    await saveSettings({ credentials: null });
    await vi.waitFor(() => expect(seen.at(-1)?.credentials).toBeNull());
    stop();
  });
});
