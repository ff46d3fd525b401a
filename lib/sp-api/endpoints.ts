import type { EndpointOverride, Region } from '../settings/settings-schema';
import { CREDENTIAL_HOSTS, LWA_TOKEN_URL, SP_API_BASE_URLS, TEST_BUILD_SANDBOX_HOST } from './hosts';

// Set by wxt.config.ts (Vite define) in every extension build; absent elsewhere (unit tests, Node).
declare const __ORDER_MANAGER_TEST_BUILD__: boolean | undefined;

export {
  apiHostPermissions,
  CREDENTIAL_HOSTS,
  DOCUMENT_HOSTS,
  LWA_TOKEN_URL,
  SP_API_BASE_URLS,
  TEST_BUILD_SANDBOX_HOST,
} from './hosts';

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
