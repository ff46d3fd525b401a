import type { StoredOrder } from '../domain/order';
import type { OrderDb } from './order-db';
import type { OrderWithItems } from './records';

type OrdersAndItemsTransaction = ReturnType<typeof readOrdersAndItems>;

function readOrdersAndItems(db: OrderDb) {
  return db.transaction(['orders', 'orderItems'], 'readonly');
}

/** Each order's items, read in the caller's transaction (one index lookup per order). */
function withItems(tx: OrdersAndItemsTransaction, orders: readonly StoredOrder[]): Promise<OrderWithItems[]> {
  const items = tx.objectStore('orderItems').index('orderId');
  return Promise.all(orders.map(async (order) => ({ order, items: await items.getAll(order.orderId) })));
}

/**
 * Every order that has, or had, a buyer's cancellation request (open or closed), with its items,
 * oldest request first. Reads only those orders, through the sparse `buyerRequest` index.
 */
export async function readBuyerRequestOrders(db: OrderDb): Promise<OrderWithItems[]> {
  const tx = readOrdersAndItems(db);
  const orders = await tx.objectStore('orders').index('buyerRequest').getAll();
  const result = await withItems(tx, orders);
  await tx.done;
  return result;
}

/**
 * Orders purchased at or after `sinceIso`, with their items, oldest first (for the 7-day
 * cancellation rate). Reads through the purchaseDate index.
 */
export async function readOrdersPurchasedSince(db: OrderDb, sinceIso: string): Promise<OrderWithItems[]> {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) throw new Error(`readOrdersPurchasedSince: not a date-time: ${sinceIso}`);
  // Stored purchase dates are UTC text with or without milliseconds, so the index bound is the whole
  // second (which sorts before both forms) and the exact cut is made on the parsed time.
  const lowerBound = new Date(since).toISOString().slice(0, 19);
  const tx = readOrdersAndItems(db);
  const candidates = await tx
    .objectStore('orders')
    .index('purchaseDate')
    .getAll(IDBKeyRange.lowerBound(lowerBound));
  const orders = candidates.filter((order) => Date.parse(order.purchaseDate) >= since);
  const result = await withItems(tx, orders);
  await tx.done;
  return result;
}
