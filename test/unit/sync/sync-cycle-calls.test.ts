import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../lib/clock';
import { openBuyerCancelRequest } from '../../../lib/domain/buyer-request';
import { createSandbox, SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { createSpApiClient } from '../../../lib/sp-api/client';
import { deleteOrderDb, getAllOrders, openOrderDb, type OrderDb } from '../../../lib/store';
import { runOrderSync } from '../../../lib/sync/order-sync';
import { SYNC_GET_ORDER_BUDGET } from '../../../lib/sync/reread-open-requests';

let db: OrderDb | undefined;
const name = `sync-cycle-calls-${Math.random().toString(36).slice(2)}`;
afterEach(async () => {
  db?.close();
  await deleteOrderDb(name);
});

describe('the benchmark next sync cycle (bench/run.ts backfillFigures)', () => {
  it('costs the same 4 calls beside one getOrder per open buyer request, within the budget', async () => {
    // The benchmark's own setup: seed 7, 10,000 orders, the first sync then one 30 minutes on.
    const anchor = Date.parse('2026-11-20T12:00:00Z');
    const clock = new ManualClock(anchor);
    const sandbox = createSandbox({ clock, seed: 7, orderCount: 10_000, anchorMs: anchor });
    const client = createSpApiClient({
      transport: (request) => sandbox.fetch(request),
      clock,
      credentials: SANDBOX_CREDENTIALS,
      endpoints: {
        spApiBaseUrl: 'https://sandbox.bench.invalid',
        lwaTokenUrl: 'https://sandbox.bench.invalid/auth/o2/token',
      },
      random: () => 0.5,
    });
    db = await openOrderDb(name);
    const settings = {
      backfillDays: 30,
      importNonAmazonOrders: true,
      marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'],
    };
    await runOrderSync({ client, db, clock, settings, syncRunId: 'bench-backfill' });
    clock.advance(30 * 60_000);
    const open = (await getAllOrders(db)).filter((order) => openBuyerCancelRequest(order)).length;
    // The generated timelines leave some requests open at the anchor (no raising asked for).
    expect(open).toBeGreaterThan(0);

    const getOrderBefore = client.calls.byOperation.getOrder ?? 0;
    const cycle = await runOrderSync({ client, db, clock, settings, syncRunId: 'bench-cycle' });
    const rereads = (client.calls.byOperation.getOrder ?? 0) - getOrderBefore;
    expect(cycle.calls - rereads).toBe(4);
    expect(rereads).toBeLessThanOrEqual(Math.min(open, SYNC_GET_ORDER_BUDGET));
  }, 300_000);
});
