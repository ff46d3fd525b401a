import { useState } from 'react';
import type { Settings } from '../../lib/settings/settings-schema';
import type { SettingsSource } from './settings-source';
import { useSettingsSave } from './use-settings-save';

export interface ActionSettingsSectionProps {
  readonly source: SettingsSource;
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}

/** What the order manager's actions (cancel) may change besides the order itself. */
export function ActionSettingsSection({ source, settings, onSaved }: ActionSettingsSectionProps) {
  const [allowZeroStockOnCancel, setAllowZeroStockOnCancel] = useState(settings.allowZeroStockOnCancel);
  const { busy, outcome, save: saveSettings } = useSettingsSave(source, onSaved, 'Action settings saved.');
  const save = () => saveSettings({ allowZeroStockOnCancel });

  return (
    <section className="options-section" aria-labelledby="action-settings-heading">
      <h2 id="action-settings-heading">Actions</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="options-checkbox">
          <input
            type="checkbox"
            checked={allowZeroStockOnCancel}
            aria-describedby="zero-stock-hint"
            onChange={(event) => setAllowZeroStockOnCancel(event.target.checked)}
          />
          Allow zeroing out inventory when cancelling
        </label>
        <p id="zero-stock-hint" className="options-section__intro">
          When on, cancelling for “No inventory” offers to set the stock of the order’s merchant-fulfilled
          SKUs to 0. Amazon-fulfilled stock is never changed. Your SP-API app needs the Product Listing role
          for this (see the guide above).
        </p>
        <div className="options-actions">
          <button type="submit" disabled={busy}>
            Save action settings
          </button>
        </div>
        <p
          className={`options-outcome options-outcome--${outcome?.kind ?? 'none'}`}
          role="status"
          aria-live="polite"
          aria-label="Action settings result"
        >
          {outcome?.text}
        </p>
      </form>
    </section>
  );
}
