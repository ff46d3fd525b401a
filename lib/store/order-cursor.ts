import { z } from '../zod';
import type { OrderDb } from './order-db';

export const ORDER_CURSOR_KEY = 'orderCursor';

/**
 * What a stored paginationToken belongs to. Amazon refuses a token sent with other parameters, so
 * a token is only sent again for the same search, start time and marketplaces.
 */
export const paginationScopeSchema = z.object({
  search: z.enum(['open-orders', 'updated', 'detail-fill', 'catch-up']),
  /** The search's start (createdAfter or lastUpdatedAfter) as sent with the first page. */
  from: z.string(),
  marketplaceIds: z.array(z.string()),
});
export type PaginationScope = z.infer<typeof paginationScopeSchema>;

/** What a backfill brought in: later marketplaces or NON_AMAZON import need one of their own. */
export const backfillCoverageSchema = z.object({
  marketplaceIds: z.array(z.string()),
  nonAmazon: z.boolean(),
});
export type BackfillCoverage = z.infer<typeof backfillCoverageSchema>;

/**
 * Where order sync stands. Written in the same transaction as the orders it covers, so a worker
 * killed at any point resumes without gaps or double work.
 */
export const orderSyncCursorSchema = z.object({
  phase: z.enum(['backfill-report', 'backfill-open-orders', 'incremental']),
  /** Incremental: the next searchOrders lastUpdatedAfter. During backfill: where incremental will start. */
  lastUpdatedAfter: z.string().optional(),
  /** Backfill: start of the backfill window (report dataStartTime, open-orders createdAfter). */
  createdAfter: z.string().optional(),
  /** Backfill: end of the report window. */
  createdBefore: z.string().optional(),
  /** Next page of the search under way; absent between searches. */
  paginationToken: z.string().optional(),
  /** The search paginationToken belongs to (absent in cursors written before it was recorded). */
  paginationScope: paginationScopeSchema.optional(),
  /** The order report being processed; cleared by the batch that writes its last orders. */
  pendingReportId: z.string().optional(),
  /** How many of the pending report's orders are already stored (batches are written in order). */
  reportOrdersDone: z.number().int().nonnegative().optional(),
  syncRunId: z.string().optional(),
  /**
   * Filling in what the backfill report lacks (Prime flag, ship-by window, real item ids) for the
   * window's older orders, a few searchOrders pages at a time with spare quota.
   */
  detailFill: z
    .object({
      /** The report's own window: orders last updated in it (later updates reach incremental sync). */
      lastUpdatedAfter: z.string(),
      lastUpdatedBefore: z.string(),
      paginationToken: z.string().optional(),
      paginationScope: paginationScopeSchema.optional(),
      /** When the last fill page was fetched (or the fill was planned); paces the next one. */
      lastPageAt: z.string(),
      done: z.boolean(),
    })
    .optional(),
  /** Marketplaces and NON_AMAZON orders the backfills so far cover (absent in older cursors). */
  backfillCovered: backfillCoverageSchema.optional(),
  /** A backfill of what the first one did not cover (a marketplace added later, NON_AMAZON turned on). */
  catchUp: z
    .object({
      marketplaceIds: z.array(z.string()).min(1),
      nonAmazon: z.boolean(),
      lastUpdatedAfter: z.string(),
      paginationToken: z.string().optional(),
      paginationScope: paginationScopeSchema.optional(),
    })
    .optional(),
  /** Stored orders whose newer version could not be read, to re-read with getOrder a few per run. */
  rereadOrderIds: z.array(z.string()).optional(),
  updatedAt: z.string(),
});
export type OrderSyncCursor = z.infer<typeof orderSyncCursorSchema>;

/** A stored record failed validation; the sync refuses to guess from it. */
export class DamagedStoreRecordError extends Error {
  override name = 'DamagedStoreRecordError';
  constructor(
    readonly key: string,
    readonly issues: string,
  ) {
    super(`Stored ${key} is damaged: ${issues}`);
  }
  plainMessage(): string {
    if (this.key === ORDER_CURSOR_KEY) {
      return 'The saved sync position is damaged, so the extension stopped rather than guess. Start a full re-sync to rebuild it.';
    }
    return `A saved record (${this.key}) is damaged, so the extension set it aside rather than guess; it is listed under "Records that could not be read".`;
  }
}

export async function readOrderCursor(db: OrderDb): Promise<OrderSyncCursor | undefined> {
  const record = await db.get('syncState', ORDER_CURSOR_KEY);
  if (!record) return undefined;
  const parsed = orderSyncCursorSchema.safeParse(record.value);
  if (!parsed.success) throw new DamagedStoreRecordError(ORDER_CURSOR_KEY, z.prettifyError(parsed.error));
  return parsed.data;
}

export const FULL_RESYNC_KEY = 'fullResyncRequested';

/**
 * Asks for a full re-sync. A marker rather than deleting the cursor at once, so a sync that is
 * running now cannot write its cursor back over the request; the next run starts from scratch.
 */
export async function requestFullResyncMarker(db: OrderDb, at: string): Promise<void> {
  await db.put('syncState', { key: FULL_RESYNC_KEY, value: { at } });
}

/** Drops cursor and marker together when a full re-sync was asked for; true when it was. */
export async function consumeFullResyncMarker(db: OrderDb): Promise<boolean> {
  const tx = db.transaction('syncState', 'readwrite');
  const marker = await tx.store.get(FULL_RESYNC_KEY);
  if (marker) {
    await tx.store.delete(ORDER_CURSOR_KEY);
    await tx.store.delete(FULL_RESYNC_KEY);
  }
  await tx.done;
  return marker !== undefined;
}
