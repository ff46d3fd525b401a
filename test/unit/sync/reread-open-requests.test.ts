import { afterEach, describe, expect, it } from 'vitest';
import { openBuyerCancelRequest } from '../../../lib/domain/buyer-request';
import { getAllOrders, listQuarantine } from '../../../lib/store';
import { SYNC_GET_ORDER_BUDGET } from '../../../lib/sync/reread-open-requests';
import { createHarness, START_MS, type Harness } from './order-sync-harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Only the four demo requests open at the start: no others raised on the way. */
const DEMO_ONLY = { merchantShare: 0, amazonShare: 0, openAgesHours: [2, 20, 40, 47] };

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Order ids getOrder is called for, in call order, while the spy is on. */
function spyGetOrder(h: Harness): string[] {
  const seen: string[] = [];
  const inner = h.transport.current;
  h.transport.current = (request) => {
    const match = /\/orders\/2026-01-01\/orders\/([^/?]+)/.exec(new URL(request.url).pathname);
    if (match) seen.push(decodeURIComponent(match[1]!));
    return inner(request);
  };
  return seen;
}

/** Runs until the backfill's detail fill is done, so a cycle is just the poll and the re-reads. */
async function syncUntilFilled(h: Harness): Promise<void> {
  for (let run = 0; run < 20; run++) {
    if ((await h.run()).detailFill === 'done') return;
    h.clock.advance(11 * MINUTE);
  }
  throw new Error('the detail fill did not finish');
}

async function openRequestIds(h: Harness): Promise<string[]> {
  return (await getAllOrders(h.db)).filter((o) => openBuyerCancelRequest(o)).map((o) => o.orderId);
}

describe('runOrderSync re-reads orders with an open buyer request', () => {
  it('closes a request the buyer withdrew at Amazon (lastUpdatedTime unchanged) on the next cycle', async () => {
    const h = (harness = await createHarness({ buyerCancellationRequests: DEMO_ONLY }));
    // After the fill, a cycle's searchOrders is only the poll by lastUpdatedAfter, which misses it.
    await syncUntilFilled(h);
    const plan = h.sandbox.dataset.plans.find((p) => p.buyerRequestMs === START_MS - 2 * HOUR)!;
    const stored = (await getAllOrders(h.db)).find((o) => o.orderId === plan.orderId)!;
    expect(openBuyerCancelRequest(stored)).toBeDefined();

    h.clock.advance(10 * MINUTE);
    expect(h.sandbox.world.buyerWithdrawsRequest(plan.orderId)).toBe(true);
    h.clock.advance(20 * MINUTE);
    await h.run();

    const after = (await getAllOrders(h.db)).find((o) => o.orderId === plan.orderId)!;
    expect(after.lastUpdated).toBe(stored.lastUpdated);
    expect(after.buyerCancelRequest?.closed?.how).toBe('withdrawn');
    expect(await openRequestIds(h)).not.toContain(plan.orderId);
  });

  it('re-reads at most the run budget, oldest first, so every open request is read within a few cycles', async () => {
    const h = (harness = await createHarness({
      orderCount: 400,
      buyerCancellationRequests: {
        merchantShare: 0,
        amazonShare: 0,
        openAgesHours: Array.from({ length: 30 }, (_, i) => 2 + 4 * i),
      },
    }));
    await syncUntilFilled(h);
    const calls = spyGetOrder(h);
    const open = new Set(await openRequestIds(h));
    expect(open.size).toBeGreaterThan(SYNC_GET_ORDER_BUDGET + 3);

    const readIn: string[][] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      h.clock.advance(5 * MINUTE);
      const before = calls.length;
      await h.run();
      readIn.push(calls.slice(before));
    }
    for (const ids of readIn) expect(ids.length).toBeLessThanOrEqual(SYNC_GET_ORDER_BUDGET);
    expect(readIn[0]!.length).toBe(SYNC_GET_ORDER_BUDGET);
    // The second cycle reads others first: no order is read twice before every one was read once.
    const firstTwo = [...readIn[0]!, ...readIn[1]!];
    expect(new Set(firstTwo).size).toBe(firstTwo.length);
    const stillOpen = new Set(await openRequestIds(h));
    const neverRead = [...open].filter((id) => stillOpen.has(id) && !calls.includes(id));
    // Orders searchOrders returned meanwhile were fresh and needed no getOrder; no other is left out.
    expect(neverRead.length).toBeLessThan(open.size - 2 * SYNC_GET_ORDER_BUDGET + 1);
  });

  it('skips an order Amazon no longer finds with its reason, once, and goes on with the others', async () => {
    const h = (harness = await createHarness({ buyerCancellationRequests: DEMO_ONLY }));
    await syncUntilFilled(h);
    const open = await openRequestIds(h);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const missing = [...open].sort()[0]!;
    const sandbox = h.transport.current;
    h.transport.current = (request) =>
      new URL(request.url).pathname.endsWith(`/orders/${missing}`)
        ? Promise.resolve(
            Response.json({ errors: [{ code: 'NotFound', message: 'Order not found' }] }, { status: 404 }),
          )
        : sandbox(request);
    const calls = spyGetOrder(h);
    for (let cycle = 0; cycle < 2; cycle++) {
      h.clock.advance(30 * MINUTE);
      const result = await h.run();
      expect(result.phase).toBe('incremental');
      // The missing order came first (all equally old, then by id); the others were read after it.
      if (cycle === 0) expect(calls.filter((id) => id !== missing).length).toBeGreaterThan(0);
    }
    const quarantined = (await listQuarantine(h.db)).filter((q) => q.orderId === missing);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]!.reason).toMatch(/no longer finds this order/);
    expect(calls.filter((id) => id === missing)).toHaveLength(2);
  });

  it('a network failure ends the re-reads for the cycle, not the sync', async () => {
    const h = (harness = await createHarness({ buyerCancellationRequests: DEMO_ONLY }));
    await syncUntilFilled(h);
    const calls = spyGetOrder(h);
    const spied = h.transport.current;
    h.transport.current = (request) =>
      /\/orders\/2026-01-01\/orders\/[^/]+$/.test(new URL(request.url).pathname)
        ? (spied(request), Promise.reject(new TypeError('Failed to fetch')))
        : spied(request);
    h.clock.advance(30 * MINUTE);
    const result = await h.run();
    expect(result.phase).toBe('incremental');
    // One order tried (with the client's retries), the others left for the next cycle.
    expect(new Set(calls).size).toBe(1);
  });
});
