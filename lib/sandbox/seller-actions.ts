/**
 * The small mutable overlay on top of the generated timeline: what the seller did through the API
 * (lines cancelled by an order acknowledgement feed, stock set with patchListingsItem) and what the
 * world did to an order (world-events.ts). Orders stay a pure function of (seed, index, time); a
 * changed order's plan is re-derived from its generated plan plus these records in time order, so
 * the timeline never ships a line the seller cancelled nor moves on past an event that contradicts it.
 */
import type { OrderDataset } from './order-dataset';
import { cancelledAt, lineShipMs, type OrderPlan, type SellerLineCancellation } from './order-timeline';
import { applyWorldEvent, worldEventRefusal, type WorldEvent } from './world-event-plan';

export interface ListingQuantity {
  readonly quantity: number;
  readonly atMs: number;
}

/** One record of the overlay: a line the seller cancelled, or an event of the world. */
export type OverlayStep =
  | { readonly kind: 'seller-cancel'; readonly cancellation: SellerLineCancellation }
  | { readonly kind: 'world'; readonly event: WorldEvent };

export class SellerActions {
  readonly #generated = new Map<string, OrderPlan>();
  /** Per order, in the order they were recorded. */
  readonly #steps = new Map<string, OverlayStep[]>();
  readonly #quantities = new Map<string, ListingQuantity>();

  constructor(private readonly dataset: OrderDataset) {}

  /** Records cancelled lines (already validated) and swaps in the order's re-derived plan. */
  cancelLines(orderId: string, cancellations: readonly SellerLineCancellation[]): OrderPlan {
    return this.#record(
      orderId,
      cancellations.map((cancellation) => ({ kind: 'seller-cancel', cancellation })),
    );
  }

  /** Records an event of the world (already checked) and swaps in the order's re-derived plan. */
  recordWorldEvent(orderId: string, event: WorldEvent): OrderPlan {
    return this.#record(orderId, [{ kind: 'world', event }]);
  }

  /** Lines cancelled by the seller, in the order they were cancelled. */
  cancellationsOf(orderId: string): readonly SellerLineCancellation[] {
    return (this.#steps.get(orderId) ?? []).flatMap((s) =>
      s.kind === 'seller-cancel' ? [s.cancellation] : [],
    );
  }

  setQuantity(sku: string, marketplaceId: string, quantity: number, atMs: number): void {
    this.#quantities.set(`${marketplaceId}\u0000${sku}`, { quantity, atMs });
  }

  quantityOf(sku: string, marketplaceId: string): ListingQuantity | undefined {
    return this.#quantities.get(`${marketplaceId}\u0000${sku}`);
  }

  #record(orderId: string, steps: readonly OverlayStep[]): OrderPlan {
    const current = this.dataset.byId(orderId);
    if (!current) throw new Error(`Unknown order ${orderId}`);
    const generated = this.#generated.get(orderId) ?? current;
    this.#generated.set(orderId, generated);
    const all = [...(this.#steps.get(orderId) ?? []), ...steps];
    this.#steps.set(orderId, all);
    const plan = applyOverlay(generated, all);
    this.dataset.overlay(plan);
    return plan;
  }
}

export function applySellerCancellations(
  generated: OrderPlan,
  cancellations: readonly SellerLineCancellation[],
): OrderPlan {
  return applyOverlay(
    generated,
    cancellations.map((cancellation) => ({ kind: 'seller-cancel', cancellation })),
  );
}

/**
 * The generated plan with the overlay's steps applied in time order (steps at the same instant in
 * the order they were recorded), whichever kind comes first.
 */
export function applyOverlay(generated: OrderPlan, steps: readonly OverlayStep[]): OrderPlan {
  let plan: OrderPlan = generated;
  const byTime = [...steps].sort((a, b) => stepMs(a) - stepMs(b));
  const cancelled = new Set<number>();
  const sellerCancellations: SellerLineCancellation[] = [];
  for (const step of byTime) {
    if (step.kind === 'world') {
      // An event the order as it was by then rules out changes nothing (checked again on re-derivation).
      if (worldEventRefusal(plan, step.event.kind, step.event.atMs) === undefined)
        plan = applyWorldEvent(plan, step.event);
      continue;
    }
    cancelled.add(step.cancellation.line);
    sellerCancellations.push(step.cancellation);
    plan = cancelStep(plan, cancelled, step.cancellation);
  }
  // A withdrawn request moves no lastUpdatedTime at Amazon (as the sandbox has it): not an event.
  const eventSteps = byTime.filter(
    (step) => step.kind !== 'world' || step.event.kind !== 'buyer-withdraws-request',
  );
  return { ...plan, sellerCancellations, events: eventsOf(plan, eventSteps.map(stepMs)) };
}

function stepMs(step: OverlayStep): number {
  return step.kind === 'world' ? step.event.atMs : step.cancellation.atMs;
}

function cancelStep(plan: OrderPlan, cancelled: ReadonlySet<number>, c: SellerLineCancellation): OrderPlan {
  const at = c.atMs;
  const remaining: number[] = [];
  for (let line = 0; line < plan.itemCount; line++) if (!cancelled.has(line)) remaining.push(line);
  if (remaining.length === 0) {
    // Every line cancelled: the order is cancelled by the merchant, and nothing after that happens.
    return cancelledAt(plan, at, 'MERCHANT', c.reason);
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

function eventsOf(plan: OrderPlan, stepTimes: readonly number[]): number[] {
  // A cancelled order changes no more (a pre-order's planned release after it included).
  const end = plan.cancelledMs === plan.cancelledMs ? plan.cancelledMs : Infinity;
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
    ...stepTimes,
  ]
    .filter((t) => t === t && t <= end)
    .sort((a, b) => a - b);
}
