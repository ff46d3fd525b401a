import { withoutUndefined } from '../store/without-undefined';
import { SpApiError, SpApiSchemaError } from '../sp-api/errors';
import type { OrderSyncCursor } from '../store/order-cursor';
import { OrderMappingError } from './order-from-api';
import { readOrderFromAmazon } from './refresh-orders';
import { storeOrderPage, type OrderSyncTally } from './order-page';
import type { OrderSyncContext } from './order-sync-context';

/** getOrder allows 0.5/s (burst 30); a few re-reads per run keep an idle cycle cheap. */
export const REREADS_PER_RUN = 3;

/**
 * Re-reads with getOrder the stored orders whose newer version searchOrders could not read. A
 * version that parses replaces the flagged one (which clears the flag); one that still does not
 * parse leaves the flag until Amazon's next update. Each order is tried once, written with the
 * cursor that drops it from the queue in one transaction. A network or quota failure stops the
 * re-reads for this run without failing the sync (the queue stays for the next run).
 */
export async function rereadUnreadableOrders(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
): Promise<OrderSyncCursor> {
  for (let done = 0; done < REREADS_PER_RUN; done++) {
    const [orderId, ...rest] = cursor.rereadOrderIds ?? [];
    if (!orderId) return cursor;
    ctx.signal?.throwIfAborted();
    ctx.onProgress?.({ phase: 'Reading again orders Amazon sent unreadable', done });
    const next: OrderSyncCursor = withoutUndefined({
      ...cursor,
      rereadOrderIds: rest.length ? rest : undefined,
      updatedAt: new Date(ctx.clock.now()).toISOString(),
    });
    let orders: Parameters<typeof storeOrderPage>[2]['orders'] = [];
    try {
      orders = [await readOrderFromAmazon(ctx, orderId)];
    } catch (error) {
      const stillUnreadable =
        error instanceof SpApiSchemaError ||
        error instanceof OrderMappingError ||
        (error instanceof SpApiError && (error.status === 404 || error.status === 400));
      // A stopped run (a settings change) ends here as everywhere, not as a re-read that merely failed.
      ctx.signal?.throwIfAborted();
      if (!stillUnreadable) return cursor;
    }
    await storeOrderPage(ctx, tally, {
      orders,
      rejected: [],
      source: 'searchOrders',
      reference: ctx.syncRunId,
      cursor: next,
    });
    cursor = next;
  }
  return cursor;
}
