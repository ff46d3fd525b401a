import type { Clock } from '../clock';
import type { ResponseOf } from '../messaging';
import type { SpApiClient } from '../sp-api/client';
import type { OrderDb } from '../store/order-db';
import { refreshOrders } from '../sync/refresh-orders';
import { describeError } from './describe-error';

export type RefreshOrderAnswer = ResponseOf<'refresh-order'>;

export interface RefreshOrderContext {
  readonly client: Pick<SpApiClient, 'getOrder'>;
  readonly db: OrderDb;
  readonly clock: Clock;
}

/**
 * Reads one order with getOrder and stores it at detail level `full`, so a cancel is built from
 * Amazon's real order item ids instead of the report's placeholders. Answers in plain words why not;
 * the message never carries credentials (describeError).
 */
export async function refreshOrderForCancel(
  ctx: RefreshOrderContext,
  orderId: string,
): Promise<RefreshOrderAnswer> {
  const at = new Date(ctx.clock.now()).toISOString();
  try {
    await refreshOrders({ client: ctx.client, db: ctx.db, clock: ctx.clock, syncRunId: `order-read-${at}` }, [
      orderId,
    ]);
  } catch (error) {
    return { ok: false, message: describeError(error).message };
  }
  const stored = await ctx.db.get('orders', orderId);
  if (stored?.detailLevel !== 'full') {
    // An older answer than the stored report is not written (Amazon's data only moves forward).
    return { ok: false, message: 'Amazon’s answer was older than the order report the order manager holds.' };
  }
  return { ok: true };
}
