import { readOrderCursor, getAllOrders } from '../../../lib/store';
import { DETAIL_FILL_INTERVAL_MS } from '../../../lib/sync/order-sync';
import { createHarness, runSearchCalls, type Harness } from './order-sync-harness';

describe('filling in what the backfill report lacks', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('gives report-only orders their full details over later cycles, then idles at one call', async () => {
    h = await createHarness({ orderCount: 600 });
    await h.run();
    const reportOnly = (await getAllOrders(h.db)).filter((o) => o.detailLevel === 'report');
    expect(reportOnly.length).toBeGreaterThan(50);
    expect(reportOnly.every((o) => o.isPrime === undefined)).toBe(true);
    expect((await readOrderCursor(h.db))?.detailFill).toMatchObject({ done: false });

    // Right after the backfill the fill waits, so the next cycle costs one call.
    h.clock.advance(3 * 60_000);
    expect(await runSearchCalls(h)).toBe(1);

    for (let cycle = 0; cycle < 20; cycle++) {
      h.clock.advance(DETAIL_FILL_INTERVAL_MS + 60_000);
      await h.run();
      if ((await readOrderCursor(h.db))?.detailFill?.done) break;
    }
    expect((await readOrderCursor(h.db))?.detailFill?.done).toBe(true);
    const after = await getAllOrders(h.db);
    const stillReportOnly = after.filter(
      (o) => reportOnly.some((r) => r.orderId === o.orderId) && o.detailLevel === 'report',
    );
    expect(stillReportOnly).toEqual([]);
    expect(after.filter((o) => o.isPrime === true).length).toBeGreaterThan(0);

    h.clock.advance(DETAIL_FILL_INTERVAL_MS + 60_000);
    expect(await runSearchCalls(h)).toBe(1);
  });

  it('never spends more than its pages per run, so a sync does not wait on the quota', async () => {
    h = await createHarness({ orderCount: 2000 });
    await h.run();
    h.clock.advance(DETAIL_FILL_INTERVAL_MS + 60_000);
    const before = h.clock.now();
    expect(await runSearchCalls(h)).toBeLessThanOrEqual(4);
    // No rate-limit wait: the client did not have to sleep for searchOrders tokens.
    expect(h.clock.now() - before).toBeLessThan(60_000);
  });
});
