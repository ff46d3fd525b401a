import type { Clock } from '../clock';
import { createSpApiClient, type SpApiClient, type Transport } from '../sp-api/client';
import { allowedEndpointsFor } from '../sp-api/endpoints';
import type { EndpointOverride, SavedCredentials, Settings } from '../settings/settings-schema';
import { DEMO_MARKETPLACE_IDS, DEMO_ORIGIN, demoCredentials } from './demo-sandbox';

export interface SpApiConnection {
  readonly client: SpApiClient;
  readonly demo: boolean;
  readonly marketplaceIds: string[];
}

export interface ConnectionDeps {
  readonly clock: Clock;
  /** The network; in the extension, globalThis.fetch. */
  readonly fetch: Transport;
  /** The in-extension sandbox's handler, created on first use (demo mode only). */
  readonly demoTransport: () => Transport;
}

/**
 * The client for the current settings: the seller's own account, or demo mode (the built-in
 * sandbox) while there are no credentials. Only the transport differs; sync and store code are
 * the same for both.
 */
export function connectionFor(settings: Settings, deps: ConnectionDeps): SpApiConnection {
  if (settings.credentials === null) {
    return {
      demo: true,
      marketplaceIds: [...DEMO_MARKETPLACE_IDS],
      client: createSpApiClient({
        transport: deps.demoTransport(),
        clock: deps.clock,
        credentials: demoCredentials(),
        endpoints: { spApiBaseUrl: DEMO_ORIGIN, lwaTokenUrl: `${DEMO_ORIGIN}/auth/o2/token` },
      }),
    };
  }
  return {
    demo: false,
    marketplaceIds: [...settings.credentials.marketplaceIds],
    client: clientFor(settings.credentials, settings.endpointOverride, deps),
  };
}

/**
 * A client for the seller's own app. Refuses (EndpointPolicyError) endpoints the credentials may not
 * be sent to, even if Settings let one through: defence in depth.
 */
export function clientFor(
  credentials: SavedCredentials,
  endpointOverride: EndpointOverride | null,
  deps: Pick<ConnectionDeps, 'clock' | 'fetch'>,
): SpApiClient {
  const endpoints = allowedEndpointsFor(credentials.region, endpointOverride);
  return createSpApiClient({
    transport: deps.fetch,
    clock: deps.clock,
    credentials: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      refreshToken: credentials.refreshToken,
    },
    endpoints,
  });
}
