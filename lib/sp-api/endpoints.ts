import type { EndpointOverride, Region } from '../settings/settings-schema';

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export const SP_API_BASE_URLS: Record<Region, string> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

export interface SpApiEndpoints {
  readonly spApiBaseUrl: string;
  readonly lwaTokenUrl: string;
}

/** Production endpoints of a region, unless an override (e.g. the local sandbox) replaces both. */
export function endpointsFor(region: Region, override?: EndpointOverride | null): SpApiEndpoints {
  if (override) return { spApiBaseUrl: override.spApiBaseUrl, lwaTokenUrl: override.lwaTokenUrl };
  return { spApiBaseUrl: SP_API_BASE_URLS[region], lwaTokenUrl: LWA_TOKEN_URL };
}

/** Same as endpointsFor. */
export const resolveEndpoints = endpointsFor;
