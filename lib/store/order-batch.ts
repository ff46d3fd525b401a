import { z } from '../zod';
import type { StoredOrder, StoredOrderItem } from '../domain/order';
import { ORDER_CURSOR_KEY, orderSyncCursorSchema, type OrderSyncCursor } from './order-cursor';
import type { OrderDb, OrderManagerDb } from './order-db';
import { mergeOrder } from './order-merge';
import { quarantineRaw } from './quarantine-raw';
import type { QuarantineInput, ReportRecord } from './records';
import { storedOrderProblem } from './stored-order-schema';
import type { IDBPObjectStore, StoreNames } from 'idb';

export interface OrderBatch {
  readonly orders: readonly { readonly order: StoredOrder; readonly items: readonly StoredOrderItem[] }[];
  /** Written in the same transaction, so the cursor never claims more than is stored. */
  readonly cursor?: OrderSyncCursor;
  readonly report?: ReportRecord;
  readonly quarantined?: readonly QuarantineInput[];
  /** When the sync saw these orders (marks "cancelled outside the manager"); default: each order's firstReported.at. */
  readonly seenAt?: string;
  /** Newer versions Amazon sent that could not be read: stored orders among them are flagged. */
  readonly unreadable?: readonly UnreadableUpdate[];
}

export interface UnreadableUpdate {
  readonly orderId: string;
  readonly at: string;
  readonly reason: string;
}

export interface OrderBatchResult {
  readonly inserted: number;
  readonly updated: number;
  readonly skippedOlder: number;
  readonly insertedOrderIds: string[];
  /** Stored orders flagged with an unreadable update by this batch. */
  readonly flaggedOrderIds: string[];
}

/** A record in the batch is not something the store accepts; nothing of the batch was written. */
export class InvalidOrderBatchError extends Error {
  override name = 'InvalidOrderBatchError';
  constructor(
    readonly orderId: string | undefined,
    readonly issues: string,
  ) {
    super(`Order batch rejected${orderId ? ` at order ${orderId}` : ''}: ${issues}`);
  }
}

/**
 * Stores one unit of sync work in ONE readwrite transaction: merged orders, their items, the
 * cursor, the report record and quarantined records. Any failure aborts all of it.
 */
