/**
 * npm run bench: prints the figures the issues set targets for. Targets are printed beside each
 * figure; nothing here fails a build (speed is measured, not tested).
 */
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import 'fake-indexeddb/auto';
import { ManualClock } from '../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS } from '../lib/sandbox';
import { RateLimiter } from '../lib/sp-api/rate-limiter';
import { openOrderDb, countOrders } from '../lib/store';
import { runOrderSync } from '../lib/sync/order-sync';
import { refreshOrder } from '../lib/sync/refresh-orders';
import { enqueueCancel, getAction, runOutbox } from '../lib/outbox';
import { benchClient } from './bench-client';
import { measureInChromium } from './chromium-figures';
import { zodParseSpeedFigures } from './zod-parse-speed';
import { FEATURES, runSeedRange } from '../sim/run-seeds';

const root = resolve(import.meta.dirname, '..');
const rows: [string, string, string][] = [];
const record = (what: string, figure: string, target = '') => {
  rows.push([what, figure, target]);
  console.log(`${what}: ${figure}${target ? `   (target ${target})` : ''}`);
};

async function backfillFigures(orderCount: number) {
  const anchor = Date.parse('2026-11-20T12:00:00Z');
  const clock = new ManualClock(anchor);
  const sandbox = createSandbox({ clock, seed: 7, orderCount, anchorMs: anchor });
  const client = benchClient(sandbox, clock);
  const db = await openOrderDb(`bench-${orderCount}-${Date.now()}`);
  const settings = {
    backfillDays: 30,
    importNonAmazonOrders: true,
    marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'],
  };
  const started = clock.now();
  const wall = performance.now();
  await runOrderSync({ client, db, clock, settings, syncRunId: 'bench-backfill' });
  const simulatedMinutes = (clock.now() - started) / 60_000;
  const stored = await countOrders(db);
  record(
    `Backfill, ${orderCount} orders in the sandbox (${stored} in the 30-day window stored)`,
    `${client.calls.total} SP-API calls, ${simulatedMinutes.toFixed(1)} simulated minutes (${((performance.now() - wall) / 1000).toFixed(1)} s real)`,
    'at most 40 calls and 10 simulated minutes',
  );

  // The same backfill done naively with the deprecated v0 reads: getOrders pages + getOrderItems per order.
  const naiveClock = new ManualClock(anchor);
  const limiter = new RateLimiter(naiveClock);
  const pages = Math.ceil(stored / 100);
  for (let i = 0; i < pages; i++) await limiter.acquire('getOrders');
  for (let i = 0; i < stored; i++) await limiter.acquire('getOrderItems');
  const naiveCalls = pages + stored;
  const naiveMinutes = (naiveClock.now() - anchor) / 60_000;
  record(
    "Naive v0 loop for the same orders (getOrders + getOrderItems per order, on the models' usage plans)",
    `${naiveCalls} calls, ${naiveMinutes.toFixed(1)} simulated minutes`,
  );
  record(
    'Ratio naive / ours',
    `${(naiveCalls / Math.max(1, client.calls.total)).toFixed(0)}x calls, ${(naiveMinutes / Math.max(0.1, simulatedMinutes)).toFixed(0)}x time`,
  );

  // The next scheduled cycle, 30 minutes on.
  clock.advance(30 * 60_000);
  const before = client.calls.total;
  const getOrderBefore = client.calls.byOperation.getOrder ?? 0;
  await runOrderSync({ client, db, clock, settings, syncRunId: 'bench-cycle' });
  // Orders with an open buyer request are read again each cycle (lib/sync/reread-open-requests.ts).
  record(
    'Next 30-minute sync cycle',
    `${client.calls.total - before} SP-API calls, of which ${(client.calls.byOperation.getOrder ?? 0) - getOrderBefore} getOrder re-reads (orders with an open buyer request)`,
  );

  // A cycle where nothing changed: the sandbox with no new orders after its anchor.
  const quietClock = new ManualClock(anchor);
  const quiet = createSandbox({ clock: quietClock, seed: 7, orderCount: 300, anchorMs: anchor });
  const quietClient = benchClient(quiet, quietClock);
  const quietDb = await openOrderDb(`bench-idle-${Date.now()}`);
  await runOrderSync({ client: quietClient, db: quietDb, clock: quietClock, settings, syncRunId: 'idle-1' });
  const idleBefore = quietClient.calls.total;
  const idleGetOrderBefore = quietClient.calls.byOperation.getOrder ?? 0;
  await runOrderSync({ client: quietClient, db: quietDb, clock: quietClock, settings, syncRunId: 'idle-2' });
  const idleRereads = (quietClient.calls.byOperation.getOrder ?? 0) - idleGetOrderBefore;
  record(
    'Idle sync cycle (nothing changed)',
    `${quietClient.calls.total - idleBefore - idleRereads} SP-API call(s), plus ${idleRereads} getOrder re-reads (orders with an open buyer request)`,
    '1 call, plus one re-read per open request',
  );
}

/**
 * What one cancellation costs until Amazon's order shows it: SP-API calls and simulated time, on
 * the sandbox's default feed timing (about 30 s queue + 60 s processing), when every answer arrives
 * and when the createFeed answer is lost (the outbox must wait for Amazon's listing to settle).
 * The floor is the calls no design can skip: document, createFeed, one getFeed, the report, getOrder.
 */
