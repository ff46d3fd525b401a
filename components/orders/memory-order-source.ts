import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { filterOrders, type OrderWithItems, type QuarantineRecord } from '../../lib/store';
import type { OrderSource } from './order-source';

/** An OrderSource over plain arrays: for component tests and previews without IndexedDB. */
export class MemoryOrderSource implements OrderSource {
  private readonly listeners = new Set<() => void>();

  constructor(
    private orders: readonly StoredOrder[],
    private items: readonly StoredOrderItem[] = [],
    private quarantined: readonly QuarantineRecord[] = [],
  ) {}

  async newest(limit: number): Promise<StoredOrder[]> {
    return filterOrders(this.orders, {}).slice(0, limit);
  }

  async all(): Promise<StoredOrder[]> {
    return filterOrders(this.orders, {});
  }

  async withItems(orderId: string) {
    const order = this.orders.find((o) => o.orderId === orderId);
    if (!order) return undefined;
    return { order, items: this.items.filter((item) => item.orderId === orderId) };
  }

  async buyerRequests(): Promise<OrderWithItems[]> {
    return this.orders.filter((order) => order.buyerCancelRequest).map((order) => this.joined(order));
  }

  async ordersPurchasedSince(sinceIso: string): Promise<OrderWithItems[]> {
    const since = Date.parse(sinceIso);
    return this.orders
      .filter((order) => Date.parse(order.purchaseDate) >= since)
      .map((order) => this.joined(order));
  }

  /** Changes one stored order and tells subscribers, as the background's write would. */
  update(orderId: string, change: (order: StoredOrder) => StoredOrder): void {
    this.replace(this.orders.map((order) => (order.orderId === orderId ? change(order) : order)));
  }

  private itemsIndex?: { items: readonly StoredOrderItem[]; byOrder: Map<string, StoredOrderItem[]> };

  /** Items by order id, built once per items array: a join per order would be quadratic over a big shop. */
  private joined(order: StoredOrder): OrderWithItems {
    if (this.itemsIndex?.items !== this.items) {
      const byOrder = new Map<string, StoredOrderItem[]>();
      for (const item of this.items) byOrder.set(item.orderId, [...(byOrder.get(item.orderId) ?? []), item]);
      this.itemsIndex = { items: this.items, byOrder };
    }
    return { order, items: this.itemsIndex.byOrder.get(order.orderId) ?? [] };
  }

  async quarantine(): Promise<QuarantineRecord[]> {
    return [...this.quarantined];
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  /** Replaces the stored orders and tells subscribers, as a finished sync would. */
  replace(orders: readonly StoredOrder[], items: readonly StoredOrderItem[] = this.items): void {
    this.orders = orders;
    this.items = items;
    for (const listener of this.listeners) listener();
  }
}
