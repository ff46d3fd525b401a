import { createSandbox, SANDBOX_CREDENTIALS, type Sandbox } from '../../../lib/sandbox';
import { createSpApiClient } from '../../../lib/sp-api/client';
import { deleteOrderDb, openOrderDb, type OrderDb } from '../../../lib/store';
import { runOrderSync } from '../../../lib/sync/order-sync';
import { rereadUnreadableOrders } from '../../../lib/sync/reread-orders';
import type { SpApiClient } from '../../../lib/sp-api/client';
import type { OrderSyncCursor } from '../../../lib/store/order-cursor';
import { HeldClock } from '../sp-api/held-clock';

const START_MS = Date.parse('2026-06-01T12:00:00Z');
const MARKETPLACE_IDS = ['ATVPDKIKX0DER'];

/**
 * A sync stopped by a settings change must end at once, not after its current wait (a 503 backoff
 * or a report poll can last up to 2 minutes). The clock's sleeps never end by themselves here, so
 * a run that settles after the abort was ended by it, with no real time measured.
 */
describe('runOrderSync: aborted while waiting', () => {
  let db: OrderDb;
  let dbName: string;
  let clock: HeldClock;
  let sandbox: Sandbox;

  beforeEach(async () => {
    clock = new HeldClock(START_MS);
    sandbox = createSandbox({ clock, seed: 3, orderCount: 50 });
    dbName = `sync-aborted-mid-wait-${Math.random().toString(36).slice(2)}`;
    db = await openOrderDb(dbName);
  });

  afterEach(async () => {
    db.close();
    await deleteOrderDb(dbName);
  });

  function startSync(signal: AbortSignal) {
    const client = createSpApiClient({
      transport: (request) => sandbox.fetch(request),
      clock,
      credentials: SANDBOX_CREDENTIALS,
      endpoints: { spApiBaseUrl: 'https://sandbox.test', lwaTokenUrl: 'https://sandbox.test/auth/o2/token' },
      random: () => 0.5,
      requestTimeoutMs: 0,
    });
    return runOrderSync({
      client,
      db,
      clock,
      settings: { backfillDays: 30, importNonAmazonOrders: true, marketplaceIds: MARKETPLACE_IDS },
      syncRunId: 'run-1',
      signal,
    });
  }

  it('ends during the client’s retry backoff and sends nothing more', async () => {
    sandbox.injectFault({ kind: '503', count: 10 });
    const controller = new AbortController();
    const run = startSync(controller.signal);
    await clock.sleeping();
    const callsAtAbort = sandbox.stats().total;
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.sleeps).toHaveLength(1);
    expect(sandbox.stats().total).toBe(callsAtAbort);
  });

  it('ends during the wait for the order report', async () => {
    const controller = new AbortController();
    const run = startSync(controller.signal);
    await clock.sleeping();
    expect(sandbox.stats().calls.createReport).toBe(1);
    const callsAtAbort = sandbox.stats().total;
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(sandbox.stats().total).toBe(callsAtAbort);
  });

  it('ends in the re-reads too: an abort there is not a failed re-read that lets the run report success', async () => {
    const controller = new AbortController();
    // getOrder's quota wait was ended by the settings change.
    const client = {
      getOrder: () => {
        controller.abort();
        return Promise.reject(controller.signal.reason);
      },
    } as unknown as SpApiClient;
    const cursor = {
      phase: 'incremental',
      rereadOrderIds: ['113-4567890-1234567'],
      syncRunId: 'run-1',
      updatedAt: '2026-06-01T12:00:00.000Z',
    } as unknown as OrderSyncCursor;
    const reread = rereadUnreadableOrders(
      {
        client,
        db,
        clock,
        settings: { backfillDays: 30, importNonAmazonOrders: true, marketplaceIds: MARKETPLACE_IDS },
        syncRunId: 'run-1',
        signal: controller.signal,
      },
      cursor,
      { ordersWritten: 0, quarantined: 0, skippedNonAmazon: 0 },
    );
    await expect(reread).rejects.toMatchObject({ name: 'AbortError' });
  });
});
