import { SANDBOX_MARKETPLACES } from '../../../lib/sandbox/marketplaces';
import { lastUpdatedAt, type OrderPlan } from '../../../lib/sandbox/order-timeline';
import { SpApiSchemaError } from '../../../lib/sp-api/errors';
import type { SpApiClient } from '../../../lib/sp-api/client';
import { getAllOrders, listQuarantine, readOrderCursor } from '../../../lib/store';
import { createHarness, MARKETPLACE_IDS, START_MS, type Harness } from './order-sync-harness';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const SEARCH_PATH = '/orders/2026-01-01/orders';
const marketplaceIdOfPlan = (plan: OrderPlan) => SANDBOX_MARKETPLACES[plan.marketplaceIndex]!.id;

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

/** Breaks the network on the n-th searchOrders request (and after), so a search stops mid-way. */
function failSearchFrom(h: Harness, n: number): () => void {
  const working = h.transport.current;
  let searches = 0;
  h.transport.current = async (request) => {
    if (new URL(request.url).pathname === SEARCH_PATH && ++searches >= n)
      throw new TypeError('Failed to fetch');
    return working(request);
  };
  return () => {
    h.transport.current = working;
  };
}

function recordSearchUrls(h: Harness): URL[] {
  const urls: URL[] = [];
  const working = h.transport.current;
  h.transport.current = async (request) => {
    const url = new URL(request.url);
    if (url.pathname === SEARCH_PATH) urls.push(url);
    return working(request);
  };
  return urls;
}

describe('a stored paginationToken Amazon no longer accepts', () => {
  it('restarts the search from its stored start when the token has expired (24 h)', async () => {
    harness = await createHarness({ orderCount: 4_000 });
    const restore = failSearchFrom(harness, 2);
    await expect(harness.run()).rejects.toThrow();
    restore();
    const stopped = await readOrderCursor(harness.db);
    expect(stopped?.phase).toBe('backfill-open-orders');
    expect(stopped?.paginationToken).toBeTruthy();

    harness.clock.advance(25 * HOUR);
    const urls = recordSearchUrls(harness);
    const result = await harness.run();
    expect(result.phase).toBe('incremental');
    // The refused token was sent once, then the same search again from its start without one.
    expect(urls[0]?.searchParams.get('paginationToken')).toBe(stopped?.paginationToken);
    expect(urls[1]?.searchParams.get('paginationToken')).toBeNull();
    expect(urls[1]?.searchParams.get('createdAfter')).toBe(stopped?.createdAfter);
    expect(stopped?.paginationScope).toMatchObject({ search: 'open-orders', from: stopped?.createdAfter });
    // A second run does not meet the old token again.
    harness.clock.advance(HOUR);
    await expect(harness.run()).resolves.toMatchObject({ phase: 'incremental' });
  });

  it('restarts at most once per run when Amazon refuses every token, so a run always ends', async () => {
    harness = await createHarness({ orderCount: 4_000 });
    const working = harness.transport.current;
    let searches = 0;
    harness.transport.current = async (request) => {
      const url = new URL(request.url);
      if (url.pathname === SEARCH_PATH && url.searchParams.get('paginationToken')) {
        searches += 1;
        const body = { errors: [{ code: 'InvalidInput', message: 'Invalid or expired paginationToken.' }] };
        return new Response(JSON.stringify(body), {
          status: 400,
          headers: { 'content-type': 'application/json' },
        });
      }
      return working(request);
    };
    await expect(harness.run()).rejects.toThrow();
    expect(searches).toBe(2);
  });

  it('drops a token whose marketplaces differ from the settings before sending it', async () => {
    harness = await createHarness({ orderCount: 4_000 });
    const restore = failSearchFrom(harness, 2);
    await expect(harness.run()).rejects.toThrow();
    restore();
    const stopped = await readOrderCursor(harness.db);
    expect(stopped?.paginationToken).toBeTruthy();

    const urls = recordSearchUrls(harness);
    const fewer = MARKETPLACE_IDS.slice(0, 3);
    await harness.run({ settings: { backfillDays: 30, importNonAmazonOrders: true, marketplaceIds: fewer } });
    expect(urls[0]?.searchParams.get('paginationToken')).toBeNull();
    expect(urls[0]?.searchParams.get('marketplaceIds')).toBe(fewer.join(','));
  });
});

describe('incremental polls overlap', () => {
  it('still brings an order Amazon indexed after the previous poll had ended', async () => {
    harness = await createHarness({ orderCount: 600 });
    await harness.run();
    harness.clock.advance(6 * HOUR);
    // The poll's newest order was not yet indexed: Amazon leaves it out and says the poll saw
    // changes up to a minute after its lastUpdatedTime.
    const client = harness.client;
    let hidden: string | undefined;
    const lateIndexing: SpApiClient = {
      ...client,
      calls: client.calls,
      searchOrders: async (params) => {
        const page = await client.searchOrders(params);
        const newest = [...page.orders].sort((a, b) => b.lastUpdatedTime.localeCompare(a.lastUpdatedTime))[0];
        if (!newest || page.nextToken) return page;
        hidden = newest.orderId;
        return {
          ...page,
          orders: page.orders.filter((order) => order !== newest),
          lastUpdatedBefore: new Date(Date.parse(newest.lastUpdatedTime) + 60_000).toISOString(),
        };
      },
    };
    await harness.run({ client: lateIndexing });
    expect(hidden).toBeTruthy();
    expect((await getAllOrders(harness.db)).some((order) => order.orderId === hidden)).toBe(false);

    harness.clock.advance(60_000);
    const next = await harness.run();
    expect((await getAllOrders(harness.db)).some((order) => order.orderId === hidden)).toBe(true);
    // The overlap costs nothing: orders seen again unchanged are not written again.
    expect(next.ordersWritten).toBe(1);
  });
});

