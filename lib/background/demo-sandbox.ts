import type { Clock } from '../clock';
import { createSandbox, SANDBOX_CREDENTIALS, type Sandbox } from '../sandbox';

/** Demo requests never leave the extension; this origin only names them (.invalid never resolves). */
export const DEMO_ORIGIN = 'https://demo.sp-api.invalid';
export const DEMO_MARKETPLACE_IDS = [
  'ATVPDKIKX0DER',
  'A2EUQ1WTGCTBG2',
  'A1F83G8C2ARO7P',
  'A1PA6795UKMFR9',
] as const;
// The sandbox spreads its orders over 45 days; 450 puts about 300 in the default 30-day backfill.
export const DEMO_ORDER_COUNT = 450;

/** Demo requests raised this many hours before the demo's anchor (2 h to 47 h of a 48-hour window used). */
export const DEMO_BUYER_REQUEST_AGES_HOURS = [2, 20, 40, 47] as const;

export function demoCredentials() {
  return {
    clientId: SANDBOX_CREDENTIALS.clientId,
    clientSecret: SANDBOX_CREDENTIALS.clientSecret,
    refreshToken: SANDBOX_CREDENTIALS.refreshToken,
  };
}

/**
 * The sandbox behind demo mode. Its data is anchored to the moment demo mode was first used (kept
 * in storage), so a restarted service worker rebuilds the same orders instead of new ones.
 */
export function createDemoSandbox(clock: Clock, anchorMs: number): Sandbox {
  return createSandbox({
    clock,
    seed: 1,
    orderCount: DEMO_ORDER_COUNT,
    anchorMs,
    documentOrigin: DEMO_ORIGIN,
    // A new user should see orders within seconds, not after Amazon's minutes of report processing.
    reportTiming: { queueMs: 300, processingMs: 1_000 },
    feedTiming: { queueMs: 300, processingMs: 1_000 },
    // A few buyer cancellation requests open at different times left, and more as the demo runs.
    buyerCancellationRequests: { openAgesHours: DEMO_BUYER_REQUEST_AGES_HOURS },
  });
}
