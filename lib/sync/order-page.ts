import { withoutUndefined } from '../store/without-undefined';
import type { StoredOrder, StoredOrderItem } from '../domain/order';
import { writeOrderBatch, type OrderBatchResult, type UnreadableUpdate } from '../store/order-batch';
import type { OrderSyncCursor } from '../store/order-cursor';
import type { OrderDb } from '../store/order-db';
import type { QuarantineInput, QuarantineSource, ReportRecord } from '../store/records';
import { storedOrderProblem } from '../store/stored-order-schema';
import type { Clock } from '../clock';

export interface OrderSyncTally {
  ordersWritten: number;
  quarantined: number;
  skippedNonAmazon: number;
}

export interface PreparedOrder {
  readonly order: StoredOrder;
  readonly items: StoredOrderItem[];
  /** What Amazon sent, kept if the order ends up quarantined. */
  readonly raw?: unknown;
}

export interface RejectedRecord {
  readonly orderId?: string;
  readonly reason: string;
  readonly raw: unknown;
}

export interface OrderPage {
  readonly orders: readonly PreparedOrder[];
  readonly rejected: readonly RejectedRecord[];
  readonly source: QuarantineSource;
  /** Report id or sync run id, for the quarantine records. */
  readonly reference: string;
  readonly cursor: OrderSyncCursor;
  readonly report?: ReportRecord;
  /** Orders Amazon sent that could not be read; stored older versions of them are flagged. */
  readonly unreadable?: readonly UnreadableUpdate[];
}

export interface StoredPage extends OrderBatchResult {
  /** Orders of the page that were handed to the store (not skipped, not quarantined). */
  readonly storedOrderIds: string[];
}

interface PageContext {
  readonly db: OrderDb;
  readonly clock: Clock;
  readonly settings: { readonly importNonAmazonOrders: boolean };
}

/**
 * Stores one page of sync work in one transaction: the orders the seller wants, quarantine records
 * for what could not be mapped or stored, and the cursor that says the page is done.
 */
export async function storeOrderPage(
  ctx: PageContext,
  tally: OrderSyncTally,
  page: OrderPage,
): Promise<StoredPage> {
  const at = new Date(ctx.clock.now()).toISOString();
  const quarantined: QuarantineInput[] = page.rejected.map((reject) =>
    withoutUndefined({
      at,
      source: page.source,
      reference: page.reference,
      orderId: reject.orderId,
      reason: reject.reason,
      raw: reject.raw,
    }),
  );
  const orders: PreparedOrder[] = [];
  let skippedNonAmazon = 0;
  for (const entry of page.orders) {
    if (!ctx.settings.importNonAmazonOrders && entry.order.channel === 'NON_AMAZON') {
      skippedNonAmazon += 1;
      continue;
    }
    const problem = storedOrderProblem(entry);
    if (problem) {
      quarantined.push({
        at,
        source: page.source,
        reference: page.reference,
        orderId: entry.order.orderId,
        reason: `cannot be stored: ${problem}`,
        raw: entry.raw ?? entry,
      });
      continue;
    }
    orders.push(entry);
  }

  const result = await writeOrderBatch(ctx.db, {
    orders: orders.map(({ order, items }) => ({ order, items })),
    cursor: page.cursor,
    report: page.report,
    quarantined,
    unreadable: page.unreadable,
  });
  // Counted only once the transaction has committed.
  tally.ordersWritten += result.inserted + result.updated;
  tally.quarantined += quarantined.length;
  tally.skippedNonAmazon += skippedNonAmazon;
  return { ...result, storedOrderIds: orders.map(({ order }) => order.orderId) };
}