describe('a backfill for what the first one did not cover', () => {
  it('backfills a marketplace added after the first backfill while the others keep syncing', async () => {
    harness = await createHarness({ orderCount: 600 });
    const first = MARKETPLACE_IDS.slice(0, 2);
    await harness.run({ settings: { backfillDays: 30, importNonAmazonOrders: true, marketplaceIds: first } });
    const added = new Set(MARKETPLACE_IDS.slice(2));
    expect((await getAllOrders(harness.db)).filter((order) => added.has(order.marketplaceId))).toEqual([]);

    harness.clock.advance(HOUR);
    await harness.run();
    const cursor = (await readOrderCursor(harness.db))!;

    const from = START_MS + HOUR - 30 * DAY;
    const upTo = Date.parse(cursor.lastUpdatedAfter!);
    const expected = harness.sandbox.dataset.plans
      .filter(
        (plan) =>
          added.has(marketplaceIdOfPlan(plan)) && plan.createdMs <= upTo && lastUpdatedAt(plan, upTo) >= from,
      )
      .map((plan) => plan.orderId);
    expect(expected.length).toBeGreaterThan(20);
    const stored = new Set((await getAllOrders(harness.db)).map((order) => order.orderId));
    expect(expected.filter((id) => !stored.has(id))).toEqual([]);
    expect(cursor.catchUp).toBeUndefined();
    expect([...cursor.backfillCovered!.marketplaceIds].sort()).toEqual([...MARKETPLACE_IDS].sort());
  });

  it('backfills NON_AMAZON orders when their import is turned on later', async () => {
    harness = await createHarness({ orderCount: 600 });
    const settings = { backfillDays: 30, importNonAmazonOrders: false, marketplaceIds: MARKETPLACE_IDS };
    await harness.run({ settings });
    expect((await getAllOrders(harness.db)).filter((order) => order.channel === 'NON_AMAZON')).toEqual([]);

    harness.clock.advance(HOUR);
    await harness.run({ settings: { ...settings, importNonAmazonOrders: true } });
    const cursor = (await readOrderCursor(harness.db))!;
    const upTo = Date.parse(cursor.lastUpdatedAfter!);
    const from = START_MS + HOUR - 30 * DAY;
    const expected = harness.sandbox.dataset.plans.filter(
      (plan) => plan.channel === 'NON_AMAZON' && plan.createdMs <= upTo && lastUpdatedAt(plan, upTo) >= from,
    );
    expect(expected.length).toBeGreaterThan(0);
    const stored = new Set((await getAllOrders(harness.db)).map((order) => order.orderId));
    expect(expected.filter((plan) => !stored.has(plan.orderId)).map((plan) => plan.orderId)).toEqual([]);
    expect(cursor.backfillCovered?.nonAmazon).toBe(true);
  });
});

describe('an update Amazon sent that could not be read', () => {
  async function breakOneStoredOrder(h: Harness, getOrderWorks: boolean) {
    await h.run();
    const storedIds = new Set((await getAllOrders(h.db)).map((order) => order.orderId));
    h.clock.advance(12 * HOUR);
    const client = h.client;
    let broken: string | undefined;
    let brokenReads = 0;
    const breaking: SpApiClient = {
      ...client,
      calls: client.calls,
      searchOrders: async (params) => {
        const page = await client.searchOrders(params);
        const victim = broken ? undefined : page.orders.find((order) => storedIds.has(order.orderId));
        if (!victim) return page;
        broken = victim.orderId;
        return {
          ...page,
          orders: page.orders.filter((order) => order !== victim),
          rejected: [
            ...page.rejected,
            { raw: victim, orderId: victim.orderId, reason: 'fulfillmentStatus: unknown value' },
          ],
        };
      },
      getOrder: async (orderId, included) => {
        if (orderId === broken) brokenReads += 1;
        if (!getOrderWorks) throw new SpApiSchemaError('getOrder', ['order.fulfillment: unknown value']);
        return client.getOrder(orderId, included);
      },
    };
    const result = await h.run({ client: breaking });
    return { broken: broken!, result, brokenReads: () => brokenReads };
  }

  it('flags the stored order as possibly out of date and quarantines the update', async () => {
    harness = await createHarness({ orderCount: 600 });
    const { broken } = await breakOneStoredOrder(harness, false);
    const order = (await getAllOrders(harness.db)).find((o) => o.orderId === broken);
    expect(order?.unreadableUpdate).toMatchObject({ reason: expect.stringContaining('unknown value') });
    expect((await listQuarantine(harness.db)).some((record) => record.orderId === broken)).toBe(true);
    // Tried once; a re-read that fails leaves the flag until Amazon's next update.
    expect((await readOrderCursor(harness.db))?.rereadOrderIds).toBeUndefined();
  });

  it('re-reads the order with getOrder, which clears the flag when it parses', async () => {
    harness = await createHarness({ orderCount: 600 });
    const { broken, brokenReads } = await breakOneStoredOrder(harness, true);
    expect(brokenReads()).toBe(1);
    const order = (await getAllOrders(harness.db)).find((o) => o.orderId === broken);
    expect(order).toBeDefined();
    expect(order?.unreadableUpdate).toBeUndefined();
    expect(order?.firstReported.source.kind).not.toBe('get-order');
  });
});