async function cancelFigures() {
  for (const lost of [false, true]) {
    const anchor = Date.parse('2026-11-20T12:00:00Z');
    const clock = new ManualClock(anchor);
    const sandbox = createSandbox({ clock, seed: 11, orderCount: 80, anchorMs: anchor });
    const client = benchClient(sandbox, clock);
    const db = await openOrderDb(`bench-cancel-${lost}-${Date.now()}`);
    const page = await client.searchOrders({
      createdAfter: new Date(anchor - 30 * 86_400_000).toISOString(),
      fulfillmentStatuses: ['UNSHIPPED'],
      fulfilledBy: ['MERCHANT'],
    });
    const order = page.orders.find((o) => o.orderItems.length > 0)!;
    await refreshOrder({ client, db, clock, syncRunId: 'bench' }, order.orderId);
    const action = await enqueueCancel(db, { orderId: order.orderId, reason: 'NoInventory' }, { clock });
    if (lost) sandbox.injectFault({ operation: 'createFeed', kind: 'drop-after' });
    const callsBefore = client.calls.total;
    const started = clock.now();
    for (let run = 0; run < 30 && (await getAction(db, action.id))?.status === 'pending'; run++) {
      await runOutbox({
        client,
        db,
        clock,
        sellerId: SANDBOX_CREDENTIALS.sellerId,
        marketplaceIds: ['ATVPDKIKX0DER'],
      });
      clock.advance(60_000);
    }
    const status = (await getAction(db, action.id))?.status;
    record(
      lost ? 'One cancel whose createFeed answer is lost, to Cancelled' : 'One cancel, to Cancelled',
      `${status}: ${client.calls.total - callsBefore} SP-API calls (floor 5), ${((clock.now() - started) / 60_000).toFixed(1)} simulated minutes`,
    );
  }
}

/** Gzip bytes of an HTML entry's scripts and everything they import, each chunk counted once. */
function entryGzipBytes(dist: string, html: string): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      visit(resolve(dirname(file), m[1]!));
    }
  };
  const page = readFileSync(join(dist, html), 'utf8');
  for (const m of page.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(join(dist, m[1]!));
  for (const m of page.matchAll(/<link[^>]+href="([^"]+\.css)"/g)) seen.add(join(dist, m[1]!));
  return [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
}

function gzipSizes() {
  const dist = join(root, '.output', 'chrome-mv3');
  execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  record('Gzip size, popup (its scripts, imports and CSS)', kb(entryGzipBytes(dist, 'popup.html')));
  // One file for a real account and for demo mode alike: Chrome refuses import() in a service worker
  // ("import() is disallowed on ServiceWorkerGlobalScope"), so the sandbox cannot be a lazy chunk.
  record(
    'Gzip size, background (real account = demo mode)',
    kb(gzipSync(readFileSync(join(dist, 'background.js'))).length),
  );
  const contentDir = join(dist, 'content-scripts');
  const content = existsSync(contentDir) ? readdirSync(contentDir).filter((f) => f.endsWith('.js')) : [];
  record(
    'Gzip size, content scripts',
    content.length
      ? content.map((f) => `${f} ${kb(gzipSync(readFileSync(join(contentDir, f))).length)}`).join(', ')
      : 'none yet (issue 3)',
  );
}

/**
 * The simulator's pace (seeds per second, beside what the test command's 2,000 seeds in 3 minutes
 * need) and its fault coverage: the share of runs in which each fault took effect.
 */
async function simulatorFigures(seeds: number) {
  const result = await runSeedRange(1, seeds, { shrink: false });
  const perSecond = seeds / (result.elapsedMs / 1000);
  record(
    `Simulator, ${seeds} seeds`,
    `${perSecond.toFixed(1)} seeds/s, ${result.failures.length} invariant violations`,
    // The test command runs 2,000 seeds as two files of 1,000 side by side, within 3 minutes.
    `at least ${(1000 / 180).toFixed(1)} seeds/s per process (2,000 seeds in 3 minutes on 2 cores)`,
  );
  const shares = FEATURES.map((feature) => ({
    feature,
    share: (100 * (result.coverage.get(feature) ?? 0)) / seeds,
  }));
  const lowest = shares.reduce((a, b) => (b.share < a.share ? b : a));
  record(
    'Simulator fault coverage (share of runs each fired in)',
    shares.map(({ feature, share }) => `${feature} ${share.toFixed(0)} %`).join(', '),
    `every fault at least 5 % (lowest: ${lowest.feature} ${lowest.share.toFixed(1)} %)`,
  );
}

await backfillFigures(10_000);
await cancelFigures();
await simulatorFigures(500);
// jitless (lib/zod.ts) beside zod's eval fast path, each in its own child process.
for (const [what, figure] of zodParseSpeedFigures()) record(what, figure);
gzipSizes();
if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) {
  for (const [what, figure, target] of await measureInChromium(root)) record(what, figure, target);
} else {
  record('Chromium figures', 'skipped: no Chromium found (set CHROMIUM_PATH)');
}

console.log('\nSummary');
for (const [what, figure, target] of rows)
  console.log(`- ${what}: ${figure}${target ? ` [target: ${target}]` : ''}`);
