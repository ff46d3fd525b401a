/**
 * Amazon's own view of an order at a time, for the simulator's invariants. Built from the same
 * functions that render searchOrders/getOrder answers (statusAt, lastUpdatedAt, plannedItems,
 * lineStateAt), so the truth cannot drift from what the API says.
 */
import { SANDBOX_MARKETPLACES } from './marketplaces';
import type { OrderDataset } from './order-dataset';
import { plannedItems } from './order-items';
import { lastUpdatedAt, statusAt, type FulfillmentStatus } from './order-timeline';
import { lineStateAt } from './order-view';

export interface OrderTruthLine {
  orderItemId: string;
  quantityOrdered: number;
  cancelled: boolean;
  shipped: boolean;
}

export interface OrderTruth {
  orderId: string;
  marketplaceId: string;
  channel: 'AMAZON' | 'NON_AMAZON';
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  createdMs: number;
  status: FulfillmentStatus;
  /** Exact milliseconds; the API's lastUpdatedTime is this to the whole second. */
  lastUpdatedMs: number;
  lines: OrderTruthLine[];
}

/** The order at atMs, or undefined when it is unknown or not yet created then. */
export function orderTruthAt(dataset: OrderDataset, orderId: string, atMs: number): OrderTruth | undefined {
  const plan = dataset.byId(orderId);
  if (!plan || plan.createdMs > atMs) return undefined;
  const status = statusAt(plan, atMs);
  return {
    orderId: plan.orderId,
    marketplaceId: SANDBOX_MARKETPLACES[plan.marketplaceIndex]!.id,
    channel: plan.channel,
    fulfilledBy: plan.fulfilledBy,
    createdMs: plan.createdMs,
    status,
    lastUpdatedMs: lastUpdatedAt(plan, atMs),
    lines: plannedItems(dataset.seed, plan, dataset.catalog).map((item, line) => {
      const state = lineStateAt(plan, line, status, atMs);
      return {
        orderItemId: item.orderItemId,
        quantityOrdered: item.quantity,
        cancelled: state.cancelled,
        shipped: state.shipped,
      };
    }),
  };
}
