import type { Clock } from '../clock';
import type { FirstReported, OrderStatus } from '../domain/order';
import type { Settings } from '../settings/settings-schema';
import {
  DEFAULT_INCLUDED_DATA,
  type SearchOrdersPage,
  type SearchOrdersParams,
  type SpApiClient,
} from '../sp-api/client';
import type { OrderDb } from '../store/order-db';
import { readOrderCursor, type OrderSyncCursor } from '../store/order-cursor';
import { backfillFromReport, initialBackfillCursor } from './backfill-report';
import { orderFromApi } from './order-from-api';
import {
  messageOf,
  storeOrderPage,
  withoutUndefined,
  type OrderSyncTally,
  type PreparedOrder,
} from './order-page';

export interface OrderSyncProgress {
  /** Plain words for the popup ("Fetching updated orders"). */
  readonly phase: string;
  readonly done: number;
  readonly total?: number;
}

export interface OrderSyncContext {
  readonly client: SpApiClient;
  readonly db: OrderDb;
  readonly clock: Clock;
  readonly settings: Pick<Settings, 'backfillDays' | 'importNonAmazonOrders'> & { marketplaceIds: string[] };
  readonly syncRunId: string;
  readonly onProgress?: (progress: OrderSyncProgress) => void;
  readonly signal?: AbortSignal;
}

export interface OrderSyncResult {
  /** Orders inserted or updated. */
  readonly ordersWritten: number;
  readonly quarantined: number;
  /** NON_AMAZON orders left out because the seller does not import them. */
  readonly skippedNonAmazon: number;
  /** SP-API calls this run sent (retries included). */
  readonly calls: number;
  /** The cursor phase the run ended in. */
  readonly phase: OrderSyncCursor['phase'];
}

/** The statuses a seller still acts on; the backfill fetches these in full from the Orders API. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
];

export const SEARCH_PAGE_SIZE = 100;

/**
 * One order sync run. Without a cursor it backfills (order report, then the open orders in full
 * from the Orders API) and then polls for changes; with one it resumes exactly where the cursor
 * says. Every page is stored with its cursor in one transaction, so an error or a killed worker
 * loses nothing that was fetched before it, and the next run repeats nothing that was stored.
 */
export async function runOrderSync(ctx: OrderSyncContext): Promise<OrderSyncResult> {
  const callsBefore = ctx.client.calls.total;
  const tally: OrderSyncTally = { ordersWritten: 0, quarantined: 0, skippedNonAmazon: 0 };
  ctx.signal?.throwIfAborted();

  let cursor = (await readOrderCursor(ctx.db)) ?? initialBackfillCursor(ctx);
  if (cursor.phase === 'backfill-report') cursor = await backfillFromReport(ctx, cursor, tally);
  if (cursor.phase === 'backfill-open-orders') cursor = await fetchOpenOrders(ctx, cursor, tally);
  cursor = await fetchUpdatedOrders(ctx, cursor, tally);
  cursor = await fillDetails(ctx, cursor, tally);

  return { ...tally, calls: ctx.client.calls.total - callsBefore, phase: cursor.phase };
}

/** Backfill step 2: the open orders of the window, with the Prime flag and ship-by the report lacks. */
async function fetchOpenOrders(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
): Promise<OrderSyncCursor> {
  if (!cursor.createdAfter) throw new Error('Order sync cursor has no backfill start (createdAfter)');
  const createdAfter = cursor.createdAfter;
  return searchPages(ctx, cursor, tally, {
    label: 'Fetching open orders',
    params: { createdAfter, fulfillmentStatuses: OPEN_ORDER_STATUSES },
    done: (last) => ({
      phase: 'incremental',
      lastUpdatedAfter: cursor.lastUpdatedAfter ?? last.lastUpdatedBefore ?? createdAfter,
      // The report described the window's other orders without their Prime flag and ship-by
      // window; fetch them in full later, a few pages per cycle (see fillDetails).
      detailFill: cursor.createdBefore
        ? {
            lastUpdatedAfter: createdAfter,
            lastUpdatedBefore: cursor.createdBefore,
            lastPageAt: new Date(ctx.clock.now()).toISOString(),
            done: false,
          }
        : undefined,
    }),
  });
}

/** Pages per run and the pause between runs keep the fill inside searchOrders' refill (1 per 180 s). */
export const DETAIL_FILL_PAGES_PER_RUN = 3;
export const DETAIL_FILL_INTERVAL_MS = 10 * 60_000;

/**
 * After the backfill, reads the report's window again through searchOrders (orders last updated
 * between the window's start and the report's end), so orders the report described get their Prime flag and
 * ship-by window. It spends only quota that has refilled since its last page, so a sync never
 * waits on it; once done, an idle cycle is back to one call.
 */
