/**
 * What an event of the world (Amazon cancels, shipped in Seller Central, a buyer asks to cancel) does
 * to an order's plan, and when it may happen: pure rules, shared by the overlay that re-derives plans
 * (seller-actions.ts) and the simulator's event source (world-events.ts).
 */
import { cancelledAt, statusAt, type FulfillmentStatus, type OrderPlan } from './order-timeline';

export type WorldEventKind = 'amazon-cancel' | 'ship-elsewhere' | 'buyer-request' | 'buyer-withdraws-request';

/** One event of the world applied to an order at atMs (reason: Amazon's or the buyer's words). */
export interface WorldEvent {
  readonly kind: WorldEventKind;
  readonly atMs: number;
  readonly reason: string;
}

/** The reason Amazon gives when it cancels an order whose payment failed (as the generated plans do). */
export const AMAZON_CANCEL_REASON = 'Payment could not be authorized';

const DAY = 24 * 60 * 60_000;

/** Statuses from which each event may happen (checked on the order as it is now). */
const ALLOWED: Record<WorldEventKind, readonly FulfillmentStatus[]> = {
  // Amazon cancels before anything ships (payment failed, or Amazon's own checks).
  'amazon-cancel': ['PENDING_AVAILABILITY', 'PENDING', 'UNSHIPPED'],
  // Shipment can be confirmed once payment cleared, while some line is still unshipped.
  'ship-elsewhere': ['UNSHIPPED', 'PARTIALLY_SHIPPED'],
  // A cancellation request is about an order nothing of which has shipped yet.
  'buyer-request': ['UNSHIPPED'],
  // A request stays open on the lines not shipped yet, so it can be withdrawn until the order ships.
  'buyer-withdraws-request': ['UNSHIPPED', 'PARTIALLY_SHIPPED'],
};

/** The plan with the event applied at event.atMs; everything before atMs is unchanged. */
export function applyWorldEvent(plan: OrderPlan, event: WorldEvent): OrderPlan {
  const at = event.atMs;
  const later = (ms: number) => (ms > at ? NaN : ms);
  switch (event.kind) {
    case 'amazon-cancel':
      // Cancelled now: nothing planned after it (payment, shipment, delivery, requests) happens.
      return cancelledAt(plan, at, 'AMAZON', event.reason);
    case 'ship-elsewhere': {
      // Delivery keeps the planned transit time, counted from the new shipment.
      const transitMs =
        plan.deliveredMs === plan.deliveredMs && plan.shippedMs === plan.shippedMs
          ? plan.deliveredMs - plan.shippedMs
          : 2 * DAY;
      return {
        ...plan,
        partialShipMs: plan.partialShipMs < at ? plan.partialShipMs : NaN,
        shippedMs: at,
        deliveredMs: at + Math.max(1, transitMs),
        cancelledMs: NaN,
        cancelledBy: '',
        cancelReason: '',
        unfulfillableMs: later(plan.unfulfillableMs),
        buyerRequestMs: later(plan.buyerRequestMs),
        buyerRequestReason: plan.buyerRequestMs <= at ? plan.buyerRequestReason : '',
      };
    }
    case 'buyer-request':
      // A request planned for later comes now instead; what the seller then does stays planned.
      return {
        ...plan,
        buyerRequestMs: at,
        buyerRequestReason: plan.buyerRequestReason || event.reason,
      };
    case 'buyer-withdraws-request':
      // Only the request goes away; nothing else about the order changes (see eventsOf in seller-actions.ts).
      return { ...plan, buyerRequestWithdrawnMs: at };
  }
}

/** Why an event cannot happen to an order now, or undefined when it can. */
export function worldEventRefusal(
  plan: OrderPlan | undefined,
  kind: WorldEventKind,
  nowMs: number,
): string | undefined {
  if (!plan || plan.createdMs > nowMs) return 'unknown or not yet created';
  if (kind !== 'amazon-cancel' && plan.fulfilledBy !== 'MERCHANT') return 'fulfilled by Amazon';
  const status = statusAt(plan, nowMs);
  if (!ALLOWED[kind].includes(status)) return `status ${status}`;
  if (kind === 'buyer-request' && plan.buyerRequestMs <= nowMs) return 'the buyer already asked';
  if (kind === 'buyer-withdraws-request' && !(plan.buyerRequestMs <= nowMs)) return 'the buyer has not asked';
  if (kind === 'buyer-withdraws-request' && (plan.buyerRequestWithdrawnMs ?? NaN) <= nowMs)
    return 'the buyer already withdrew';
  return undefined;
}
