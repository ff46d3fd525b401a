import { ManualClock } from '../../../lib/clock';
import type { StoredOrder, StoredOrderItem } from '../../../lib/domain/order';
import { runOutbox, type OutboxContext } from '../../../lib/outbox';
import { listActiveSubmissions } from '../../../lib/store/outbox-store';
import { openOrderDb, writeOrderBatch, type OrderDb } from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from '../store/stored-order-fixture';
import { fakeFeedsAmazon, type FakeFeedsOptions } from './fake-feeds-amazon';

export const START = Date.parse('2026-11-20T10:00:00Z');
export const ORDER_A = '111-0000001-0000001';
export const ORDER_B = '111-0000002-0000002';
export const ORDER_FBA = '111-0000003-0000003';
export const ITEM_A1 = '10000000000011';
export const ITEM_A2 = '10000000000012';
export const ITEM_B1 = '10000000000021';
export const ITEM_FBA = '10000000000031';

export async function outboxWorld(options: FakeFeedsOptions = {}) {
  const clock = new ManualClock(START);
  const db = await openOrderDb(freshDbName());
  const orders: { order: StoredOrder; items: StoredOrderItem[] }[] = [
    {
      order: storedOrder({ orderId: ORDER_A, itemCount: 2 }),
      items: [
        storedItem(ORDER_A, ITEM_A1, { sku: 'SKU-A1', quantityOrdered: 2 }),
        storedItem(ORDER_A, ITEM_A2, { sku: 'BAD-A2' }),
      ],
    },
    { order: storedOrder({ orderId: ORDER_B }), items: [storedItem(ORDER_B, ITEM_B1, { sku: 'SKU-B1' })] },
    {
      order: storedOrder({ orderId: ORDER_FBA, fulfilledBy: 'AMAZON' }),
      items: [storedItem(ORDER_FBA, ITEM_FBA, { sku: 'SKU-F' })],
    },
  ];
  const amazon = fakeFeedsAmazon(clock, {
    orders: Object.fromEntries(
      orders.map(({ order, items }) => [
        order.orderId,
        items.map((item) => ({
          orderItemId: item.orderItemId,
          quantity: item.quantityOrdered,
          ...(item.sku ? { sku: item.sku } : {}),
        })),
      ]),
    ),
    ...options,
  });
  await writeOrderBatch(db, { orders });
  let ids = 0;
  const context = (extra: Partial<OutboxContext> = {}): OutboxContext => ({
    // A new client per run, as after a restarted service worker.
    client: amazon.client(),
    db,
    clock,
    sellerId: 'A1SELLER',
    marketplaceIds: ['ATVPDKIKX0DER'],
    newId: () => `sub-${++ids}`,
    ...extra,
  });
  /** Runs the outbox (fresh each time) until nothing is in flight, moving the clock between runs. */
  const settle = async (extra: Partial<OutboxContext> = {}, maxRuns = 8) => {
    for (let run = 0; run < maxRuns; run++) {
      await runOutbox(context(extra));
      if ((await listActiveSubmissions(extra.db ?? db)).length === 0) return run + 1;
      clock.advance(3 * 60_000);
    }
    return maxRuns;
  };
  /**
   * A run whose createFeed reaches Amazon (the feed is made) while the worker dies before the
   * answer: the run rejects and the submission is left in `creating`.
   */
  const killWhileCreateFeedAnswers = async () => {
    const controller = new AbortController();
    amazon.hooks.createFeed = () => {
      controller.abort();
      return 'create-then-fail';
    };
    const run = runOutbox(context({ signal: controller.signal }));
    await run.finally(() => (amazon.hooks.createFeed = undefined)).catch(() => undefined);
    return run;
  };
  return {
    clock,
    db,
    amazon,
    context,
    settle,
    killWhileCreateFeedAnswers,
    enqueueOptions: { clock, newId: () => `act-${++ids}` },
  };
}

export type OutboxWorld = Awaited<ReturnType<typeof outboxWorld>>;
export type { OrderDb };
