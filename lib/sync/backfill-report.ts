import { withoutUndefined } from '../store/without-undefined';
import type { FirstReported } from '../domain/order';
import {
  OrderReportFormatError,
  parseOrderReport,
  type OrderReportParseResult,
} from '../formats/order-report';
import type { Report } from '../sp-api/schemas/reports';
import { writeOrderBatch } from '../store/order-batch';
import type { OrderSyncCursor } from '../store/order-cursor';
import type { ReportRecord } from '../store/records';
import { ordersFromReport } from './order-from-report';
import { storeOrderPage, type OrderSyncTally, type RejectedRecord } from './order-page';
import type { OrderSyncContext } from './order-sync-context';

export const ORDER_REPORT_TYPE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';
/** Orders per transaction while storing a report: large enough to be quick, small enough to resume cheaply. */
export const REPORT_BATCH_SIZE = 500;
/** Waits between getReport polls; the last one repeats. Short at first (small reports are quick), then minutes apart. */
export const REPORT_POLL_DELAYS_MS: readonly number[] = [2_000, 5_000, 15_000, 30_000, 60_000, 120_000];
/** Give up waiting in this run after this long; the report id stays in the cursor for the next run. */
export const REPORT_MAX_WAIT_MS = 2 * 60 * 60_000;
/** Order reports lag up to ~30 minutes; polling for changes starts twice that before the report's end. */
export const INCREMENTAL_OVERLAP_MS = 60 * 60_000;

const DAY_MS = 24 * 60 * 60_000;
const MAX_REPORT_MARKETPLACES = 25;

/** Amazon could not produce the order report (FATAL). The next run requests a new one. */
export class OrderReportFailedError extends Error {
  override name = 'OrderReportFailedError';
  constructor(readonly reportId: string) {
    super(`Amazon could not produce the order report ${reportId} (status FATAL).`);
  }
  plainMessage(): string {
    return 'Amazon could not prepare the order report for the first download. The extension will ask for a new one.';
  }
}

