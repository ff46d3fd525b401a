import { fakeBrowser } from 'wxt/testing';
import { loadSettings, onSettingsChanged, saveSettings } from '../../../lib/settings/settings-store';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings-schema';
import { deleteCredentialStore, loadStoredCredentials } from '../../../lib/settings/credential-store';

const credentials = {
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'amzn1.oa2-cs.v1.the-client-secret',
  refreshToken: 'Atzr|the-refresh-token',
  region: 'na' as const,
  marketplaceIds: ['ATVPDKIKX0DER'],
  sellerId: 'A1SELLERTOKEN',
};

describe('settings store', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await deleteCredentialStore();
  });

  it('starts in demo mode with order download on every 30 minutes', async () => {
    const settings = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.credentials).toBeNull();
    expect(settings.allowOrderDownload).toBe(true);
    expect(settings.syncIntervalMinutes).toBe(30);
    expect(settings.backfillDays).toBe(30);
  });

  it('saves valid settings and refuses an interval outside 5-60 minutes', async () => {
    await saveSettings({ credentials, syncIntervalMinutes: 15 });
    expect((await loadSettings()).syncIntervalMinutes).toBe(15);
    await expect(saveSettings({ syncIntervalMinutes: 2 })).rejects.toThrow();
    await expect(saveSettings({ syncIntervalMinutes: 61 })).rejects.toThrow();
    expect((await loadSettings()).credentials).toEqual(credentials);
  });

  it('keeps the client secret and refresh token out of storage.local, which content scripts can read', async () => {
    await saveSettings({ credentials });
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(credentials.clientSecret);
    expect(everything).not.toContain(credentials.refreshToken);
    expect(await loadStoredCredentials()).toEqual(credentials);
    expect((await loadSettings()).credentials).toEqual(credentials);
  });

  it('moves credentials an older version kept in storage.local into the credential store', async () => {
    const { sellerId: _none, ...older } = credentials;
    await fakeBrowser.storage.local.set({ settings: { credentials: older, syncIntervalMinutes: 20 } });
    const settings = await loadSettings();
    expect(settings.credentials).toEqual(older);
    expect(settings.syncIntervalMinutes).toBe(20);
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain(credentials.clientSecret);
    expect(everything).not.toContain(credentials.refreshToken);
    expect(await loadStoredCredentials()).toEqual(older);
  });

  it('requires the merchant token for new credentials, and says why', async () => {
    const { sellerId: _none, ...withoutToken } = credentials;
    await expect(saveSettings({ credentials: withoutToken })).rejects.toThrow(/Merchant token is required/);
    await expect(saveSettings({ credentials: { ...credentials, sellerId: 'A1/../x' } })).rejects.toThrow(
      /letters and digits/,
    );
    expect((await loadSettings()).credentials).toBeNull();
  });

  it('tells listeners of a credentials change, with the credentials merged in', async () => {
    await saveSettings({ credentials });
    const seen: Settings[] = [];
    const stop = onSettingsChanged((s) => seen.push(s));
    await saveSettings({ credentials: { ...credentials, sellerId: 'A2OTHERSELLER' } });
    await vi.waitFor(() => expect(seen.at(-1)?.credentials?.sellerId).toBe('A2OTHERSELLER'));
    stop();
  });

  it('keeps the good fields of a damaged stored value', async () => {
    await fakeBrowser.storage.local.set({
      settings: { credentials, syncIntervalMinutes: 'often', allowOrderDownload: false },
    });
    const settings = await loadSettings();
    expect(settings.credentials).toEqual(credentials);
    expect(settings.allowOrderDownload).toBe(false);
    expect(settings.syncIntervalMinutes).toBe(30);
  });
});
