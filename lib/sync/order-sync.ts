import { withoutUndefined } from '../store/without-undefined';
import { errorMessage } from '../error-message';
import type { FirstReported, OrderStatus } from '../domain/order';
import { DEFAULT_INCLUDED_DATA, type SearchOrdersPage, type SearchOrdersParams } from '../sp-api/client';
import { SpApiError } from '../sp-api/errors';
import {
  consumeFullResyncMarker,
  readOrderCursor,
  type BackfillCoverage,
  type OrderSyncCursor,
  type PaginationScope,
} from '../store/order-cursor';
import { backfillFromReport, initialBackfillCursor } from './backfill-report';
import { orderFromApi } from './order-from-api';
import { rereadUnreadableOrders } from './reread-orders';
import { rereadOpenRequests } from './reread-open-requests';
import { storeOrderPage, type OrderSyncTally, type PreparedOrder } from './order-page';
import type { OrderSyncContext } from './order-sync-context';

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
  /** Whether report-level orders may still get their details from the fill (see fillDetails). */
  readonly detailFill: 'running' | 'done';
}

/** The statuses a seller still acts on; the backfill fetches these in full from the Orders API. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
];

export const SEARCH_PAGE_SIZE = 100;

/** The run's counts, and which orders searchOrders returned in it (fresh, so not re-read). */
interface SearchTally extends OrderSyncTally {
  readonly searchedOrderIds: Set<string>;
}

/** Incremental polls reach back this far before the last one's end: Amazon indexes some updates late. */
export const POLL_OVERLAP_MS = 5 * 60_000;
/** A catch-up backfill (new marketplace, NON_AMAZON turned on) takes at most this many pages per run. */
export const CATCH_UP_PAGES_PER_RUN = 10;

const iso = (ms: number) => new Date(ms).toISOString();
const DAY_MS = 24 * 60 * 60_000;

/**
 * One order sync run. Without a cursor it backfills (order report, then the open orders in full
 * from the Orders API) and then polls for changes; with one it resumes exactly where the cursor
 * says. Every page is stored with its cursor in one transaction, so an error or a killed worker
 * loses nothing that was fetched before it, and the next run repeats nothing that was stored.
 */
export async function runOrderSync(ctx: OrderSyncContext): Promise<OrderSyncResult> {
  // The client's quota and retry waits end with the run: a settings change must not wait out a backoff.
  if (ctx.signal) ctx = { ...ctx, client: ctx.client.withSignal(ctx.signal) };
  const callsBefore = ctx.client.calls.total;
  const getOrderCallsBefore = ctx.client.calls.byOperation.getOrder ?? 0;
  const tally: SearchTally = {
    ordersWritten: 0,
    quarantined: 0,
    skippedNonAmazon: 0,
    searchedOrderIds: new Set(),
  };
  ctx.signal?.throwIfAborted();

  // A requested full re-sync drops the cursor (even a damaged one) before it is read.
  await consumeFullResyncMarker(ctx.db);
  let cursor = (await readOrderCursor(ctx.db)) ?? initialBackfillCursor(ctx);
  cursor = withCurrentCoverage(ctx, cursor);
  if (cursor.phase === 'backfill-report') cursor = await backfillFromReport(ctx, cursor, tally);
  if (cursor.phase === 'backfill-open-orders') cursor = await fetchOpenOrders(ctx, cursor, tally);
  cursor = await fetchUpdatedOrders(ctx, cursor, tally);
  cursor = await catchUpBackfill(ctx, cursor, tally);
  cursor = await fillDetails(ctx, cursor, tally);
  cursor = await rereadUnreadableOrders(ctx, cursor, tally);
  // Last, so nothing else of the sync waits on it; a request Amazon closed without an update shows up here.
  if (cursor.phase === 'incremental') {
    const { searchedOrderIds } = tally;
    cursor = await rereadOpenRequests(ctx, cursor, tally, { searchedOrderIds, getOrderCallsBefore });
  }

  const { searchedOrderIds: _searched, ...counts } = tally;
  return {
    ...counts,
    calls: ctx.client.calls.total - callsBefore,
    phase: cursor.phase,
    detailFill: detailFillState(cursor),
  };
}

/** A backfill still under way will plan a fill; an incremental cursor without one has nothing to fill. */
function detailFillState(cursor: OrderSyncCursor): 'running' | 'done' {
  if (cursor.phase !== 'incremental') return 'running';
  return cursor.detailFill && !cursor.detailFill.done ? 'running' : 'done';
}

/**
 * What the backfills cover, as far as it is still true: a marketplace taken out of the settings,
 * or NON_AMAZON import turned off, is no longer followed, so adding it back needs a new backfill.
 */