export async function writeOrderBatch(db: OrderDb, batch: OrderBatch): Promise<OrderBatchResult> {
  validateBatch(batch);

  // The outbox is read in the same transaction to tell the manager's cancellations from others'.
  const storeNames: StoreNames<OrderManagerDb>[] = ['orders', 'orderItems', 'outbox'];
  if (batch.cursor) storeNames.push('syncState');
  if (batch.report) storeNames.push('reports');
  if (batch.quarantined?.length) storeNames.push('quarantine');

  const tx = db.transaction(storeNames, 'readwrite');
  // Observed below; this only keeps an abort from surfacing as an unhandled rejection as well.
  tx.done.catch(() => undefined);
  const pending: Promise<unknown>[] = [];
  const track = <T>(request: Promise<T>): Promise<T> => {
    pending.push(request);
    return request;
  };

  try {
    const orders = tx.objectStore('orders');
    const itemStore = tx.objectStore('orderItems');

    // Later entries for the same order in one batch merge over earlier ones.
    const incomingById = new Map<string, { order: StoredOrder; items: readonly StoredOrderItem[] }[]>();
    for (const entry of batch.orders) {
      const list = incomingById.get(entry.order.orderId) ?? [];
      list.push(entry);
      incomingById.set(entry.order.orderId, list);
    }
    const ids = [...incomingById.keys()];
    const stored = await Promise.all(ids.map((id) => track(orders.get(id))));
    // Orders of this batch that parsed win over an unreadable version of the same order.
    const unreadable = (batch.unreadable ?? []).filter((entry) => !incomingById.has(entry.orderId));
    const flagTargets = await Promise.all(unreadable.map((entry) => track(orders.get(entry.orderId))));

    let inserted = 0;
    let updated = 0;
    let skippedOlder = 0;
    const insertedOrderIds: string[] = [];
    const flaggedOrderIds: string[] = [];
    const writes: Promise<unknown>[] = [];
    unreadable.forEach((entry, index) => {
      const target = flagTargets[index];
      if (!target) return;
      flaggedOrderIds.push(target.orderId);
      writes.push(track(orders.put({ ...target, unreadableUpdate: { at: entry.at, reason: entry.reason } })));
    });
    const merged: {
      id: string;
      original?: StoredOrder;
      current: StoredOrder;
      items?: readonly StoredOrderItem[];
    }[] = [];

    ids.forEach((id, index) => {
      const original = stored[index];
      let current = original;
      let items: readonly StoredOrderItem[] | undefined;
      let changed = false;
      for (const entry of incomingById.get(id) ?? []) {
        const outcome = mergeOrder(current, entry.order);
        if (outcome.kind === 'skip-older') {
          skippedOlder++;
          if (outcome.order) {
            current = outcome.order;
            changed = true;
          }
          continue;
        }
        current = outcome.order;
        changed = true;
        if (outcome.replaceItems) items = entry.items;
      }
      if (!changed || !current) return;
      merged.push({ id, original, current, items });
    });

    const outsideCandidates = merged.filter(
      (entry) =>
        entry.original !== undefined &&
        entry.original.status !== 'CANCELLED' &&
        entry.current.status === 'CANCELLED' &&
        !entry.current.cancelledOutsideManager,
    );
    const outboxByOrder = tx.objectStore('outbox').index('orderId');
    const actionLists = await Promise.all(
      outsideCandidates.map((entry) => track(outboxByOrder.getAll(entry.id))),
    );
    outsideCandidates.forEach((entry, index) => {
      const ownCancel = (actionLists[index] ?? []).some(
        (action) =>
          action.status === 'pending' || action.status === 'done' || action.status === 'needs-review',
      );
      if (ownCancel) return;
      const cancelledBy = entry.items?.find((item) => item.cancelledBy)?.cancelledBy;
      entry.current = {
        ...entry.current,
        cancelledOutsideManager: {
          // The incoming record's firstReported.at is this sync's time (the merged one keeps the earliest).
          seenAt:
            batch.seenAt ??
            incomingById.get(entry.id)?.at(-1)?.order.firstReported.at ??
            entry.current.lastUpdated,
          ...(cancelledBy ? { cancelledBy } : {}),
        },
      };
    });

    for (const { id, original, current, items } of merged) {
      if (original) updated++;
      else {
        inserted++;
        insertedOrderIds.push(id);
      }
      writes.push(track(orders.put(current)));
      // A new order has no stored items to remove, so skip the index lookup (most of a backfill).
      if (items && !original) for (const item of items) writes.push(track(itemStore.put(item)));
      else if (items) writes.push(track(replaceItems(itemStore, id, items, track)));
    }

    if (batch.cursor) {
      writes.push(track(tx.objectStore('syncState').put({ key: ORDER_CURSOR_KEY, value: batch.cursor })));
    }
    if (batch.report) writes.push(track(tx.objectStore('reports').put(batch.report)));
    if (batch.quarantined?.length) {
      const quarantine = tx.objectStore('quarantine');
      for (const record of batch.quarantined) {
        writes.push(track(quarantine.add({ ...record, raw: quarantineRaw(record.raw) })));
      }
    }

    await Promise.all(writes);
    await tx.done;
    return { inserted, updated, skippedOlder, insertedOrderIds, flaggedOrderIds };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    // Wait for every request to settle (item writes may still be queuing more) before reporting.
    for (let settled = -1; settled < pending.length;) {
      settled = pending.length;
      await Promise.allSettled(pending);
    }
    throw error;
  }
}

type ItemStore = IDBPObjectStore<OrderManagerDb, StoreNames<OrderManagerDb>[], 'orderItems', 'readwrite'>;

async function replaceItems(
  store: ItemStore,
  orderId: string,
  items: readonly StoredOrderItem[],
  track: <T>(request: Promise<T>) => Promise<T>,
): Promise<void> {
  const keep = new Set(items.map((item) => item.orderItemId));
  const existingKeys = await track(store.index('orderId').getAllKeys(orderId));
  const deletes = existingKeys
    .filter(([, itemId]) => !keep.has(itemId))
    .map((key) => track(store.delete(key)));
  await Promise.all([...deletes, ...items.map((item) => track(store.put(item)))]);
}

function validateBatch(batch: OrderBatch): void {
  for (const entry of batch.orders) {
    const problem = storedOrderProblem(entry);
    if (problem) throw new InvalidOrderBatchError(orderIdOf(entry.order), problem);
  }
  if (batch.cursor) {
    const parsed = orderSyncCursorSchema.safeParse(batch.cursor);
    if (!parsed.success)
      throw new InvalidOrderBatchError(undefined, `cursor: ${z.prettifyError(parsed.error)}`);
  }
}

function orderIdOf(order: unknown): string | undefined {
  const id = (order as { orderId?: unknown } | null)?.orderId;
  return typeof id === 'string' ? id : undefined;
}
