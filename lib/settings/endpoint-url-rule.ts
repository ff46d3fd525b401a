import { CREDENTIAL_HOSTS, TEST_BUILD_SANDBOX_HOSTS } from '../sp-api/hosts';

/**
 * Why an address in Settings → Advanced (SP-API base URL, LWA token URL) may not receive the seller's
 * credentials, in words for the field; undefined when it may. Both builds: https:// on Amazon's own
 * SP-API and LWA hosts only (the manifest's host permissions). The test build also takes
 * http://127.0.0.1:<port> and http://localhost:<port>, the local SP-API sandbox. Pure, so one table
 * test covers both builds; Settings and the client factory (lib/sp-api/endpoints.ts) both ask it.
 */
export function endpointUrlRefusal(url: string, testBuild: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a full URL, like https://sellingpartnerapi-na.amazon.com';
  }
  if (parsed.username || parsed.password) return 'Leave user names and passwords out of the URL.';
  if (testBuild && isLocalSandbox(parsed)) return undefined;
  if (parsed.protocol !== 'https:') {
    return testBuild
      ? 'Only https:// addresses are allowed (and, in this test build, http://127.0.0.1:<port> or http://localhost:<port> for the local sandbox).'
      : 'Only https:// addresses are allowed.';
  }
  if (!CREDENTIAL_HOSTS.includes(parsed.host)) {
    return `Your credentials are only sent to Amazon’s own hosts (${CREDENTIAL_HOSTS.join(', ')}); ${parsed.host} is not one of them.`;
  }
  return undefined;
}

/** The local sandbox always runs on a port of its own; a bare http://localhost is something else. */
function isLocalSandbox(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    url.port !== '' &&
    (TEST_BUILD_SANDBOX_HOSTS as readonly string[]).includes(url.hostname)
  );
}
