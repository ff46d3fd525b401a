import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveSettings } from '../../../lib/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings-schema';

const credentials = {
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'secret',
  refreshToken: 'Atzr|x',
  region: 'na' as const,
  marketplaceIds: ['ATVPDKIKX0DER'],
};

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

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
