import { ManualClock } from '../../../lib/clock';
import { createSandbox } from '../../../lib/sandbox';
import { plannedItems } from '../../../lib/sandbox/order-items';
import { lastUpdatedAt, statusAt } from '../../../lib/sandbox/order-timeline';
import { ANCHOR, isoAt, makeSandbox, searchAll } from './sandbox-test-client';

const DAY = 86_400_000;

describe('seeded data set', () => {
  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await makeSandbox({ enforceRateLimits: false, seed: 7 });
    const b = await makeSandbox({ enforceRateLimits: false, seed: 7 });
    const c = await makeSandbox({ enforceRateLimits: false, seed: 8 });
    const q = `createdAfter=${isoAt(ANCHOR - 50 * DAY)}&includedData=BUYER,PROCEEDS,FULFILLMENT,CANCELLATION`;
    const [oa, ob, oc] = await Promise.all([searchAll(a, q), searchAll(b, q), searchAll(c, q)]);
    expect(JSON.stringify(oa)).toBe(JSON.stringify(ob));
    expect(oa.map((o) => o.orderId)).not.toEqual(oc.map((o) => o.orderId));
  });

  it('covers every status, sub-type, channel, custom items and buyer cancellation requests with valid ids', () => {
    const sandbox = createSandbox({ clock: new ManualClock(ANCHOR), orderCount: 5000 });
    const { plans, catalog, seed } = sandbox.dataset;
    const visible = plans.filter((p) => p.createdMs <= ANCHOR);
    expect(visible).toHaveLength(5000);
    const statuses = new Set(visible.map((p) => statusAt(p, ANCHOR)));
    expect([...statuses].sort()).toEqual([
      'CANCELLED',
      'PARTIALLY_SHIPPED',
      'PENDING',
      'PENDING_AVAILABILITY',
      'SHIPPED',
      'UNFULFILLABLE',
      'UNSHIPPED',
    ]);
    const old = visible.filter((p) => p.createdMs < ANCHOR - 20 * DAY);
    const shippedShare = old.filter((p) => statusAt(p, ANCHOR) === 'SHIPPED').length / old.length;
    expect(shippedShare).toBeGreaterThan(0.8);
    const recent = visible.filter((p) => p.createdMs > ANCHOR - 6 * 3600_000);
    expect(
      recent.filter((p) => ['PENDING', 'UNSHIPPED'].includes(statusAt(p, ANCHOR))).length / recent.length,
    ).toBeGreaterThan(0.5);
    const combos = new Set(visible.map((p) => `${p.prime}/${p.business}`));
    expect(combos.size).toBe(4);
    expect(new Set(visible.map((p) => p.serviceLevel))).toEqual(
      new Set(['STANDARD', 'EXPEDITED', 'SECOND_DAY', 'NEXT_DAY', 'SAME_DAY', 'FREE_ECONOMY']),
    );
    expect(visible.some((p) => p.channel === 'NON_AMAZON')).toBe(true);
    expect(new Set(visible.map((p) => p.fulfilledBy)).size).toBe(2);
    expect(new Set(visible.map((p) => p.itemCount))).toEqual(new Set([1, 2, 3, 4]));
    const requests = visible.filter((p) => p.buyerRequestMs <= ANCHOR);
    expect(requests.length).toBeGreaterThan(50);
    for (const p of requests) expect(p.buyerRequestMs).toBeGreaterThan(p.createdMs + 30 * 60_000);
    const ids = visible.map((p) => p.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    const items = visible.slice(0, 2000).flatMap((p) => plannedItems(seed, p, catalog));
    expect(items.some((i) => i.customizedUrl.startsWith('https://'))).toBe(true);
    for (const i of items) expect(i.product.asin).toMatch(/^B0[A-Z0-9]{8}$/);
  });

  it('evolves with the clock: new orders arrive, statuses move on, lastUpdatedAfter polling sees the changes', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const q = (after: number) => `lastUpdatedAfter=${isoAt(after)}&includedData=FULFILLMENT,CANCELLATION`;
    const before = await searchAll(t, `createdAfter=${isoAt(ANCHOR - 50 * DAY)}&includedData=FULFILLMENT`);
    const byId = new Map(before.map((o) => [o.orderId, o]));
    const pollFrom = ANCHOR - 2 * 60_000;
    t.clock.advance(2 * DAY);
    await t.refreshToken();
    const changed = await searchAll(t, q(pollFrom));
    expect(changed.length).toBeGreaterThan(0);
    const fresh = changed.filter((o) => !byId.has(o.orderId));
    expect(fresh.length).toBeGreaterThan(5);
    for (const o of fresh) expect(Date.parse(o.createdTime)).toBeGreaterThan(ANCHOR);
    const moved = changed.filter((o) => byId.has(o.orderId));
    expect(
      moved.some(
        (o) => o.fulfillment!.fulfillmentStatus !== byId.get(o.orderId)!.fulfillment!.fulfillmentStatus,
      ),
    ).toBe(true);
    for (const o of changed) expect(Date.parse(o.lastUpdatedTime)).toBeGreaterThanOrEqual(pollFrom);
    // Orders not returned did not change since pollFrom.
    const plans = t.sandbox.dataset.plans.filter((p) => p.createdMs <= t.clock.now() - 120_000);
    const changedIds = new Set(changed.map((o) => o.orderId));
    for (const p of plans) {
      const updated = lastUpdatedAt(p, t.clock.now());
      if (!changedIds.has(p.orderId))
        expect(updated < pollFrom || updated > t.clock.now() - 120_000).toBe(true);
    }
  });

  it('builds 100,000 orders and answers a search over them', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, orderCount: 100_000 });
    expect(t.sandbox.dataset.plans.length).toBeGreaterThan(100_000);
    const page = await t.json<{ orders: unknown[]; pagination?: unknown }>(
      `/orders/2026-01-01/orders?lastUpdatedAfter=${isoAt(ANCHOR - 3 * DAY)}&includedData=BUYER,PROCEEDS,FULFILLMENT`,
    );
    expect(page.orders).toHaveLength(100);
    expect(page.pagination).toBeDefined();
  });
});
