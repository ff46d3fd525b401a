/**
 * Amazon's API hosts, listed once: the endpoint policy (endpoints.ts) and the manifest's host
 * permissions (wxt.config.ts) both read them. No imports, so the build config loads nothing else.
 */

export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

export const SP_API_BASE_URLS = {
  na: 'https://sellingpartnerapi-na.amazon.com',
  eu: 'https://sellingpartnerapi-eu.amazon.com',
  fe: 'https://sellingpartnerapi-fe.amazon.com',
} as const;

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

/** Every host the test build may reach the local sandbox on (http, with a port). */
export const TEST_BUILD_SANDBOX_HOSTS = [TEST_BUILD_SANDBOX_HOST, 'localhost'] as const;

/** The manifest's API host permissions (wxt.config.ts adds Seller Central's); one list for both. */
export function apiHostPermissions(testBuild: boolean): string[] {
  return [
    ...[...CREDENTIAL_HOSTS, ...DOCUMENT_HOSTS].map((host) => `https://${host}/*`),
    ...(testBuild ? TEST_BUILD_SANDBOX_HOSTS.map((host) => `http://${host}/*`) : []),
  ];
}
