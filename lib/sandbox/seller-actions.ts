/**
 * The small mutable overlay on top of the generated timeline: what the seller did through the API
 * (lines cancelled by an order acknowledgement feed, stock set with patchListingsItem). Orders stay
 * a pure function of (seed, index, time); a cancelled order's plan is re-derived from its generated
 * plan plus these records, so the timeline never ships a line the seller cancelled.
 */
import type { OrderDataset } from './order-dataset';
import { lineShipMs, type OrderPlan, type SellerLineCancellation } from './order-timeline';

export interface ListingQuantity {
  readonly quantity: number;
  readonly atMs: number;
}

export class SellerActions {
  readonly #generated = new Map<string, OrderPlan>();
  readonly #cancellations = new Map<string, SellerLineCancellation[]>();
  readonly #quantities = new Map<string, ListingQuantity>();

  constructor(private readonly dataset: OrderDataset) {}

  /** Records cancelled lines (already validated) and swaps in the order's re-derived plan. */
  cancelLines(orderId: string, cancellations: readonly SellerLineCancellation[]): OrderPlan {
    const current = this.dataset.byId(orderId);
    if (!current) throw new Error(`Unknown order ${orderId}`);
    const generated = this.#generated.get(orderId) ?? current;
    this.#generated.set(orderId, generated);
    const all = [...(this.#cancellations.get(orderId) ?? []), ...cancellations];
    this.#cancellations.set(orderId, all);
    const plan = applySellerCancellations(generated, all);
    this.dataset.overlay(plan);
    return plan;
  }

  /** Lines cancelled by the seller, in the order they were cancelled. */
  cancellationsOf(orderId: string): readonly SellerLineCancellation[] {
    return this.#cancellations.get(orderId) ?? [];
  }

  setQuantity(sku: string, marketplaceId: string, quantity: number, atMs: number): void {
    this.#quantities.set(`${marketplaceId}\u0000${sku}`, { quantity, atMs });
  }

  quantityOf(sku: string, marketplaceId: string): ListingQuantity | undefined {
    return this.#quantities.get(`${marketplaceId}\u0000${sku}`);
  }
}

/**
 * The generated plan with the seller's cancellations applied in time order. Everything before a
 * cancellation is unchanged, so the order's history stays the same for any t before it.
 */
export function applySellerCancellations(
  generated: OrderPlan,
  cancellations: readonly SellerLineCancellation[],
): OrderPlan {
  let plan: OrderPlan = generated;
  const byTime = [...cancellations].sort((a, b) => a.atMs - b.atMs);
  const cancelled = new Set<number>();
  for (const c of byTime) {
    cancelled.add(c.line);
    plan = cancelStep(plan, cancelled, c);
  }
  return { ...plan, sellerCancellations: byTime, events: eventsOf(plan, byTime) };
}

function cancelStep(plan: OrderPlan, cancelled: ReadonlySet<number>, c: SellerLineCancellation): OrderPlan {
  const at = c.atMs;
  const later = (ms: number) => (ms > at ? NaN : ms);
  const remaining: number[] = [];
  for (let line = 0; line < plan.itemCount; line++) if (!cancelled.has(line)) remaining.push(line);
  if (remaining.length === 0) {
    // Every line cancelled: the order is cancelled by the merchant, and nothing after that happens.
    return {
      ...plan,
      paidMs: plan.paidMs >= at ? NaN : plan.paidMs,
      partialShipMs: later(plan.partialShipMs),
      shippedMs: later(plan.shippedMs),
      deliveredMs: later(plan.deliveredMs),
      unfulfillableMs: later(plan.unfulfillableMs),
      buyerRequestMs: later(plan.buyerRequestMs),
      cancelledMs: at,
      cancelledBy: 'MERCHANT',
      cancelReason: c.reason,
    };
  }
  const shipTimes = remaining.map((line) => lineShipMs(plan, line));
  if (shipTimes.some((t) => t !== t)) return plan; // the rest never ships (cancelled or stuck later)
  const lastShip = Math.max(...shipTimes);
  const firstShip = Math.min(...shipTimes);
  // Cancelling the last unshipped lines completes the shipment at the cancellation.
  const shippedMs = Math.max(lastShip, at);
  return {
    ...plan,
    shippedMs,
    partialShipMs: firstShip < shippedMs ? firstShip : NaN,
    deliveredMs: Math.max(plan.deliveredMs, shippedMs + 1),
  };
}

function eventsOf(plan: OrderPlan, cancellations: readonly SellerLineCancellation[]): number[] {
  return [
    plan.createdMs,
    plan.releaseMs,
    plan.paidMs,
    plan.buyerRequestMs,
    plan.partialShipMs,
    plan.shippedMs,
    plan.deliveredMs,
    plan.cancelledMs,
    plan.unfulfillableMs,
    ...cancellations.map((c) => c.atMs),
  ]
    .filter((t) => t === t)
    .sort((a, b) => a - b);
}
