import { useId, useState } from 'react';
import { marketplacesInRegion } from '../../lib/domain/marketplaces';
import { errorMessage } from '../../lib/error-message';
import { REGIONS, type Region, type Settings } from '../../lib/settings/settings-schema';
import {
  ADVANCED_FIELDS,
  credentialsFormFrom,
  LWA_CLIENT_ID_PREFIX,
  validateConnectionTestForm,
  validateCredentialsForm,
  withRegion,
  type CredentialsErrors,
  type CredentialsField,
  type CredentialsFormValues,
} from './credentials-form';
import { FormField } from './form-field';
import { SelfAuthorisationGuide } from './self-authorisation-guide';
import { useFocusFirstMarked } from './use-focus-first-marked';
import type { SettingsSource } from './settings-source';

const REGION_LABELS: Record<Region, string> = {
  na: 'North America (US, Canada, Mexico, Brazil)',
  eu: 'Europe, Middle East, India and Africa',
  fe: 'Far East (Japan, Australia, Singapore)',
};

/** 'invalid' says "correct the marked fields", and only while a field is marked. */
type Outcome =
  { kind: 'ok' | 'warning' | 'error'; text: string; code?: string } | { kind: 'invalid' } | undefined;

const MERCHANT_TOKEN_PLACE = 'Seller Central: Settings → Account Info → Merchant Token';

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
  const { formRef, focusFirstMarked } = useFocusFirstMarked();
  // Open at first if overrides are set, and whenever one of them is marked; otherwise the seller's.
  const [advancedOpen, setAdvancedOpen] = useState(() => Boolean(settings.endpointOverride));
  const anyMarked = Object.values(errors).some(Boolean);

  /** Editing a field takes its mark away; the check runs again on the next Save or Test. */
  const set = (patch: Partial<CredentialsFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    unmark(Object.keys(patch) as CredentialsField[]);
  };

  function unmark(fields: readonly CredentialsField[]) {
    setErrors((current) => {
      if (!fields.some((field) => current[field])) return current;
      const next = { ...current };
      for (const field of fields) delete next[field];
      return next;
    });
  }

  function markFields(marked: CredentialsErrors) {
    setErrors(marked);
    if (ADVANCED_FIELDS.some((field) => marked[field])) setAdvancedOpen(true);
    focusFirstMarked();
  }

  async function save() {
    setSaveOutcome(undefined);
    if (testOutcome?.kind === 'invalid') setTestOutcome(undefined);
    const result = validateCredentialsForm(values);
    if (!result.ok) {
      markFields(result.errors);
      setSaveOutcome({ kind: 'invalid' });
      return;
    }
    setErrors({});
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
    if (saveOutcome?.kind === 'invalid') setSaveOutcome(undefined);
    const result = validateConnectionTestForm(values);
    if (!result.ok) {
      markFields(result.errors);
      setTestOutcome({ kind: 'invalid' });
      return;
    }
    setErrors({});
    setBusy(true);
    setTestOutcome({ kind: 'ok', text: 'Testing the connection…' });
    try {
      const answer = await source.testConnection(result.credentials, result.endpointOverride);
      if (result.merchantTokenMissing) {
        setErrors({
          sellerId: `Fill in the merchant token: cancels are not sent to Amazon without it (${MERCHANT_TOKEN_PLACE}).`,
        });
      }
      if (!answer.ok) {
        setTestOutcome({
          kind: 'error',
          text: `The connection test failed. ${answer.message}`,
          ...(answer.code ? { code: answer.code } : {}),
        });
      } else if (result.merchantTokenMissing) {
        setTestOutcome({
          kind: 'warning',
          text:
            `Connected: ${answer.message} The merchant token is still empty, so cancels will not be ` +
            'sent to Amazon until you fill it in (marked above) and save.',
        });
      } else {
        setTestOutcome({ kind: 'ok', text: `Connected: ${answer.message}` });
      }
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
          : 'No Amazon account connected yet: the order manager shows made-up demo orders until you save working credentials.'}
      </p>
      <SelfAuthorisationGuide />
      <form
        ref={formRef}
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
          hint={`Starts with ${LWA_CLIENT_ID_PREFIX}`}
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
            onChange={(event) => {
              setValues((v) => withRegion(v, event.target.value as Region));
              unmark(['region', 'marketplaceIds']);
            }}
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
          label="Merchant token (needed to cancel orders)"
          value={values.sellerId}
          onValue={(sellerId) => set({ sellerId })}
          error={errors.sellerId}
          hint="Required. Each account’s orders are kept apart by it, and Amazon needs it to cancel orders. Seller Central shows it under Settings → Account Info → Merchant Token."
          autoComplete="off"
          spellCheck={false}
          required
        />
        <details
          className="options-advanced"
          open={advancedOpen}
          onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}
        >
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
        <OutcomeLine
          outcome={saveOutcome}
          invalidText={anyMarked ? 'Please correct the marked fields.' : undefined}
          label="Save result"
          testId="credentials-save-result"
        />
        <OutcomeLine
          outcome={testOutcome}
          invalidText={anyMarked ? 'Fill in the marked fields before testing.' : undefined}
          label="Connection test result"
          testId="connection-result"
        />
      </form>
    </section>
  );
}

/** One result line; a failure's code from Amazon sits in collapsed technical details beneath it. */
function OutcomeLine({
  outcome,
  invalidText,
  label,
  testId,
}: {
  readonly outcome: Outcome;
  /** Said for an 'invalid' outcome; undefined once no field is marked any more. */
  readonly invalidText: string | undefined;
  readonly label: string;
  readonly testId: string;
}) {
  const shown =
    outcome?.kind === 'invalid'
      ? invalidText
        ? { kind: 'error' as const, text: invalidText }
        : undefined
      : outcome;
  return (
    <>
      <p
        className={`options-outcome options-outcome--${shown ? shown.kind : 'none'}`}
        role="status"
        aria-live="polite"
        aria-label={label}
        data-testid={testId}
      >
        {shown ? shown.text : undefined}
      </p>
      {outcome && outcome.kind !== 'invalid' && outcome.code && (
        <details className="options-outcome__details">
          <summary>Technical details</summary>
          Amazon’s code: {outcome.code}
        </details>
      )}
    </>
  );
}
