import {
  credentialsSchema,
  endpointOverrideSchema,
  type Credentials,
  type EndpointOverride,
  type Region,
  type Settings,
} from '../../lib/settings/settings-schema';
import { marketplaceById } from '../../lib/domain/marketplaces';
import { endpointRefusal } from '../../lib/sp-api/endpoints';

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

export type CredentialsValidation =
  | { ok: true; credentials: Credentials; endpointOverride: EndpointOverride | null }
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

/** Checks the form with the settings schemas and maps each problem to the field it belongs to. */
export function validateCredentialsForm(values: CredentialsFormValues): CredentialsValidation {
  const errors: CredentialsErrors = {};
  const parsed = credentialsSchema.safeParse({
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    refreshToken: values.refreshToken,
    region: values.region,
    marketplaceIds: values.marketplaceIds,
    sellerId: values.sellerId,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CredentialsField | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  let endpointOverride: EndpointOverride | null = null;
  const base = values.spApiBaseUrl.trim();
  const token = values.lwaTokenUrl.trim();
  if (base || token) {
    const override = endpointOverrideSchema.safeParse({ spApiBaseUrl: base, lwaTokenUrl: token });
    if (override.success) {
      // Refused here in words, and again by the client factory (lib/background/sp-api-connection.ts).
      const baseRefusal = endpointRefusal(override.data.spApiBaseUrl);
      const tokenRefusal = endpointRefusal(override.data.lwaTokenUrl);
      if (baseRefusal) errors.spApiBaseUrl = baseRefusal;
      if (tokenRefusal) errors.lwaTokenUrl = tokenRefusal;
      if (!baseRefusal && !tokenRefusal) endpointOverride = override.data;
    } else {
      if (!base) errors.spApiBaseUrl = 'Give both URLs, or leave both empty for Amazon’s own endpoints';
      else if (!endpointOverrideSchema.shape.spApiBaseUrl.safeParse(base).success)
        errors.spApiBaseUrl = 'Enter a full URL, like https://sellingpartnerapi-na.amazon.com';
      if (!token) errors.lwaTokenUrl = 'Give both URLs, or leave both empty for Amazon’s own endpoints';
      else if (!endpointOverrideSchema.shape.lwaTokenUrl.safeParse(token).success)
        errors.lwaTokenUrl = 'Enter a full URL, like https://api.amazon.com/auth/o2/token';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, credentials: parsed.data, endpointOverride };
}
