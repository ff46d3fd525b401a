import type { OrderStatus, OrderSubType, StoredOrder } from '../domain/order';

export interface OrderQuery {
  /** Matches order id, SKU, ASIN or title, case-insensitive. */
  readonly text?: string;
  /** Any of these (empty or absent: all). */
  readonly statuses?: readonly OrderStatus[];
  /** Any of these (empty or absent: all). */
  readonly subTypes?: readonly OrderSubType[];
}

export type OrderPredicate = (order: StoredOrder) => boolean;

/** Builds the predicate once, so filtering 50,000 orders does no per-order setup. */
export function compileOrderQuery(query: OrderQuery): OrderPredicate {
  const text = query.text?.trim().toLowerCase() ?? '';
  const statuses = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
  const subTypes = query.subTypes?.length ? new Set<string>(query.subTypes) : undefined;
  return (order) => {
    if (statuses && !statuses.has(order.status)) return false;
    if (subTypes && !order.subTypes.some((type) => subTypes.has(type))) return false;
    if (text && !order.searchText.includes(text) && !order.orderId.toLowerCase().includes(text)) return false;
    return true;
  };
}

export function matchesOrderQuery(order: StoredOrder, query: OrderQuery): boolean {
  return compileOrderQuery(query)(order);
}

const newestFirst = (a: StoredOrder, b: StoredOrder) =>
  a.purchaseDate < b.purchaseDate ? 1 : a.purchaseDate > b.purchaseDate ? -1 : 0;

/** Orders matching the query, newest purchase first. Input already in that order is not re-sorted. */
export function filterOrders(orders: readonly StoredOrder[], query: OrderQuery): StoredOrder[] {
  const predicate = compileOrderQuery(query);
  const matches = orders.filter(predicate);
  for (let i = 1; i < matches.length; i++) {
    if (newestFirst(matches[i - 1]!, matches[i]!) > 0) return matches.sort(newestFirst);
  }
  return matches;
}
