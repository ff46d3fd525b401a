import { useState } from 'react';
import { BUYER_REQUEST_WINDOW_SOURCE } from '../../lib/domain/buyer-request';
import type { Settings } from '../../lib/settings/settings-schema';
import type { SettingsSource } from './settings-source';
import { useSettingsSave } from './use-settings-save';

export interface BuyerRequestSettingsSectionProps {
  readonly source: SettingsSource;
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}

const WINDOW_MIN = 1;
const WINDOW_MAX = 168;

type Reminder = 'remindAt24Hours' | 'remindAt6Hours' | 'remindAt1Hour';
const REMINDERS: readonly { key: Reminder; label: string }[] = [
  { key: 'remindAt24Hours', label: 'Remind me when 24 hours are left' },
  { key: 'remindAt6Hours', label: 'Remind me when 6 hours are left' },
  { key: 'remindAt1Hour', label: 'Remind me when 1 hour is left' },
];

/** How long a buyer's cancellation request may wait, and which notifications remind the seller of it. */
export function BuyerRequestSettingsSection({ source, settings, onSaved }: BuyerRequestSettingsSectionProps) {
  const [mute, setMute] = useState(settings.muteBuyerRequestNotifications);
  const [reminders, setReminders] = useState<Record<Reminder, boolean>>({
    remindAt24Hours: settings.remindAt24Hours,
    remindAt6Hours: settings.remindAt6Hours,
    remindAt1Hour: settings.remindAt1Hour,
  });
  const [windowText, setWindowText] = useState(String(settings.buyerRequestWindowHours));
  const [windowError, setWindowError] = useState<string>();
  const {
    busy,
    outcome,
    save: saveSettings,
  } = useSettingsSave(source, onSaved, 'Buyer request settings saved.');

  const save = async () => {
    const hours = Number(windowText.trim());
    if (!Number.isInteger(hours) || hours < WINDOW_MIN || hours > WINDOW_MAX) {
      setWindowError(`Enter whole hours from ${WINDOW_MIN} to ${WINDOW_MAX}.`);
      document.getElementById('buyer-request-window')?.focus();
      return;
    }
    setWindowError(undefined);
    await saveSettings({ muteBuyerRequestNotifications: mute, ...reminders, buyerRequestWindowHours: hours });
  };

  return (
    <section className="options-section" aria-labelledby="buyer-request-settings-heading">
      <h2 id="buyer-request-settings-heading">Buyer cancellation requests</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label htmlFor="buyer-request-window">Hours a buyer’s request waits for your answer</label>
        <input
          id="buyer-request-window"
          type="number"
          inputMode="numeric"
          min={WINDOW_MIN}
          max={WINDOW_MAX}
          value={windowText}
          aria-invalid={windowError ? true : undefined}
          aria-describedby={
            windowError ? 'buyer-request-window-error buyer-request-window-hint' : 'buyer-request-window-hint'
          }
          onChange={(event) => setWindowText(event.target.value)}
        />
        {windowError && (
          <p id="buyer-request-window-error" className="form-field__error" role="alert">
            {windowError}
          </p>
        )}
        <p id="buyer-request-window-hint" className="options-section__intro">
          {BUYER_REQUEST_WINDOW_SOURCE}
        </p>
        <label className="options-checkbox">
          <input type="checkbox" checked={mute} onChange={(event) => setMute(event.target.checked)} />
          Mute all buyer request notifications (the badge still counts open requests)
        </label>
        {REMINDERS.map(({ key, label }) => (
          <label key={key} className="options-checkbox">
            <input
              type="checkbox"
              checked={reminders[key]}
              disabled={mute}
              onChange={(event) => setReminders((current) => ({ ...current, [key]: event.target.checked }))}
            />
            {label}
          </label>
        ))}
        <div className="options-actions">
          <button type="submit" disabled={busy}>
            Save buyer request settings
          </button>
        </div>
        <p
          className={`options-outcome options-outcome--${outcome?.kind ?? 'none'}`}
          role="status"
          aria-live="polite"
          aria-label="Buyer request settings result"
        >
          {outcome?.text}
        </p>
      </form>
    </section>
  );
}