function withCurrentCoverage(ctx: OrderSyncContext, cursor: OrderSyncCursor): OrderSyncCursor {
  const wanted = ctx.settings.marketplaceIds;
  // Cursors from before coverage was recorded: assume their backfill covered today's settings.
  const covered: BackfillCoverage = cursor.backfillCovered ?? {
    marketplaceIds: [...wanted],
    nonAmazon: ctx.settings.importNonAmazonOrders,
  };
  if (cursor.phase === 'backfill-report' && !cursor.pendingReportId) return cursor;
  return {
    ...cursor,
    backfillCovered: {
      marketplaceIds: covered.marketplaceIds.filter((id) => wanted.includes(id)),
      nonAmazon: covered.nonAmazon && ctx.settings.importNonAmazonOrders,
    },
  };
}

/** Backfill step 2: the open orders of the window, with the Prime flag and ship-by the report lacks. */
async function fetchOpenOrders(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: SearchTally,
): Promise<OrderSyncCursor> {
  if (!cursor.createdAfter) throw new Error('Order sync cursor has no backfill start (createdAfter)');
  const createdAfter = cursor.createdAfter;
  return searchPages(ctx, cursor, tally, {
    label: 'Fetching open orders',
    scope: { search: 'open-orders', from: createdAfter, marketplaceIds: ctx.settings.marketplaceIds },
    params: { createdAfter, fulfillmentStatuses: OPEN_ORDER_STATUSES },
    ...topLevelToken,
    done: (current, last) =>
      withoutUndefined({
        ...current,
        phase: 'incremental',
        lastUpdatedAfter: current.lastUpdatedAfter ?? last.lastUpdatedBefore ?? createdAfter,
        // The report described the window's other orders without their Prime flag and ship-by
        // window; fetch them in full later, a few pages per cycle (see fillDetails).
        detailFill: current.createdBefore
          ? {
              lastUpdatedAfter: createdAfter,
              lastUpdatedBefore: current.createdBefore,
              lastPageAt: iso(ctx.clock.now()),
              done: false,
            }
          : undefined,
        paginationToken: undefined,
        paginationScope: undefined,
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
  tally: SearchTally,
): Promise<OrderSyncCursor> {
  const fill = cursor.detailFill;
  if (!fill || fill.done) return cursor;
  if (ctx.clock.now() - Date.parse(fill.lastPageAt) < DETAIL_FILL_INTERVAL_MS) return cursor;
  return searchPages(ctx, cursor, tally, {
    label: 'Filling in order details',
    scope: {
      search: 'detail-fill',
      from: fill.lastUpdatedAfter,
      marketplaceIds: ctx.settings.marketplaceIds,
    },
    params: { lastUpdatedAfter: fill.lastUpdatedAfter, lastUpdatedBefore: fill.lastUpdatedBefore },
    maxPages: DETAIL_FILL_PAGES_PER_RUN,
    tokenOf: (current) => current.detailFill ?? {},
    withToken: (current, token, scope) => ({
      ...current,
      detailFill: {
        ...current.detailFill!,
        paginationToken: token,
        paginationScope: scope,
        lastPageAt: iso(ctx.clock.now()),
      },
    }),
    done: (current) =>
      withoutUndefined({
        ...current,
        detailFill: withoutUndefined({
          ...current.detailFill!,
          paginationToken: undefined,
          paginationScope: undefined,
          lastPageAt: iso(ctx.clock.now()),
          done: true,
        }),
      }),
  });
}

/** Incremental: everything changed since the cursor; an idle cycle is exactly one call. */
async function fetchUpdatedOrders(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: SearchTally,
): Promise<OrderSyncCursor> {
  if (cursor.phase !== 'incremental' || !cursor.lastUpdatedAfter) {
    throw new Error(`Order sync cursor cannot poll for changes from phase ${cursor.phase}`);
  }
  const coveredUntil = cursor.lastUpdatedAfter;
  // Reach back a few minutes: an order Amazon indexed late has a lastUpdatedTime before the last
  // poll's end. Orders seen twice with the same lastUpdated write nothing (see mergeOrder).
  const from = iso(Date.parse(coveredUntil) - POLL_OVERLAP_MS);
  return searchPages(ctx, cursor, tally, {
    label: 'Fetching updated orders',
    scope: { search: 'updated', from, marketplaceIds: ctx.settings.marketplaceIds },
    params: { lastUpdatedAfter: from },
    ...topLevelToken,
    // Amazon says up to when the search saw changes; without that, do not move (repeats are harmless).
    done: (current, last) =>
      withoutUndefined({
        ...current,
        phase: 'incremental',
        lastUpdatedAfter: laterOf(coveredUntil, last.lastUpdatedBefore),
        paginationToken: undefined,
        paginationScope: undefined,
      }),
  });
}

/**
 * A backfill for what the first one did not cover: a marketplace added to the settings later, or
 * NON_AMAZON import turned on later. It reads the backfill window (orders last updated in the last
 * backfillDays) for just that, a few pages per run, after the regular poll, so the other
 * marketplaces keep syncing; its progress is in the cursor like any search.
 */
async function catchUpBackfill(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: SearchTally,
): Promise<OrderSyncCursor> {
  if (cursor.phase !== 'incremental') return cursor;
  const wanted = ctx.settings.marketplaceIds;
  const covered = cursor.backfillCovered ?? { marketplaceIds: [...wanted], nonAmazon: true };
  let plan = cursor.catchUp;
  if (plan) {
    // Settings changed during the catch-up: drop what is no longer wanted (its token then restarts).
    const marketplaceIds = plan.marketplaceIds.filter((id) => wanted.includes(id));
    const nonAmazon = plan.nonAmazon && ctx.settings.importNonAmazonOrders;
    plan = marketplaceIds.length ? { ...plan, marketplaceIds, nonAmazon } : undefined;
  }
  if (!plan) {
    const missing = wanted.filter((id) => !covered.marketplaceIds.includes(id));
    const nonAmazon = ctx.settings.importNonAmazonOrders && !covered.nonAmazon;
    if (!missing.length && !nonAmazon) return withoutUndefined({ ...cursor, catchUp: undefined });
    plan = {
      // NON_AMAZON orders cannot be asked for alone: read every marketplace's window again.
      marketplaceIds: nonAmazon ? [...wanted] : missing,
      nonAmazon,
      lastUpdatedAfter: iso(ctx.clock.now() - ctx.settings.backfillDays * DAY_MS),
    };
  }
  const active = plan;
  return searchPages(ctx, { ...cursor, catchUp: active }, tally, {
    label: 'Downloading orders of newly added marketplaces',
    scope: { search: 'catch-up', from: active.lastUpdatedAfter, marketplaceIds: active.marketplaceIds },
    params: { lastUpdatedAfter: active.lastUpdatedAfter },
    marketplaceIds: active.marketplaceIds,
    maxPages: CATCH_UP_PAGES_PER_RUN,
    tokenOf: (current) => current.catchUp ?? {},
    withToken: (current, token, scope) => ({
      ...current,
      catchUp: { ...current.catchUp!, paginationToken: token, paginationScope: scope },
    }),
    done: (current) => {
      const before = current.backfillCovered ?? covered;
      return withoutUndefined({
        ...current,
        catchUp: undefined,
        backfillCovered: {
          marketplaceIds: [...new Set([...before.marketplaceIds, ...active.marketplaceIds])],
          nonAmazon: before.nonAmazon || active.nonAmazon,
        },
      });
    },
  });
}

interface SearchPlan {
  readonly label: string;
  /** What the search's paginationToken belongs to; a stored token of another scope is not sent. */
  readonly scope: PaginationScope;
  /** Everything but the token and marketplaces; the same for every page of the search. */
  readonly params: SearchOrdersParams;
  /** Default: the marketplaces in the settings. */
  readonly marketplaceIds?: readonly string[];
  /** Stop after this many pages (the token stays in the cursor for the next run). */
  readonly maxPages?: number;
  readonly tokenOf: (cursor: OrderSyncCursor) => {
    paginationToken?: string;
    paginationScope?: PaginationScope;
  };
  readonly withToken: (cursor: OrderSyncCursor, token: string, scope: PaginationScope) => OrderSyncCursor;
  /** The cursor once the last page is stored (written with that page). */
  readonly done: (cursor: OrderSyncCursor, last: { lastUpdatedBefore?: string }) => OrderSyncCursor;
}

/** The token of the backfill's open-orders search and of the poll, at the cursor's top level. */
const topLevelToken: Pick<SearchPlan, 'tokenOf' | 'withToken'> = {
  tokenOf: (cursor) => cursor,
  withToken: (cursor, token, scope) => ({ ...cursor, paginationToken: token, paginationScope: scope }),
};

/** Amazon refuses a token that expired (24 h) or no longer fits the request: 400 InvalidInput. */
function isRefusedToken(error: unknown): boolean {
  return error instanceof SpApiError && error.status === 400;
}

function sameScope(a: PaginationScope, b: PaginationScope): boolean {
  const ids = (scope: PaginationScope) => [...scope.marketplaceIds].sort().join(',');
  return a.search === b.search && Date.parse(a.from) === Date.parse(b.from) && ids(a) === ids(b);
}

/**
 * Pages through one search, each page stored with the cursor that covers it. A stored token is
 * resumed only within its own scope; a token Amazon refuses restarts the search from its start
 * (orders seen twice merge by lastUpdated), so no token can fail every sync from then on.
 */
async function searchPages(
  ctx: OrderSyncContext,
  cursor: OrderSyncCursor,
  tally: SearchTally,
  plan: SearchPlan,
): Promise<OrderSyncCursor> {
  const stored = plan.tokenOf(cursor);
  // Cursors from before scopes were recorded carry a bare token: try it, a refusal restarts.
  let paginationToken =
    stored.paginationToken && (!stored.paginationScope || sameScope(stored.paginationScope, plan.scope))
      ? stored.paginationToken
      : undefined;
  let pages = 0;
  // One restart per run: an Amazon that refuses every token must end the run, not loop it.
  let restarted = false;
  while (plan.maxPages === undefined || pages < plan.maxPages) {
    ctx.onProgress?.({ phase: plan.label, done: pages });
    ctx.signal?.throwIfAborted();
    let page: SearchOrdersPage;
    try {
      page = await ctx.client.searchOrders({
        ...plan.params,
        marketplaceIds: plan.marketplaceIds ?? ctx.settings.marketplaceIds,
        includedData: DEFAULT_INCLUDED_DATA,
        maxResultsPerPage: SEARCH_PAGE_SIZE,
        paginationToken,
      });
    } catch (error) {
      if (!paginationToken || !isRefusedToken(error) || restarted) throw error;
      restarted = true;
      paginationToken = undefined;
      continue;
    }
    pages += 1;

    const at = iso(ctx.clock.now());
    const base = { ...cursor, syncRunId: ctx.syncRunId, updatedAt: at };
    const next: OrderSyncCursor = page.nextToken
      ? plan.withToken(base, page.nextToken, plan.scope)
      : plan.done(base, page);
    cursor = await storeSearchPage(ctx, tally, page, next);
    paginationToken = page.nextToken;
    if (!paginationToken) return cursor;
  }
  return cursor;
}

function laterOf(a: string, b: string | undefined): string {
  return b !== undefined && Date.parse(b) > Date.parse(a) ? b : a;
}

/** At most this many orders wait for a re-read; more than that are left to Amazon's next update. */
const MAX_REREAD_QUEUE = 50;

/**
 * Maps a searchOrders page and stores it with the cursor that covers it, in one transaction. An
 * order that could not be read is quarantined; when an older version of it is stored, that one is
 * flagged as possibly out of date and queued for a re-read. Returns the cursor as written.
 */
async function storeSearchPage(
  ctx: OrderSyncContext,
  tally: SearchTally,
  page: SearchOrdersPage,
  cursor: OrderSyncCursor,
): Promise<OrderSyncCursor> {
  const now = iso(ctx.clock.now());
  const firstReported: FirstReported = { at: now, source: { kind: 'search', syncRunId: ctx.syncRunId } };
  const prepared: PreparedOrder[] = [];
  const rejected = page.rejected.map((reject) => ({
    orderId: reject.orderId,
    reason: reject.reason,
    raw: reject.raw,
  }));
  for (const order of page.orders) {
    tally.searchedOrderIds.add(order.orderId);
    try {
      prepared.push({ ...orderFromApi(order, firstReported), raw: order });
    } catch (error) {
      rejected.push({ orderId: order.orderId, reason: errorMessage(error), raw: order });
    }
  }
  const unreadable = rejected.flatMap((reject) =>
    reject.orderId ? [{ orderId: reject.orderId, at: now, reason: reject.reason }] : [],
  );
  let written = cursor;
  if (unreadable.length) {
    // Only one sync runs at a time, so what is stored now is what the page's transaction sees.
    const storedKeys = await Promise.all(unreadable.map(({ orderId }) => ctx.db.getKey('orders', orderId)));
    const queue = new Set(cursor.rereadOrderIds ?? []);
    for (const key of storedKeys) if (key !== undefined && queue.size < MAX_REREAD_QUEUE) queue.add(key);
    if (queue.size) written = { ...cursor, rereadOrderIds: [...queue] };
  }
  await storeOrderPage(ctx, tally, {
    orders: prepared,
    rejected,
    unreadable,
    source: 'searchOrders',
    reference: ctx.syncRunId,
    cursor: written,
  });
  return written;
}
