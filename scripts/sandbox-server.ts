/**
 * `npm run sandbox -- --port 8787 --seed 1 --orders 300 [--manual-clock] [--fast-reports] [--buyer-requests] [--host 127.0.0.1]`
 * Serves the SP-API sandbox (LWA, Orders v2026-01-01, Reports and Feeds 2021-06-30, Listings Items
 * 2021-08-01, /_sandbox controls).
 */
import { SANDBOX_CREDENTIALS } from '../lib/sandbox/index';
import { errorMessage } from '../lib/error-message';
import { startSandboxServer } from '../lib/sandbox/node-server';
import { DEMO_BUYER_REQUEST_AGES_HOURS } from '../lib/background/demo-sandbox';

export { startSandboxServer } from '../lib/sandbox/node-server';

function readArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} expects a non-negative integer, got ${raw}`);
    return n;
  };
  const fast = argv.includes('--fast-reports');
  return {
    port: number('--port', 8787),
    seed: number('--seed', 1),
    orders: number('--orders', 300),
    manualClock: argv.includes('--manual-clock'),
    host: value('--host') ?? '127.0.0.1',
    // --fast-reports: reports and feeds are done in about a second instead of Amazon's minutes.
    reportTiming: fast ? { queueMs: 300, processingMs: 1_000 } : undefined,
    feedTiming: fast ? { queueMs: 300, processingMs: 1_000 } : undefined,
    // --buyer-requests: buyers ask to cancel as the clock runs, with requests already open as in demo mode.
    buyerCancellationRequests: argv.includes('--buyer-requests')
      ? { openAgesHours: DEMO_BUYER_REQUEST_AGES_HOURS }
      : undefined,
  };
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  const server = await startSandboxServer(args);
  // Sandbox credentials are fixed public test values, not secrets.
  console.log(`SP-API sandbox listening on ${server.url}`);
  console.log(`  LWA token URL: ${server.url}/auth/o2/token`);
  console.log(`  clientId:      ${SANDBOX_CREDENTIALS.clientId}`);
  console.log(`  clientSecret:  ${SANDBOX_CREDENTIALS.clientSecret}`);
  console.log(`  refreshToken:  ${SANDBOX_CREDENTIALS.refreshToken}`);
  console.log(`  sellerId:      ${SANDBOX_CREDENTIALS.sellerId}`);
  console.log(
    `  seed ${args.seed}, ${args.orders} orders, ${args.manualClock ? 'manual clock (POST /_sandbox/clock)' : 'system clock'}`,
  );
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(errorMessage(error));
    process.exit(1);
  });
}
