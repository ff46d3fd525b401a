import type { StoredOrder } from '../domain/order';
import type { OrderDb } from './order-db';
import type { OrderWithItems, QuarantineRecord, ReportRecord } from './records';

/** The newest orders by purchase date, for the popup's first paint before the full list loads. */
export async function listNewestOrders(db: OrderDb, limit: number): Promise<StoredOrder[]> {
  const orders: StoredOrder[] = [];
  if (limit <= 0) return orders;
  let cursor = await db.transaction('orders').store.index('purchaseDate').openCursor(null, 'prev');
  while (cursor && orders.length < limit) {
    orders.push(cursor.value);
    cursor = await cursor.continue();
  }
  return orders;
}

/** Every order, newest purchase first (so filterOrders need not sort again). */
export async function getAllOrders(db: OrderDb): Promise<StoredOrder[]> {
  const orders = await db.getAllFromIndex('orders', 'purchaseDate');
  return orders.reverse();
}

export function countOrders(db: OrderDb): Promise<number> {
  return db.count('orders');
}

export async function getOrderWithItems(db: OrderDb, orderId: string): Promise<OrderWithItems | undefined> {
  const tx = db.transaction(['orders', 'orderItems']);
  const [order, items] = await Promise.all([
    tx.objectStore('orders').get(orderId),
    tx.objectStore('orderItems').index('orderId').getAll(orderId),
  ]);
  return order ? { order, items } : undefined;
}

/** Processed reports, newest first. */
export async function listReports(db: OrderDb): Promise<ReportRecord[]> {
  const reports = await db.getAll('reports');
  return reports.sort((a, b) => (a.processedAt < b.processedAt ? 1 : a.processedAt > b.processedAt ? -1 : 0));
}

/** Quarantined records, newest first. */
export async function listQuarantine(db: OrderDb, limit = 200): Promise<QuarantineRecord[]> {
  const records: QuarantineRecord[] = [];
  let cursor = await db.transaction('quarantine').store.openCursor(null, 'prev');
  while (cursor && records.length < limit) {
    records.push({ ...cursor.value, id: cursor.primaryKey });
    cursor = await cursor.continue();
  }
  return records;
}
