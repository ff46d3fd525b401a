import { sendRequest } from '../../lib/messaging';
import { loadSettings, onSettingsChanged, saveSettings } from '../../lib/settings/settings-store';
import type { SettingsSource } from './settings-source';

export function browserSettingsSource(): SettingsSource {
  return {
    load: loadSettings,
    async save(patch) {
      const saved = await saveSettings(patch);
      // The background re-arms its alarm and switches between demo and the seller's account.
      await sendRequest({ type: 'settings-changed' });
      return saved;
    },
    subscribe: onSettingsChanged,
    testConnection: (credentials, endpointOverride) =>
      sendRequest({ type: 'test-connection', credentials, endpointOverride }),
  };
}
