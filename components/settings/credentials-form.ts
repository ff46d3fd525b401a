import {
  endpointOverrideSchema,
  merchantTokenSchema,
  newAppCredentialsSchema,
  type Credentials,
  type EndpointOverride,
  type Region,
  type SavedCredentials,
  type Settings,
} from '../../lib/settings/settings-schema';
import { marketplaceById } from '../../lib/domain/marketplaces';
import { endpointUrlRefusal } from '../../lib/settings/endpoint-url-rule';
import { isTestBuild } from '../../lib/sp-api/endpoints';

/** The credentials form as typed: every field text, so half-typed input survives re-renders. */
export interface CredentialsFormValues {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly region: Region;
  readonly marketplaceIds: readonly string[];
  readonly sellerId: string;
  readonly spApiBaseUrl: string;
  readonly lwaTokenUrl: string;
}

export type CredentialsField = keyof CredentialsFormValues;
export type CredentialsErrors = Partial<Record<CredentialsField, string>>;

export const ADVANCED_FIELDS: readonly CredentialsField[] = ['spApiBaseUrl', 'lwaTokenUrl'];

/** Amazon's examples and every client id seen start so; no exact format is documented, so only a hint. */
export const LWA_CLIENT_ID_PREFIX = 'amzn1.application-oa2-client.';

export type CredentialsValidation =
  | { ok: true; credentials: Credentials; endpointOverride: EndpointOverride | null }
  | { ok: false; errors: CredentialsErrors };

export type ConnectionTestValidation =
  | {
      ok: true;
      credentials: SavedCredentials;
      endpointOverride: EndpointOverride | null;
      /** The test can pass without it, but cancels cannot be sent: the seller is told and the field marked. */
      merchantTokenMissing: boolean;
    }
  | { ok: false; errors: CredentialsErrors };

export function credentialsFormFrom(settings: Settings): CredentialsFormValues {
  const c = settings.credentials;
  return {
    clientId: c?.clientId ?? '',
    clientSecret: c?.clientSecret ?? '',
    refreshToken: c?.refreshToken ?? '',
    region: c?.region ?? 'na',
    marketplaceIds: c?.marketplaceIds ?? [],
    sellerId: c?.sellerId ?? '',
    spApiBaseUrl: settings.endpointOverride?.spApiBaseUrl ?? '',
    lwaTokenUrl: settings.endpointOverride?.lwaTokenUrl ?? '',
  };
}

/** Keeps only marketplaces of the chosen region, since one refresh token serves one region. */
export function withRegion(values: CredentialsFormValues, region: Region): CredentialsFormValues {
  return {
    ...values,
    region,
    marketplaceIds: values.marketplaceIds.filter((id) => marketplaceById(id)?.region === region),
  };
}

/** Checks the form before saving: every field, the merchant token included. */
export function validateCredentialsForm(
  values: CredentialsFormValues,
  testBuild: boolean = isTestBuild(),
): CredentialsValidation {
  const app = checkAppCredentials(values);
  const endpoints = checkEndpoints(values, testBuild);
  const token = merchantTokenSchema.safeParse(values.sellerId);
  const errors: CredentialsErrors = { ...app.errors, ...(endpoints.ok ? {} : endpoints.errors) };
  if (!token.success) errors.sellerId = token.error.issues[0]?.message;
  if (!app.credentials || !endpoints.ok || !token.success) return { ok: false, errors };
  return {
    ok: true,
    credentials: { ...app.credentials, sellerId: token.data },
    endpointOverride: endpoints.endpointOverride,
  };
}

/**
 * Checks the form before a connection test: as for saving, except that an empty merchant token does
 * not stop the test (Amazon's answer does not depend on it); the caller warns about cancels.
 */
export function validateConnectionTestForm(
  values: CredentialsFormValues,
  testBuild: boolean = isTestBuild(),
): ConnectionTestValidation {
  const app = checkAppCredentials(values);
  const endpoints = checkEndpoints(values, testBuild);
  const merchantTokenMissing = values.sellerId.trim() === '';
  const token = merchantTokenMissing ? undefined : merchantTokenSchema.safeParse(values.sellerId);
  const errors: CredentialsErrors = { ...app.errors, ...(endpoints.ok ? {} : endpoints.errors) };
  if (token && !token.success) errors.sellerId = token.error.issues[0]?.message;
  if (!app.credentials || !endpoints.ok || (token && !token.success)) return { ok: false, errors };
  return {
    ok: true,
    credentials: { ...app.credentials, ...(token?.success ? { sellerId: token.data } : {}) },
    endpointOverride: endpoints.endpointOverride,
    merchantTokenMissing,
  };
}

function checkAppCredentials(values: CredentialsFormValues): {
  credentials?: Omit<Credentials, 'sellerId'>;
  errors: CredentialsErrors;
} {
  const parsed = newAppCredentialsSchema.safeParse({
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    refreshToken: values.refreshToken,
    region: values.region,
    marketplaceIds: values.marketplaceIds,
  });
  if (parsed.success) return { credentials: parsed.data, errors: {} };
  const errors: CredentialsErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as CredentialsField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}

/** Each address is judged on its own, so a refused one is marked even while the other is empty. */
function checkEndpoints(
  values: CredentialsFormValues,
  testBuild: boolean,
): { ok: true; endpointOverride: EndpointOverride | null } | { ok: false; errors: CredentialsErrors } {
  const base = values.spApiBaseUrl.trim();
  const token = values.lwaTokenUrl.trim();
  if (!base && !token) return { ok: true, endpointOverride: null };
  const errors: CredentialsErrors = {};
  const bothOrNeither = 'Give both URLs, or leave both empty for Amazon’s own endpoints';
  errors.spApiBaseUrl = base ? endpointUrlRefusal(base, testBuild) : bothOrNeither;
  errors.lwaTokenUrl = token ? endpointUrlRefusal(token, testBuild) : bothOrNeither;
  if (!errors.spApiBaseUrl) delete errors.spApiBaseUrl;
  if (!errors.lwaTokenUrl) delete errors.lwaTokenUrl;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const override = endpointOverrideSchema.safeParse({ spApiBaseUrl: base, lwaTokenUrl: token });
  if (!override.success) {
    return {
      ok: false,
      errors: { spApiBaseUrl: 'Enter a full URL, like https://sellingpartnerapi-na.amazon.com' },
    };
  }
  return { ok: true, endpointOverride: override.data };
}
