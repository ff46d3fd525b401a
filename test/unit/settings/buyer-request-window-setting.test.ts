import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveSettings } from '../../../lib/settings/settings-store';
import { settingsSchema } from '../../../lib/settings/settings-schema';
import { deleteCredentialStore } from '../../../lib/settings/credential-store';

describe('buyer request response window setting', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await deleteCredentialStore();
  });

  it('defaults to 48 hours and accepts 1 to 168', () => {
    expect(settingsSchema.parse({}).buyerRequestWindowHours).toBe(48);
    expect(settingsSchema.parse({ buyerRequestWindowHours: 1 }).buyerRequestWindowHours).toBe(1);
    expect(settingsSchema.parse({ buyerRequestWindowHours: 168 }).buyerRequestWindowHours).toBe(168);
    expect(settingsSchema.safeParse({ buyerRequestWindowHours: 0 }).success).toBe(false);
    expect(settingsSchema.safeParse({ buyerRequestWindowHours: 169 }).success).toBe(false);
    expect(settingsSchema.safeParse({ buyerRequestWindowHours: 12.5 }).success).toBe(false);
  });

  it('loads settings stored before the window existed, with the 48-hour default', async () => {
    await fakeBrowser.storage.local.set({ settings: { syncIntervalMinutes: 20, allowOrderDownload: false } });
    const settings = await loadSettings();
    expect(settings.syncIntervalMinutes).toBe(20);
    expect(settings.buyerRequestWindowHours).toBe(48);
  });

  it('saves a changed window and refuses one over a week', async () => {
    await saveSettings({ buyerRequestWindowHours: 24 });
    expect((await loadSettings()).buyerRequestWindowHours).toBe(24);
    await expect(saveSettings({ buyerRequestWindowHours: 200 })).rejects.toThrow();
  });
});
