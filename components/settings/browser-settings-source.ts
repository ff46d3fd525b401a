import { sendRequest } from '../../lib/messaging';
import { loadSettings, onSettingsChanged, saveSettings } from '../../lib/settings/settings-store';
import type { SettingsSource } from './settings-source';

export function browserSettingsSource(): SettingsSource {
  return {
    load: loadSettings,
    // The background watches the stored settings (re-arms its alarm, switches account): no message needed.
    save: saveSettings,
    subscribe: onSettingsChanged,
    testConnection: (credentials, endpointOverride) =>
      sendRequest({ type: 'test-connection', credentials, endpointOverride }),
  };
}
