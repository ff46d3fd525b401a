import { z } from '../zod';
import { openBuyerCancelRequest } from '../domain/buyer-request';
import { errorMessage } from '../error-message';
import { SpApiError, SpApiSchemaError } from '../sp-api/errors';
import type { OrderSyncCursor } from '../store/order-cursor';
import type { OrderDb } from '../store/order-db';
import { OrderMappingError } from './order-from-api';
import { storeOrderPage, type OrderSyncTally, type PreparedOrder } from './order-page';
import type { OrderSyncContext } from './order-sync-context';
import { readOrderFromAmazon } from './refresh-orders';

/**
 * getOrder's usage plan is 0.5 requests/s with a burst of 30 (Orders API 2026-01-01; see
 * sp-api-reference.md §3). A sync runs at most every 5 minutes, and the bucket refills from empty in
 * 60 s, so each run starts with it full. The sync's own getOrder calls of one run (the unreadable
 * re-reads, up to REREADS_PER_RUN = 3, and the open-request re-reads here) stay within half the
 * burst: none waits on the bucket, so they never hold the sync up, and the other half is left for
 * the outbox's cancel confirmations and the seller's "read from Amazon" that may run meanwhile.
 */
export const SYNC_GET_ORDER_BUDGET = 15;

export const OPEN_REQUEST_REREADS_KEY = 'openRequestRereads';

/**
 * When each order with an open request was last read from Amazon (re-read here, or returned by
 * searchOrders), so the oldest goes first and none starves across runs; and the last problem a
 * re-read met, so an answer that stays unreadable is quarantined once, not every run.
 */
const openRequestRereadsSchema = z.object({
  orders: z.record(z.string(), z.object({ at: z.string(), problem: z.string().optional() })),
});
type OpenRequestRereads = z.infer<typeof openRequestRereadsSchema>;

export interface OpenRequestRereadRun {
  /** Orders searchOrders returned in this run: already fresh, not read again. */
  readonly searchedOrderIds: ReadonlySet<string>;
  /** getOrder calls the client had sent when the run began (the budget counts this run's). */
  readonly getOrderCallsBefore: number;
}

/**
 * Reads with getOrder the stored orders whose buyer cancellation request is open (declined ones too:
 * Amazon still has them open), so a request Amazon closed without moving the order's lastUpdatedTime
 * (the buyer withdrew it) is seen closed. Oldest-read first, within what is left of the run's
 * getOrder budget. An answer that is missing (404), refused (400) or unreadable sets that order aside
 * with its reason; a network or quota failure ends the re-reads for this run, not the sync.
 */
export async function rereadOpenRequests(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
  run: OpenRequestRereadRun,
): Promise<OrderSyncCursor> {
  const { openOrderIds, rereads } = await readOpenRequestState(ctx.db);
  if (!openOrderIds.length && !Object.keys(rereads.orders).length) return cursor;
  const now = new Date(ctx.clock.now()).toISOString();
  // Only open requests are remembered; orders searchOrders just returned count as read now.
  const orders: OpenRequestRereads['orders'] = {};
  for (const orderId of openOrderIds) {
    const known = rereads.orders[orderId];
    if (run.searchedOrderIds.has(orderId)) orders[orderId] = { at: now };
    else if (known) orders[orderId] = known;
  }
  const due = openOrderIds
    .filter((orderId) => !run.searchedOrderIds.has(orderId))
    .sort((a, b) => (orders[a]?.at ?? '').localeCompare(orders[b]?.at ?? '') || a.localeCompare(b));

  try {
    for (const [done, orderId] of due.entries()) {
      const used = (ctx.client.calls.byOperation.getOrder ?? 0) - run.getOrderCallsBefore;
      if (used >= SYNC_GET_ORDER_BUDGET) break;
      ctx.signal?.throwIfAborted();
      ctx.onProgress?.({
        phase: 'Checking buyer cancellation requests with Amazon',
        done,
        total: due.length,
      });
      const outcome = await rereadOne(ctx, orderId);
      if (outcome.kind === 'stop') break;
      const at = new Date(ctx.clock.now()).toISOString();
      const before = orders[orderId]?.problem;
      orders[orderId] = outcome.kind === 'problem' ? { at, problem: outcome.reason } : { at };
      const rejected =
        outcome.kind === 'problem' && outcome.reason !== before
          ? [{ orderId, reason: outcome.reason, raw: { orderId, problem: outcome.reason } }]
          : [];
      const unreadable =
        outcome.kind === 'problem' && outcome.unreadable ? [{ orderId, at, reason: outcome.reason }] : [];
      if (outcome.kind === 'read' || rejected.length) {
        await storeOrderPage(ctx, tally, {
          orders: outcome.kind === 'read' ? [outcome.order] : [],
          rejected,
          unreadable,
          source: 'getOrder',
          reference: ctx.syncRunId,
          cursor,
        });
      }
    }
  } finally {
    // Its own small write: if it is lost, those orders are only re-read once more next run.
    await ctx.db.put('syncState', { key: OPEN_REQUEST_REREADS_KEY, value: { orders } });
  }
  return cursor;
}

type RereadOutcome =
  | { readonly kind: 'read'; readonly order: PreparedOrder }
  | { readonly kind: 'problem'; readonly reason: string; readonly unreadable: boolean }
  | { readonly kind: 'stop' };

async function rereadOne(ctx: OrderSyncContext, orderId: string): Promise<RereadOutcome> {
  try {
    return { kind: 'read', order: await readOrderFromAmazon(ctx, orderId) };
  } catch (error) {
    // A stopped run (a settings change) ends here as everywhere, not as a re-read that merely failed.
    ctx.signal?.throwIfAborted();
    if (error instanceof SpApiSchemaError || error instanceof OrderMappingError) {
      return {
        kind: 'problem',
        reason: `getOrder answer could not be read: ${errorMessage(error)}`,
        unreadable: true,
      };
    }
    if (error instanceof SpApiError && error.status === 404) {
      return {
        kind: 'problem',
        reason: 'Amazon no longer finds this order (getOrder: 404)',
        unreadable: false,
      };
    }
    if (error instanceof SpApiError && error.status === 400) {
      return {
        kind: 'problem',
        reason: `Amazon refused to read this order: ${errorMessage(error)}`,
        unreadable: false,
      };
    }
    return { kind: 'stop' };
  }
}

/** The orders whose request is open and the rotation record, in one readonly transaction. */
async function readOpenRequestState(
  db: OrderDb,
): Promise<{ openOrderIds: string[]; rereads: OpenRequestRereads }> {
  const tx = db.transaction(['orders', 'syncState'], 'readonly');
  // The index holds only orders that ever had a request, so this stays small on a large store.
  const [withRequest, record] = await Promise.all([
    tx.objectStore('orders').index('buyerRequest').getAll(),
    tx.objectStore('syncState').get(OPEN_REQUEST_REREADS_KEY),
  ]);
  await tx.done;
  const parsed = openRequestRereadsSchema.safeParse(record?.value);
  return {
    openOrderIds: withRequest.filter((order) => openBuyerCancelRequest(order)).map((order) => order.orderId),
    // A damaged or missing record only resets the rotation: every open request is simply due now.
    rereads: parsed.success ? parsed.data : { orders: {} },
  };
}
