import type { Clock } from '../clock';
import type { FirstReported, StoredOrder, StoredOrderItem } from '../domain/order';
import type { SpApiClient } from '../sp-api/client';
import type { V2026Order } from '../sp-api/schemas/orders';
import { DEFAULT_INCLUDED_DATA } from '../sp-api/client';
import type { OrderDb } from '../store/order-db';
import { writeOrderBatch } from '../store/order-batch';
import { orderFromApi } from './order-from-api';

export interface OrderReadContext {
  readonly client: Pick<SpApiClient, 'getOrder'>;
  readonly clock: Pick<Clock, 'now'>;
  /** Names the read in the order's "first seen" record. */
  readonly syncRunId: string;
}

/** One order as getOrder gives it now, mapped for the store (and the raw answer, for quarantine). */
export async function readOrderFromAmazon(
  ctx: OrderReadContext,
  orderId: string,
): Promise<{ order: StoredOrder; items: StoredOrderItem[]; raw: V2026Order }> {
  const raw = await ctx.client.getOrder(orderId, DEFAULT_INCLUDED_DATA);
  const firstReported: FirstReported = {
    at: new Date(ctx.clock.now()).toISOString(),
    source: { kind: 'get-order', syncRunId: ctx.syncRunId },
  };
  return { ...orderFromApi(raw, firstReported), raw };
}

/** Reads one order with getOrder and stores it; returns what Amazon showed. */
export async function refreshOrder(
  ctx: OrderReadContext & { readonly db: OrderDb },
  orderId: string,
): Promise<{ order: StoredOrder; items: StoredOrderItem[]; written: number }> {
  const { order, items } = await readOrderFromAmazon(ctx, orderId);
  const result = await writeOrderBatch(ctx.db, { orders: [{ order, items }] });
  return { order, items, written: result.inserted + result.updated };
}

/**
 * Re-reads a few orders with getOrder right after the seller acted on them. searchOrders only
 * shows changes older than two minutes, so without this a cancelled order would look unshipped
 * until a later sync; getOrder has no such delay and a generous rate (0.5/s, burst 30).
 */
export async function refreshOrders(
  ctx: OrderReadContext & { readonly db: OrderDb },
  orderIds: readonly string[],
): Promise<number> {
  let written = 0;
  for (const orderId of new Set(orderIds)) written += (await refreshOrder(ctx, orderId)).written;
  return written;
}
