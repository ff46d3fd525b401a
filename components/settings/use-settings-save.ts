import { useState } from 'react';
import type { Settings } from '../../lib/settings/settings-schema';
import { errorMessage } from '../../lib/error-message';
import type { SettingsSource } from './settings-source';

export type SaveOutcome = { kind: 'ok' | 'error'; text: string };

/**
 * Saving one section of the options page: busy while it runs, then a plain outcome line. Shared so
 * every section reports success and failure the same way.
 */
export function useSettingsSave(
  source: SettingsSource,
  onSaved: (settings: Settings) => void,
  successText: string,
) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();

  async function save(patch: Partial<Settings>): Promise<void> {
    setOutcome(undefined);
    setBusy(true);
    try {
      onSaved(await source.save(patch));
      setOutcome({ kind: 'ok', text: successText });
    } catch (error) {
      setOutcome({
        kind: 'error',
        text: `Could not save: ${errorMessage(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  return { busy, outcome, setOutcome, save };
}
