/** The seeded set of orders: plans in creation order plus an id index. */
import { raiseBuyerRequests, type BuyerRequestRaising } from './buyer-cancel-requests';
import { buildCatalog, type CatalogProduct } from './catalog';
import { planOrder, streamOrderCount, type OrderPlan } from './order-timeline';

export interface OrderDataset {
  readonly seed: number;
  readonly anchorMs: number;
  readonly catalog: readonly CatalogProduct[];
  /** Ascending createdMs (index order); includes orders that arrive after the anchor. */
  readonly plans: readonly OrderPlan[];
  byId(orderId: string): OrderPlan | undefined;
  /** First position whose createdMs ≥ ms. */
  firstCreatedAtOrAfter(ms: number): number;
  /** Replaces the plan at plan.index with one re-derived from seller actions (seller-actions.ts). */
  overlay(plan: OrderPlan): void;
}

export function buildOrderDataset(
  seed: number,
  orderCount: number,
  anchorMs: number,
  /** Raise buyer cancellation requests beyond the generated ones (opt-in; see buyer-cancel-requests.ts). */
  buyerRequests?: BuyerRequestRaising,
): OrderDataset {
  const total = orderCount + streamOrderCount(orderCount);
  const plans: OrderPlan[] = new Array(total);
  const ids = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const plan = planOrder(seed, i, orderCount, anchorMs);
    plans[i] = plan;
    ids.set(plan.orderId, i);
  }
  if (buyerRequests) raiseBuyerRequests(seed, plans, anchorMs, buyerRequests);
  return {
    seed,
    anchorMs,
    catalog: buildCatalog(seed),
    plans,
    byId: (orderId) => {
      const i = ids.get(orderId);
      return i === undefined ? undefined : plans[i];
    },
    overlay: (plan) => {
      if (plans[plan.index]?.orderId !== plan.orderId) throw new Error(`No order ${plan.orderId} to overlay`);
      plans[plan.index] = plan;
    },
    firstCreatedAtOrAfter: (ms) => {
      let lo = 0;
      let hi = plans.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (plans[mid]!.createdMs < ms) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