async function fillDetails(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
): Promise<OrderSyncCursor> {
  for (let page = 0; page < DETAIL_FILL_PAGES_PER_RUN; page++) {
    const fill = cursor.detailFill;
    if (!fill || fill.done) return cursor;
    const now = ctx.clock.now();
    if (page === 0 && now - Date.parse(fill.lastPageAt) < DETAIL_FILL_INTERVAL_MS) return cursor;
    ctx.onProgress?.({ phase: 'Filling in order details', done: page });
    ctx.signal?.throwIfAborted();
    const result = await ctx.client.searchOrders({
      lastUpdatedAfter: fill.lastUpdatedAfter,
      lastUpdatedBefore: fill.lastUpdatedBefore,
      marketplaceIds: ctx.settings.marketplaceIds,
      includedData: DEFAULT_INCLUDED_DATA,
      maxResultsPerPage: SEARCH_PAGE_SIZE,
      paginationToken: fill.paginationToken,
    });
    const at = new Date(ctx.clock.now()).toISOString();
    const next: OrderSyncCursor = {
      ...cursor,
      detailFill: withoutUndefined({
        ...fill,
        paginationToken: result.nextToken,
        lastPageAt: at,
        done: !result.nextToken,
      }),
      updatedAt: at,
    };
    await storeSearchPage(ctx, tally, result, next);
    cursor = next;
  }
  return cursor;
}

/** Incremental: everything changed since the cursor; an idle cycle is exactly one call. */
async function fetchUpdatedOrders(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
): Promise<OrderSyncCursor> {
  if (cursor.phase !== 'incremental' || !cursor.lastUpdatedAfter) {
    throw new Error(`Order sync cursor cannot poll for changes from phase ${cursor.phase}`);
  }
  const lastUpdatedAfter = cursor.lastUpdatedAfter;
  return searchPages(ctx, cursor, tally, {
    label: 'Fetching updated orders',
    params: { lastUpdatedAfter },
    // Amazon says up to when the search saw changes; without that, do not move (repeats are harmless).
    done: (last) => ({ phase: 'incremental', lastUpdatedAfter: last.lastUpdatedBefore ?? lastUpdatedAfter }),
  });
}

interface SearchPlan {
  readonly label: string;
  readonly params: SearchOrdersParams;
  /** The cursor once the last page is stored (written with that page). */
  readonly done: (last: {
    lastUpdatedBefore?: string;
  }) => Pick<OrderSyncCursor, 'phase' | 'lastUpdatedAfter' | 'detailFill'>;
}

async function searchPages(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: OrderSyncTally,
  plan: SearchPlan,
): Promise<OrderSyncCursor> {
  let paginationToken = cursor.paginationToken;
  let pages = 0;
  for (;;) {
    ctx.onProgress?.({ phase: plan.label, done: pages });
    ctx.signal?.throwIfAborted();
    const page = await ctx.client.searchOrders({
      ...plan.params,
      marketplaceIds: ctx.settings.marketplaceIds,
      includedData: DEFAULT_INCLUDED_DATA,
      maxResultsPerPage: SEARCH_PAGE_SIZE,
      paginationToken,
    });
    pages += 1;

    const now = new Date(ctx.clock.now()).toISOString();
    const next: OrderSyncCursor = page.nextToken
      ? { ...cursor, paginationToken: page.nextToken, syncRunId: ctx.syncRunId, updatedAt: now }
      : withoutUndefined({
          ...cursor,
          ...plan.done(page),
          paginationToken: undefined,
          syncRunId: ctx.syncRunId,
          updatedAt: now,
        });
    await storeSearchPage(ctx, tally, page, next);
    cursor = next;
    paginationToken = page.nextToken;
    if (!paginationToken) return cursor;
  }
}

/** Maps a searchOrders page and stores it with the cursor that covers it, in one transaction. */
async function storeSearchPage(
  ctx: OrderSyncContext,
  tally: OrderSyncTally,
  page: SearchOrdersPage,
  cursor: OrderSyncCursor,
): Promise<void> {
  const now = new Date(ctx.clock.now()).toISOString();
  const firstReported: FirstReported = { at: now, source: { kind: 'search', syncRunId: ctx.syncRunId } };
  const prepared: PreparedOrder[] = [];
  const rejected = page.rejected.map((reject) => ({
    orderId: reject.orderId,
    reason: reject.reason,
    raw: reject.raw,
  }));
  for (const order of page.orders) {
    try {
      prepared.push({ ...orderFromApi(order, firstReported), raw: order });
    } catch (error) {
      rejected.push({ orderId: order.orderId, reason: messageOf(error), raw: order });
    }
  }
  await storeOrderPage(ctx, tally, {
    orders: prepared,
    rejected,
    source: 'searchOrders',
    reference: ctx.syncRunId,
    cursor,
  });
}
