import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveSettings } from '../../../lib/settings/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('buyer-request reminder settings', () => {
  it('loads settings stored before the reminder toggles existed with every reminder on and nothing muted', async () => {
    await fakeBrowser.storage.local.set({
      settings: { syncIntervalMinutes: 15, allowOrderDownload: false },
      settings$: { v: 2 },
    });
    expect(await loadSettings()).toMatchObject({
      syncIntervalMinutes: 15,
      allowOrderDownload: false,
      remindAt24Hours: true,
      remindAt6Hours: true,
      remindAt1Hour: true,
      muteBuyerRequestNotifications: false,
    });
  });

  it('keeps each toggle the seller saves, and the others when one is damaged', async () => {
    await saveSettings({ remindAt6Hours: false, muteBuyerRequestNotifications: true });
    expect(await loadSettings()).toMatchObject({
      remindAt6Hours: false,
      muteBuyerRequestNotifications: true,
    });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    await fakeBrowser.storage.local.set({ settings: { ...(settings as object), remindAt1Hour: 'yes' } });
    expect(await loadSettings()).toMatchObject({
      remindAt6Hours: false,
      remindAt1Hour: true,
      muteBuyerRequestNotifications: true,
    });
  });
});
