import type { EndpointOverride, Region } from '../settings/settings-schema';

// Set by wxt.config.ts (Vite define) in every extension build; absent elsewhere (unit tests, Node).
declare const __ORDER_MANAGER_TEST_BUILD__: boolean | undefined;

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export const SP_API_BASE_URLS: Record<Region, string> = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
};

/** Hosts that may receive the client secret or refresh token (LWA) or the access token (SP-API). */
export const CREDENTIAL_HOSTS: readonly string[] = [
  ...Object.values(SP_API_BASE_URLS).map((url) => new URL(url).host),
  new URL(LWA_TOKEN_URL).host,
];

/** Amazon's S3 buckets that serve report and feed documents (presigned URLs, no credentials). */
export const DOCUMENT_HOSTS: readonly string[] = [
  'tortuga-prod-na.s3-external-1.amazonaws.com',
  'tortuga-prod-eu.s3-eu-west-1.amazonaws.com',
  'tortuga-prod-fe.s3-us-west-2.amazonaws.com',
];

/** The test build may also reach the local SP-API sandbox over plain HTTP on this host. */
export const TEST_BUILD_SANDBOX_HOST = '127.0.0.1';

/** The manifest's API host permissions (wxt.config.ts adds Seller Central's); one list for both. */
export function apiHostPermissions(testBuild: boolean): string[] {
  return [
    ...[...CREDENTIAL_HOSTS, ...DOCUMENT_HOSTS].map((host) => `https://${host}/*`),
    ...(testBuild ? [`http://${TEST_BUILD_SANDBOX_HOST}/*`] : []),
  ];
}

/** True in the test build (ORDER_MANAGER_TEST_BUILD=1); false in the store build and outside builds. */
export function isTestBuild(): boolean {
  return typeof __ORDER_MANAGER_TEST_BUILD__ === 'boolean' && __ORDER_MANAGER_TEST_BUILD__;
}

/**
 * Why an endpoint may not receive the seller's credentials, in words for Settings; undefined when
 * it may. The store build allows only https:// on Amazon's SP-API and LWA hosts (the manifest's host
 * permissions); the test build also allows http://127.0.0.1:<port> for the local sandbox.
 */
export function endpointRefusal(url: string, testBuild: boolean = isTestBuild()): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL, like https://sellingpartnerapi-na.amazon.com';
  }
  if (parsed.username || parsed.password) return 'Leave user names and passwords out of the URL.';
  if (testBuild && parsed.protocol === 'http:' && parsed.hostname === TEST_BUILD_SANDBOX_HOST)
    return undefined;
  if (parsed.protocol !== 'https:') return 'Only https:// addresses are allowed.';
  if (!CREDENTIAL_HOSTS.includes(parsed.host)) {
    return `Your credentials are only sent to Amazon’s own hosts (${CREDENTIAL_HOSTS.join(', ')}); ${parsed.host} is not one of them.`;
  }
  return undefined;
}

export class EndpointPolicyError extends Error {
  override name = 'EndpointPolicyError';
}

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

/**
 * endpointsFor, refusing (EndpointPolicyError, plain words) any endpoint the credentials may not go
 * to: the client factory's check, behind the one in Settings.
 */
export function allowedEndpointsFor(
  region: Region,
  override?: EndpointOverride | null,
  testBuild: boolean = isTestBuild(),
): SpApiEndpoints {
  const endpoints = endpointsFor(region, override);
  for (const [label, url] of [
    ['SP-API base URL', endpoints.spApiBaseUrl],
    ['LWA token URL', endpoints.lwaTokenUrl],
  ] as const) {
    const refusal = endpointRefusal(url, testBuild);
    if (refusal) {
      throw new EndpointPolicyError(
        `The ${label} in Settings → Advanced is refused: ${refusal} Fix it or leave both URLs empty.`,
      );
    }
  }
  return endpoints;
}
