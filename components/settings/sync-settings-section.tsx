import { useState } from 'react';
import type { Settings } from '../../lib/settings/settings-schema';
import { FormField } from './form-field';
import type { SettingsSource } from './settings-source';
import { useFocusFirstMarked } from './use-focus-first-marked';
import { useSettingsSave } from './use-settings-save';
import {
  syncSettingsFormFrom,
  validateSyncSettingsForm,
  type SyncSettingsErrors,
  type SyncSettingsFormValues,
} from './sync-settings-form';

export interface SyncSettingsSectionProps {
  readonly source: SettingsSource;
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}

function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="options-checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

/** What the background may do and how often it syncs. */
export function SyncSettingsSection({ source, settings, onSaved }: SyncSettingsSectionProps) {
  const [values, setValues] = useState<SyncSettingsFormValues>(() => syncSettingsFormFrom(settings));
  const [errors, setErrors] = useState<SyncSettingsErrors>({});
  const {
    busy,
    outcome,
    setOutcome,
    save: saveSettings,
  } = useSettingsSave(source, onSaved, 'Sync settings saved.');
  const { formRef, focusFirstMarked } = useFocusFirstMarked();
  const set = (patch: Partial<SyncSettingsFormValues>) => setValues((v) => ({ ...v, ...patch }));

  async function save() {
    const result = validateSyncSettingsForm(values);
    setErrors(result.ok ? {} : result.errors);
    if (!result.ok) {
      setOutcome({ kind: 'error', text: 'Please correct the marked fields.' });
      focusFirstMarked();
      return;
    }
    await saveSettings(result.patch);
  }

  return (
    <section className="options-section" aria-labelledby="sync-settings-heading">
      <h2 id="sync-settings-heading">Sync</h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Checkbox
          label="Allow order download"
          checked={values.allowOrderDownload}
          onChange={(allowOrderDownload) => set({ allowOrderDownload })}
        />
        <Checkbox
          label="Allow fulfillment upload"
          checked={values.allowFulfillmentUpload}
          onChange={(allowFulfillmentUpload) => set({ allowFulfillmentUpload })}
        />
        <Checkbox
          label="Import off-Amazon (non-Amazon channel) orders"
          checked={values.importNonAmazonOrders}
          onChange={(importNonAmazonOrders) => set({ importNonAmazonOrders })}
        />
        <FormField
          label="Sync interval (minutes)"
          type="number"
          min={5}
          max={60}
          step={1}
          value={values.syncIntervalMinutes}
          onValue={(syncIntervalMinutes) => set({ syncIntervalMinutes })}
          error={errors.syncIntervalMinutes}
          hint="From 5 to 60 minutes."
        />
        <FormField
          label="Backfill days"
          type="number"
          min={1}
          max={90}
          step={1}
          value={values.backfillDays}
          onValue={(backfillDays) => set({ backfillDays })}
          error={errors.backfillDays}
          hint="How far back the first sync reaches, from 1 to 90 days."
        />
        <div className="options-actions">
          <button type="submit" disabled={busy}>
            Save sync settings
          </button>
        </div>
        <p
          className={`options-outcome options-outcome--${outcome?.kind ?? 'none'}`}
          role="status"
          aria-live="polite"
          aria-label="Sync settings result"
        >
          {outcome?.text}
        </p>
      </form>
    </section>
  );
}
