import { ORDER_SUB_TYPES, type OrderStatus, type OrderSubType, type StoredOrder } from '../domain/order';
import { isSubTypeKnown } from '../domain/order-sub-type';

/** How the list is ordered; the first is the default. */
export const ORDER_SORTS = ['purchase-newest', 'purchase-oldest', 'ship-by'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const DEFAULT_ORDER_SORT: OrderSort = 'purchase-newest';

export interface OrderQuery {
  /** Matches order id (dashes and spaces optional), SKU, ASIN or title, case-insensitive. */
  readonly text?: string;
  /** Any of these (empty or absent: all). */
  readonly statuses?: readonly OrderStatus[];
  /** Any of these (empty or absent: all). Orders of no known type match none. */
  readonly subTypes?: readonly OrderSubType[];
  /** Absent: newest purchase first. */
  readonly sort?: OrderSort;
}

export type OrderPredicate = (order: StoredOrder) => boolean;

/**
 * A digits-only query ("11455667788990011", "114 5566778 8990011") as a pattern over order ids,
 * whose only separators are dashes; undefined for any other text. Tested in place, no copy per order.
 */
function orderIdPattern(text: string): RegExp | undefined {
  if (!/^[\d\s-]+$/.test(text)) return undefined;
  const digits = text.replace(/[\s-]/g, '');
  if (!digits) return undefined;
  return new RegExp(digits.split('').join('-?'));
}

/** Search text and statuses: everything but the sub-types, which the chips count over. */
function compileTextAndStatus(query: OrderQuery): OrderPredicate {
  const text = query.text?.trim().toLowerCase() ?? '';
  const idPattern = orderIdPattern(text);
  const statuses = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
  return (order) => {
    if (statuses && !statuses.has(order.status)) return false;
    if (
      text &&
      !order.searchText.includes(text) &&
      !order.orderId.toLowerCase().includes(text) &&
      !(idPattern && idPattern.test(order.orderId))
    ) {
      return false;
    }
    return true;
  };
}

/** Any of the chosen sub-types; an order of unknown type (stored sub-types or not) matches none. */
function compileSubTypes(query: OrderQuery): OrderPredicate | undefined {
  if (!query.subTypes?.length) return undefined;
  const subTypes = new Set<string>(query.subTypes);
  return (order) => isSubTypeKnown(order) && order.subTypes.some((type) => subTypes.has(type));
}

/** Builds the predicate once, so filtering 50,000 orders does no per-order setup. */
export function compileOrderQuery(query: OrderQuery): OrderPredicate {
  const textAndStatus = compileTextAndStatus(query);
  const subTypes = compileSubTypes(query);
  return subTypes ? (order) => textAndStatus(order) && subTypes(order) : textAndStatus;
}

export function matchesOrderQuery(order: StoredOrder, query: OrderQuery): boolean {
  return compileOrderQuery(query)(order);
}

const newestFirst = (a: StoredOrder, b: StoredOrder) =>
  a.purchaseDate < b.purchaseDate ? 1 : a.purchaseDate > b.purchaseDate ? -1 : 0;
const oldestFirst = (a: StoredOrder, b: StoredOrder) => -newestFirst(a, b);

/** Past this (ISO strings compare as strings), so orders without a ship-by sort last. */
const NO_SHIP_BY = '\uffff';

/** The ship-by a seller still works to: none once the order is shipped or cancelled. */
export function openShipBy(order: StoredOrder): string | undefined {
  if (order.status === 'SHIPPED' || order.status === 'CANCELLED') return undefined;
  return order.shipBy?.latest;
}

/** Soonest latest ship-by first, then newest purchase; keys read once per order, not per comparison. */
function sortByShipBy(orders: StoredOrder[]): StoredOrder[] {
  const keyed = orders.map((order) => ({ key: openShipBy(order) ?? NO_SHIP_BY, order }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : newestFirst(a.order, b.order)));
  return keyed.map((entry) => entry.order);
}

/** Sorts in place; input already in purchase order (the store reads newest first) is not re-sorted. */
function sortOrders(orders: StoredOrder[], sort: OrderSort | undefined): StoredOrder[] {
  if (sort === 'ship-by') return sortByShipBy(orders);
  const compare = sort === 'purchase-oldest' ? oldestFirst : newestFirst;
  for (let i = 1; i < orders.length; i++) {
    if (compare(orders[i - 1]!, orders[i]!) > 0) return orders.sort(compare);
  }
  return orders;
}

/** Orders matching the query, in the query's order (newest purchase first by default). */
export function filterOrders(orders: readonly StoredOrder[], query: OrderQuery): StoredOrder[] {
  return sortOrders(orders.filter(compileOrderQuery(query)), query.sort);
}

export type SubTypeCounts = Record<OrderSubType, number>;

export interface OrderListView {
  /** The orders matching the whole query, sorted. */
  readonly orders: StoredOrder[];
  /** Per sub-type: orders matching the search and statuses; orders of unknown type count nowhere. */
  readonly subTypeCounts: SubTypeCounts;
  /**
   * Every order of no known type (no Prime flag yet: an order report without is-prime), filters
   * aside: the orders no type chip counts. A report that had is-prime gave the type already.
   */
  readonly typeUnknown: number;
}

/** What the list shows, in one pass over the orders. */
export function viewOrders(orders: readonly StoredOrder[], query: OrderQuery): OrderListView {
  const textAndStatus = compileTextAndStatus(query);
  const subTypes = compileSubTypes(query);
  const counts = Object.fromEntries(ORDER_SUB_TYPES.map((type) => [type, 0])) as SubTypeCounts;
  const matches: StoredOrder[] = [];
  let typeUnknown = 0;
  for (const order of orders) {
    if (!isSubTypeKnown(order)) typeUnknown += 1;
    if (!textAndStatus(order)) continue;
    if (isSubTypeKnown(order)) for (const type of order.subTypes) counts[type] += 1;
    if (!subTypes || subTypes(order)) matches.push(order);
  }
  return { orders: sortOrders(matches, query.sort), subTypeCounts: counts, typeUnknown };
}
