import type { Clock } from '../clock';
import type { FirstReported } from '../domain/order';
import type { SpApiClient } from '../sp-api/client';
import { DEFAULT_INCLUDED_DATA } from '../sp-api/client';
import type { OrderDb } from '../store/order-db';
import { writeOrderBatch } from '../store/order-batch';
import { orderFromApi } from './order-from-api';

/**
 * Re-reads a few orders with getOrder right after the seller acted on them. searchOrders only
 * shows changes older than two minutes, so without this a cancelled order would look unshipped
 * until a later sync; getOrder has no such delay and a generous rate (0.5/s, burst 30).
 */
export async function refreshOrders(
  ctx: { client: Pick<SpApiClient, 'getOrder'>; db: OrderDb; clock: Clock; syncRunId: string },
  orderIds: readonly string[],
): Promise<number> {
  let written = 0;
  for (const orderId of new Set(orderIds)) {
    const order = await ctx.client.getOrder(orderId, DEFAULT_INCLUDED_DATA);
    const firstReported: FirstReported = {
      at: new Date(ctx.clock.now()).toISOString(),
      source: { kind: 'get-order', syncRunId: ctx.syncRunId },
    };
    const result = await writeOrderBatch(ctx.db, { orders: [orderFromApi(order, firstReported)] });
    written += result.inserted + result.updated;
  }
  return written;
}
