import { useId, useState } from 'react';
import { marketplacesInRegion } from '../../lib/domain/marketplaces';
import { errorMessage } from '../../lib/error-message';
import { REGIONS, type Region, type Settings } from '../../lib/settings/settings-schema';
import {
  credentialsFormFrom,
  validateCredentialsForm,
  withRegion,
  type CredentialsErrors,
  type CredentialsFormValues,
} from './credentials-form';
import { FormField } from './form-field';
import type { SettingsSource } from './settings-source';

const REGION_LABELS: Record<Region, string> = {
  na: 'North America (US, Canada, Mexico, Brazil)',
  eu: 'Europe, Middle East, India and Africa',
  fe: 'Far East (Japan, Australia, Singapore)',
};

type Outcome = { kind: 'ok' | 'error'; text: string } | undefined;

export interface CredentialsSectionProps {
  readonly source: SettingsSource;
  readonly settings: Settings;
  readonly onSaved: (settings: Settings) => void;
}

/** The seller's own SP-API app: save, test against Amazon (or the sandbox), or remove for demo mode. */
export function CredentialsSection({ source, settings, onSaved }: CredentialsSectionProps) {
  const [values, setValues] = useState<CredentialsFormValues>(() => credentialsFormFrom(settings));
  const [errors, setErrors] = useState<CredentialsErrors>({});
  const [busy, setBusy] = useState(false);
  const [saveOutcome, setSaveOutcome] = useState<Outcome>();
  const [testOutcome, setTestOutcome] = useState<Outcome>();
  const marketplaceErrorId = useId();
  // Open once if overrides are set, then left to the seller.
  const [advancedOpen] = useState(() => Boolean(settings.endpointOverride));
  const set = (patch: Partial<CredentialsFormValues>) => setValues((v) => ({ ...v, ...patch }));

  function validate() {
    const result = validateCredentialsForm(values);
    setErrors(result.ok ? {} : result.errors);
    return result;
  }

  async function save() {
    setSaveOutcome(undefined);
    const result = validate();
    if (!result.ok) {
      setSaveOutcome({ kind: 'error', text: 'Please correct the marked fields.' });
      return;
    }
    setBusy(true);
    try {
      const saved = await source.save({
        credentials: result.credentials,
        endpointOverride: result.endpointOverride,
      });
      onSaved(saved);
      setSaveOutcome({ kind: 'ok', text: 'Saved. Your own orders will appear after the next sync.' });
    } catch (error) {
      setSaveOutcome({ kind: 'error', text: `Could not save: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function testConnection() {
    setTestOutcome(undefined);
    const result = validate();
    if (!result.ok) {
      setTestOutcome({ kind: 'error', text: 'Fill in the marked fields before testing.' });
      return;
    }
    setBusy(true);
    setTestOutcome({ kind: 'ok', text: 'Testing the connection…' });
    try {
      const answer = await source.testConnection(result.credentials, result.endpointOverride);
      setTestOutcome(
        answer.ok
          ? { kind: 'ok', text: `Connected: ${answer.message}` }
          : {
              kind: 'error',
              text: `Amazon refused the connection: ${answer.message}${answer.code ? ` (${answer.code})` : ''}`,
            },
      );
    } catch (error) {
      setTestOutcome({ kind: 'error', text: `Could not test the connection: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setSaveOutcome(undefined);
    setTestOutcome(undefined);
    setBusy(true);
    try {
      const saved = await source.save({ credentials: null });
      onSaved(saved);
      setValues(credentialsFormFrom(saved));
      setErrors({});
      setSaveOutcome({ kind: 'ok', text: 'Credentials removed. The extension shows demo data again.' });
    } catch (error) {
      setSaveOutcome({ kind: 'error', text: `Could not remove the credentials: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  const regionMarketplaces = marketplacesInRegion(values.region);
  return (
    <section className="options-section" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Amazon SP-API credentials</h2>
      <p className="options-section__intro">
        {settings.credentials
          ? 'The extension syncs orders from your Amazon account with these credentials.'
          : 'No credentials saved: the extension shows demo data from its built-in SP-API sandbox.'}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <FormField
          label="LWA client id"
          value={values.clientId}
          onValue={(clientId) => set({ clientId })}
          error={errors.clientId}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <FormField
          label="LWA client secret"
          type="password"
          value={values.clientSecret}
          onValue={(clientSecret) => set({ clientSecret })}
          error={errors.clientSecret}
          autoComplete="off"
          required
        />
        <FormField
          label="Refresh token"
          type="password"
          value={values.refreshToken}
          onValue={(refreshToken) => set({ refreshToken })}
          error={errors.refreshToken}
          autoComplete="off"
          hint="Starts with Atzr|"
          required
        />
        <div className="form-field">
          <label htmlFor="credentials-region">Region</label>
          <select
            id="credentials-region"
            value={values.region}
            onChange={(event) => setValues((v) => withRegion(v, event.target.value as Region))}
          >
            {REGIONS.map((region) => (
              <option key={region} value={region}>
                {REGION_LABELS[region]}
              </option>
            ))}
          </select>
        </div>
        <fieldset
          className="options-marketplaces"
          aria-invalid={errors.marketplaceIds ? true : undefined}
          aria-describedby={errors.marketplaceIds ? marketplaceErrorId : undefined}
        >
          <legend>Marketplaces</legend>
          {regionMarketplaces.map((mp) => (
            <label key={mp.id} className="options-checkbox">
              <input
                type="checkbox"
                checked={values.marketplaceIds.includes(mp.id)}
                onChange={(event) =>
                  set({
                    marketplaceIds: event.target.checked
                      ? [...values.marketplaceIds, mp.id]
                      : values.marketplaceIds.filter((id) => id !== mp.id),
                  })
                }
              />
              {mp.name} ({mp.code})
            </label>
          ))}
          {errors.marketplaceIds && (
            <small id={marketplaceErrorId} className="form-field__error">
              {errors.marketplaceIds}
            </small>
          )}
        </fieldset>
        <FormField
          label="Merchant token"
          value={values.sellerId}
          onValue={(sellerId) => set({ sellerId })}
          error={errors.sellerId}
          hint="Required. Each account’s orders are kept apart by it, and Amazon needs it to cancel and refund orders. Seller Central shows it under Settings → Account Info → Your Merchant Token."
          autoComplete="off"
          spellCheck={false}
          required
        />
        <details className="options-advanced" open={advancedOpen || undefined}>
          <summary>Advanced</summary>
          <p>
            Leave both empty to use Amazon’s production endpoints. Your credentials are only sent over
            https:// to Amazon’s own SP-API and LWA hosts.
          </p>
          <FormField
            label="SP-API base URL"
            type="url"
            value={values.spApiBaseUrl}
            onValue={(spApiBaseUrl) => set({ spApiBaseUrl })}
            error={errors.spApiBaseUrl}
            placeholder="https://sellingpartnerapi-na.amazon.com"
            spellCheck={false}
          />
          <FormField
            label="LWA token URL"
            type="url"
            value={values.lwaTokenUrl}
            onValue={(lwaTokenUrl) => set({ lwaTokenUrl })}
            error={errors.lwaTokenUrl}
            placeholder="https://api.amazon.com/auth/o2/token"
            spellCheck={false}
          />
        </details>
        <div className="options-actions">
          <button type="submit" disabled={busy}>
            Save credentials
          </button>
          <button type="button" disabled={busy} onClick={() => void testConnection()}>
            Test connection
          </button>
          {settings.credentials && (
            <button type="button" disabled={busy} onClick={() => void remove()}>
              Remove credentials / return to demo mode
            </button>
          )}
        </div>
        <p
          className={`options-outcome options-outcome--${saveOutcome?.kind ?? 'none'}`}
          role="status"
          aria-live="polite"
          aria-label="Save result"
          data-testid="credentials-save-result"
        >
          {saveOutcome?.text}
        </p>
        <p
          className={`options-outcome options-outcome--${testOutcome?.kind ?? 'none'}`}
          role="status"
          aria-live="polite"
          aria-label="Connection test result"
          data-testid="connection-result"
        >
          {testOutcome?.text}
        </p>
      </form>
    </section>
  );
}
