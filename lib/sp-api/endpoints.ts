import type { EndpointOverride, Region } from '../settings/settings-schema';
import { endpointUrlRefusal } from '../settings/endpoint-url-rule';
import { LWA_TOKEN_URL, SP_API_BASE_URLS } from './hosts';

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

/** Why an endpoint may not receive the seller's credentials, in words; the rule is lib/settings'. */
export function endpointRefusal(url: string, testBuild: boolean = isTestBuild()): string | undefined {
  return endpointUrlRefusal(url, testBuild);
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
