import { sandboxWithClient } from '../sp-api/sandbox-client';
import type { FirstReported } from '../../../lib/domain/order';
import { enqueueCancel, getAction, runOutbox } from '../../../lib/outbox';
import { SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { getOrderWithItems, openOrderDb, writeOrderBatch } from '../../../lib/store';
import { orderFromApi } from '../../../lib/sync/order-from-api';
import { freshDbName } from '../store/stored-order-fixture';

const NOW = Date.parse('2026-11-26T10:00:00Z');

async function setup() {
  const { clock, sandbox, client } = sandboxWithClient(NOW, {
    seed: 11,
    orderCount: 80,
    feedTiming: { queueMs: 20_000, processingMs: 40_000 },
  });
  const db = await openOrderDb(freshDbName());
  /** Stores what the Orders API says about the order now (what the next sync would do). */
  const syncOrder = async (orderId: string) => {
    const at: FirstReported = {
      at: new Date(clock.now()).toISOString(),
      source: { kind: 'get-order', syncRunId: 'it' },
    };
    const mapped = orderFromApi(await client.getOrder(orderId), at);
    await writeOrderBatch(db, { orders: [mapped] });
    return mapped;
  };
  const page = await client.searchOrders({
    createdAfter: new Date(NOW - 30 * 86_400_000).toISOString(),
    fulfillmentStatuses: ['UNSHIPPED'],
    fulfilledBy: ['MERCHANT'],
  });
  const open = page.orders.filter((order) => order.orderItems.length > 0);
  expect(open.length).toBeGreaterThan(1);
  const outbox = () =>
    runOutbox({
      client,
      db,
      clock,
      sellerId: SANDBOX_CREDENTIALS.sellerId,
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
  return { clock, sandbox, client, db, syncOrder, open, outbox };
}

describe('outbox against the sandbox Feeds API', () => {
  it('a cancel ends Cancelled, and the order shows CANCELLED after the next sync', async () => {
    const world = await setup();
    const orderId = world.open[0]!.orderId;
    await world.syncOrder(orderId);
    const action = await enqueueCancel(world.db, { orderId, reason: 'NoInventory' }, { clock: world.clock });

    const result = await world.outbox();
    expect(result).toMatchObject({ sent: 1, completed: 1, failed: 0, needsReview: 0 });
    expect(await getAction(world.db, action.id)).toMatchObject({ status: 'done' });
    expect(world.sandbox.stats().calls.createFeed).toBe(1);

    world.clock.advance(60_000);
    const synced = await world.syncOrder(orderId);
    expect(synced.order.status).toBe('CANCELLED');
    const stored = await getOrderWithItems(world.db, orderId);
    expect(stored?.order.status).toBe('CANCELLED');
    // The manager cancelled it: not "cancelled outside the order manager".
    expect(stored?.order.cancelledOutsideManager).toBeUndefined();
  });

  it("an error in Amazon's processing report ends 'failed' with Amazon's text", async () => {
    const world = await setup();
    const orderId = world.open[1]!.orderId;
    const { order, items } = await world.syncOrder(orderId);
    // Stale local data: a line Amazon does not know.
    await writeOrderBatch(world.db, {
      orders: [
        {
          order: { ...order, lastUpdated: new Date(Date.parse(order.lastUpdated) + 1000).toISOString() },
          items: [...items, { ...items[0]!, orderItemId: '19999999999999' }],
        },
      ],
    });
    const action = await enqueueCancel(
      world.db,
      { orderId, lines: [{ orderItemId: '19999999999999' }], reason: 'NoInventory' },
      { clock: world.clock },
    );
    const result = await world.outbox();
    expect(result.failed).toBe(1);
    const failed = await getAction(world.db, action.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.resultText).toContain(
      `AmazonOrderItemCode 19999999999999 is not an item of order ${orderId}`,
    );
  });

  it('zeroes the stock of a merchant SKU after the cancel', async () => {
    const world = await setup();
    const orderId = world.open[0]!.orderId;
    const { items } = await world.syncOrder(orderId);
    const sku = items.find((item) => item.sku)?.sku;
    expect(sku).toBeDefined();
    const action = await enqueueCancel(
      world.db,
      { orderId, reason: 'NoInventory', zeroStockSkus: [sku!] },
      { clock: world.clock },
    );
    await world.outbox();
    const done = await getAction(world.db, action.id);
    expect(done?.status).toBe('done');
    expect(done?.zeroStock?.[0]).toMatchObject({ sku, status: 'accepted' });
    expect(world.sandbox.stats().calls.patchListingsItem).toBe(1);
  });
});
