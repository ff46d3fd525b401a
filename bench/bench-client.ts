import type { Clock } from '../lib/clock';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../lib/sandbox';
import { createSpApiClient, type Transport } from '../lib/sp-api/client';

/**
 * The real client on the in-process sandbox, with fixed jitter so the figures repeat. A figure that
 * looks at what the sandbox sends passes its own transport around `sandbox.fetch`.
 */
export function benchClient(
  sandbox: Sandbox,
  clock: Clock,
  transport: Transport = (request) => sandbox.fetch(request),
) {
  return createSpApiClient({
    transport,
    clock,
    credentials: SANDBOX_CREDENTIALS,
    endpoints: {
      spApiBaseUrl: 'https://sandbox.bench.invalid',
      lwaTokenUrl: 'https://sandbox.bench.invalid/auth/o2/token',
    },
    random: () => 0.5,
  });
}
