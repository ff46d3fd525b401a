import { LwaError, SpApiNetworkError } from '../sp-api/errors';
import type { EndpointOverride } from './settings-schema';

/** What Settings → Advanced calls each address (the labels of its fields). */
export const ADVANCED_ENDPOINT_LABELS = {
  spApiBaseUrl: 'SP-API base URL',
  lwaTokenUrl: 'LWA token URL',
} as const;

type AdvancedEndpoint = keyof typeof ADVANCED_ENDPOINT_LABELS;

/**
 * A connection test that got no answer at all, in words: with an Advanced address set, that address
 * is the likely cause, not the seller's internet connection. Undefined for any other failure (an
 * answer that refused the credentials says so itself).
 */
export function unreachableEndpointMessage(
  error: unknown,
  endpointOverride: EndpointOverride | null,
): string | undefined {
  const unreached = unreachedEndpoint(error);
  if (!unreached) return undefined;
  const { endpoint, timedOut } = unreached;
  if (!endpointOverride) {
    const amazon = endpoint === 'lwaTokenUrl' ? 'Amazon’s login service' : 'Amazon';
    return timedOut
      ? `${amazon} did not answer in time. Check the internet connection, then test again.`
      : `Could not reach ${amazon}. Check the internet connection, then test again.`;
  }
  const named = (field: AdvancedEndpoint) =>
    `${endpointOverride[field]} (Advanced: ${ADVANCED_ENDPOINT_LABELS[field]})`;
  const where =
    endpoint === 'either' ? `${named('lwaTokenUrl')} or ${named('spApiBaseUrl')}` : named(endpoint);
  const advice = endpoint === 'either' ? 'Check those addresses' : 'Check that address';
  return (
    (timedOut ? `${where} did not answer in time. ` : `Could not reach ${where}. `) +
    `${advice}, or clear both Advanced addresses to use Amazon’s.`
  );
}

function unreachedEndpoint(
  error: unknown,
): { endpoint: AdvancedEndpoint | 'either'; timedOut: boolean } | undefined {
  if (error instanceof LwaError && error.error === 'network')
    return { endpoint: 'lwaTokenUrl', timedOut: false };
  if (error instanceof SpApiNetworkError) return { endpoint: 'spApiBaseUrl', timedOut: error.timedOut };
  // fetch() itself rejects with a TypeError when nothing answered; the client wraps it, but not always.
  if (error instanceof TypeError && /fetch|network/i.test(error.message))
    return { endpoint: 'either', timedOut: false };
  return undefined;
}
