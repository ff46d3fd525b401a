/**
 * The world moving outside the extension, for the deterministic simulator: Amazon cancels an order,
 * the seller confirms shipment in Seller Central, a buyer asks to cancel. Each event happens now on
 * Amazon's clock and is recorded in the seller-actions overlay, so the order's plan is re-derived
 * from its generated plan with every event and line cancellation in time order: its history before
 * the event stays the same and whatever the timeline planned after it that contradicts it is dropped.
 */
import type { Clock } from '../clock';
import type { OrderDataset } from './order-dataset';
import {
  BUYER_REQUEST_REASONS,
  cancelledAt,
  statusAt,
  type FulfillmentStatus,
  type OrderPlan,
} from './order-timeline';
import { hashSeed, mulberry32, pick } from './prng';
import type { SellerActions } from './seller-actions';

export type WorldEventKind = 'amazon-cancel' | 'ship-elsewhere' | 'buyer-request';

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
  return undefined;
}

/** Applies world events to the sandbox's orders at Amazon's now. */
export class WorldEvents {
  constructor(
    private readonly dataset: OrderDataset,
    private readonly actions: SellerActions,
    private readonly clock: Clock,
    /** Runs feeds due by now first, so events and line cancellations apply in time order. */
    private readonly settle: () => void,
  ) {}

  amazonCancelsOrder(orderId: string): boolean {
    return this.#happen(orderId, 'amazon-cancel', () => AMAZON_CANCEL_REASON);
  }

  shipElsewhere(orderId: string): boolean {
    return this.#happen(orderId, 'ship-elsewhere', () => '');
  }

  buyerRequestsCancel(orderId: string): boolean {
    return this.#happen(orderId, 'buyer-request', (plan, at) =>
      // Seeded by the order and the second it happens: the same run always gives the same words.
      pick(
        mulberry32(hashSeed(this.dataset.seed, plan.index, Math.floor(at / 1000), 0xb7e)),
        BUYER_REQUEST_REASONS,
      ),
    );
  }

  #happen(orderId: string, kind: WorldEventKind, reason: (plan: OrderPlan, at: number) => string): boolean {
    this.settle();
    const at = this.clock.now();
    const plan = this.dataset.byId(orderId);
    if (worldEventRefusal(plan, kind, at) !== undefined || !plan) return false;
    this.actions.recordWorldEvent(orderId, { kind, atMs: at, reason: reason(plan, at) });
    return true;
  }
}
