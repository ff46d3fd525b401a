/**
 * The world moving outside the extension, for the deterministic simulator: Amazon cancels an order,
 * the seller confirms shipment in Seller Central, a buyer asks to cancel. Each event happens now on
 * Amazon's clock and is recorded in the seller-actions overlay, so the order's plan is re-derived
 * from its generated plan with every event and line cancellation in time order: its history before
 * the event stays the same and whatever the timeline planned after it that contradicts it is dropped.
 */
import type { Clock } from '../clock';
import type { OrderDataset } from './order-dataset';
import { BUYER_REQUEST_REASONS, type OrderPlan } from './order-timeline';
import { hashSeed, mulberry32, pick } from './prng';
import type { SellerActions } from './seller-actions';
import { AMAZON_CANCEL_REASON, worldEventRefusal, type WorldEventKind } from './world-event-plan';

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

  /** The buyer withdraws the open request now; the order's lastUpdatedTime stays as it was. */
  buyerWithdrawsRequest(orderId: string): boolean {
    return this.#happen(orderId, 'buyer-withdraws-request', () => '');
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
