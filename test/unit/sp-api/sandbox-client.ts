import { ManualClock } from '../../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS, type SandboxOptions } from '../../../lib/sandbox';
import { createSpApiClient } from '../../../lib/sp-api/client';

const ORIGIN = 'https://sandbox.test';

/** The real SP-API client talking to an in-process sandbox, both on one manual clock starting at `nowMs`. */
export function sandboxWithClient(nowMs: number, options: Omit<SandboxOptions, 'clock'> = {}) {
  const clock = new ManualClock(nowMs);
  const sandbox = createSandbox({ clock, ...options });
  const client = createSpApiClient({
    transport: (request) => sandbox.fetch(request),
    clock,
    credentials: SANDBOX_CREDENTIALS,
    endpoints: { spApiBaseUrl: ORIGIN, lwaTokenUrl: `${ORIGIN}/auth/o2/token` },
    random: () => 0.5,
  });
  return { clock, sandbox, client };
}