/** The report was still being prepared when this run stopped waiting; the next run goes on waiting. */
export class OrderReportPendingError extends Error {
  override name = 'OrderReportPendingError';
  constructor(readonly reportId: string) {
    super(`The order report ${reportId} is still being prepared by Amazon.`);
  }
  plainMessage(): string {
    return 'Amazon is still preparing the order report. The extension will check again at the next sync.';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Where a first sync starts: a report over the last backfillDays (nothing stored until a report is requested). */
export function initialBackfillCursor(ctx: OrderSyncContext): OrderSyncCursor {
  const now = ctx.clock.now();
  return {
    phase: 'backfill-report',
    createdAfter: iso(now - ctx.settings.backfillDays * DAY_MS),
    syncRunId: ctx.syncRunId,
    updatedAt: iso(now),
  };
}

/**
 * Backfill step 1: request the order report for the window, wait for it, and store its orders in
 * batches. The report id stays in the cursor until the report is recorded, and each batch moves
 * `reportOrdersDone`, so a killed worker re-downloads the report and skips what is stored.
 */
export async function backfillFromReport(
  ctx: OrderSyncContext,
  start: OrderSyncCursor,
  tally: OrderSyncTally,
): Promise<OrderSyncCursor> {
  let cursor = start;
  let justRequested = false;
  if (!cursor.pendingReportId) {
    cursor = await requestReport(ctx, cursor);
    justRequested = true;
  }
  const reportId = cursor.pendingReportId!;
  const report = await waitForReport(ctx, reportId, justRequested);

  if (report.processingStatus === 'FATAL') {
    // Forget the failed report so the next run asks for a new one over the same window.
    await writeOrderBatch(ctx.db, {
      orders: [],
      cursor: withoutUndefined({
        ...cursor,
        pendingReportId: undefined,
        reportOrdersDone: undefined,
        updatedAt: iso(ctx.clock.now()),
      }),
    });
    throw new OrderReportFailedError(reportId);
  }

  // The report's end on Amazon's clock (its creation time when Amazon leaves the end out).
  const dataEndTime = report.dataEndTime ?? cursor.createdBefore ?? report.createdTime;
  const doneCursor: OrderSyncCursor = withoutUndefined({
    phase: 'backfill-open-orders',
    createdAfter: cursor.createdAfter,
    // The report's end bounds the later detail fill (orders created after it come from searchOrders).
    createdBefore: dataEndTime,
    lastUpdatedAfter: iso(Date.parse(dataEndTime) - INCREMENTAL_OVERLAP_MS),
    backfillCovered: cursor.backfillCovered,
    syncRunId: ctx.syncRunId,
    updatedAt: iso(ctx.clock.now()),
  });
  const record = (fields: Pick<ReportRecord, 'orderIds' | 'newOrderIds' | 'rowCount' | 'rejectedRowCount'>) =>
    withoutUndefined<ReportRecord>({
      reportId,
      reportType: report.reportType || ORDER_REPORT_TYPE,
      createdTime: report.createdTime,
      processedAt: iso(ctx.clock.now()),
      dataStartTime: report.dataStartTime ?? cursor.createdAfter,
      dataEndTime,
      ...fields,
    });

  // CANCELLED is also how Amazon says "no orders in that window".
  if (report.processingStatus === 'CANCELLED' || !report.reportDocumentId) {
    await storeOrderPage(ctx, tally, {
      orders: [],
      rejected: [],
      source: 'report',
      reference: reportId,
      cursor: doneCursor,
      report: record({ orderIds: [], newOrderIds: [], rowCount: 0, rejectedRowCount: 0 }),
    });
    return doneCursor;
  }

  ctx.signal?.throwIfAborted();
  ctx.onProgress?.({ phase: 'Downloading order report', done: 0 });
  const document = await ctx.client.getReportDocument(report.reportDocumentId);
  const text = await ctx.client.downloadDocument(document);

  let parsed: OrderReportParseResult;
  try {
    parsed = parseOrderReport(text);
  } catch (error) {
    if (!(error instanceof OrderReportFormatError)) throw error;
    // An unusable file would fail the same way every run: keep it for the seller and move on.
    await storeOrderPage(ctx, tally, {
      orders: [],
      rejected: [{ reason: `unusable order report: ${error.message}`, raw: text }],
      source: 'report',
      reference: reportId,
      cursor: doneCursor,
      report: record({ orderIds: [], newOrderIds: [], rowCount: 0, rejectedRowCount: 0 }),
    });
    return doneCursor;
  }

  const firstReported: FirstReported = {
    at: iso(ctx.clock.now()),
    // The backfill imports the window's existing orders: `at` is when the order manager first looked.
    source: {
      kind: 'report',
      reportId,
      reportType: report.reportType || ORDER_REPORT_TYPE,
      initialImport: true,
    },
  };
  const mapped = ordersFromReport(parsed.rows, firstReported, {
    defaultMarketplaceId: ctx.settings.marketplaceIds[0],
  });
  const rejectedIds = new Set(mapped.rejected.map((reject) => reject.orderId));
  const rejectedRows = parsed.rows.filter((row) => rejectedIds.has(row.amazonOrderId));
  const rejected: RejectedRecord[] = [
    ...parsed.rejected.map((line) => ({ reason: `line ${line.line}: ${line.reason}`, raw: line.raw })),
    ...mapped.rejected.map((reject) => ({
      orderId: reject.orderId,
      reason: reject.reason,
      raw: rejectedRows.filter((row) => row.amazonOrderId === reject.orderId),
    })),
  ];
  const rejectedRowCount = parsed.rejected.length + rejectedRows.length;

  const orders = mapped.orders;
  const storedOrderIds: string[] = [];
  for (let index = 0; index < orders.length; index += REPORT_BATCH_SIZE) {
    const batch = orders.slice(index, index + REPORT_BATCH_SIZE);
    const end = index + batch.length;
    if (end <= (cursor.reportOrdersDone ?? 0)) {
      // Stored by an earlier, interrupted run; only the ids are needed for the report record.
      storedOrderIds.push(...batch.map(({ order }) => order.orderId));
      continue;
    }
    ctx.onProgress?.({ phase: 'Saving orders from the report', done: index, total: orders.length });
    ctx.signal?.throwIfAborted();
    const next: OrderSyncCursor = { ...cursor, reportOrdersDone: end, updatedAt: iso(ctx.clock.now()) };
    const stored = await storeOrderPage(ctx, tally, {
      orders: batch,
      rejected: [],
      source: 'report',
      reference: reportId,
      cursor: next,
    });
    storedOrderIds.push(...stored.storedOrderIds);
    cursor = next;
  }

  ctx.onProgress?.({ phase: 'Saving orders from the report', done: orders.length, total: orders.length });
  const { orderIds, newOrderIds } = await reportOrdersInStore(ctx, reportId, storedOrderIds);
  // Rejects go with the record and the phase switch: written exactly once, however often a run resumes.
  await storeOrderPage(ctx, tally, {
    orders: [],
    rejected,
    source: 'report',
    reference: reportId,
    cursor: doneCursor,
    report: record({ orderIds, newOrderIds, rowCount: parsed.rows.length, rejectedRowCount }),
  });
  return doneCursor;
}

async function requestReport(ctx: OrderSyncContext, cursor: OrderSyncCursor): Promise<OrderSyncCursor> {
  const now = ctx.clock.now();
  const createdAfter = cursor.createdAfter ?? iso(now - ctx.settings.backfillDays * DAY_MS);
  ctx.signal?.throwIfAborted();
  ctx.onProgress?.({ phase: 'Requesting order report', done: 0 });
  const marketplaceIds = ctx.settings.marketplaceIds.slice(0, MAX_REPORT_MARKETPLACES);
  // No dataEndTime: Amazon takes its own "now". This machine's clock may run minutes ahead of
  // Amazon's, and Amazon refuses an end in its future, which would stop every first sync.
  const { reportId } = await ctx.client.createReport({
    reportType: ORDER_REPORT_TYPE,
    marketplaceIds,
    dataStartTime: createdAfter,
  });
  const next: OrderSyncCursor = {
    phase: 'backfill-report',
    createdAfter,
    pendingReportId: reportId,
    reportOrdersDone: 0,
    // Marketplaces past the report's limit count as not covered, so a catch-up search brings them.
    backfillCovered: { marketplaceIds, nonAmazon: ctx.settings.importNonAmazonOrders },
    syncRunId: ctx.syncRunId,
    updatedAt: iso(ctx.clock.now()),
  };
  await writeOrderBatch(ctx.db, { orders: [], cursor: next });
  return next;
}

async function waitForReport(ctx: OrderSyncContext, reportId: string, waitFirst: boolean): Promise<Report> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0 || waitFirst) {
      const delay = REPORT_POLL_DELAYS_MS[Math.min(attempt, REPORT_POLL_DELAYS_MS.length - 1)]!;
      ctx.signal?.throwIfAborted();
      await ctx.clock.sleep(delay, ctx.signal);
      waited += delay;
    }
    ctx.signal?.throwIfAborted();
    const report = await ctx.client.getReport(reportId);
    const status = report.processingStatus;
    if (status === 'DONE' || status === 'CANCELLED' || status === 'FATAL') return report;
    if (waited >= REPORT_MAX_WAIT_MS) throw new OrderReportPendingError(reportId);
    ctx.onProgress?.({ phase: 'Waiting for Amazon to prepare the order report', done: attempt + 1 });
  }
}

/** Which of the report's orders are stored, and which of those this report stored first ("new"). */
async function reportOrdersInStore(
  ctx: OrderSyncContext,
  reportId: string,
  candidates: string[],
): Promise<{ orderIds: string[]; newOrderIds: string[] }> {
  const store = ctx.db.transaction('orders').store;
  const orders = await Promise.all(candidates.map((id) => store.get(id)));
  const orderIds: string[] = [];
  const newOrderIds: string[] = [];
  for (const order of orders) {
    if (!order) continue;
    orderIds.push(order.orderId);
    const source = order.firstReported.source;
    if (source.kind === 'report' && source.reportId === reportId) newOrderIds.push(order.orderId);
  }
  return { orderIds, newOrderIds };
}
