import type { StoredOrder } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { makeOrder, type OrderSpec } from './order-fixtures';

/** A merchant-fulfilled, unshipped order with two lines (3 mugs, 1 tea tin). */
export function twoLineOrder(spec: Partial<OrderSpec> = {}) {
  return makeOrder({
    orderId: '111-2222222-3333333',
    purchaseDate: '2026-11-20T10:00:00Z',
    items: [
      { sku: 'MUG-RED', title: 'Red ceramic mug', quantityOrdered: 3 },
      { sku: 'TEA-GRN', title: 'Green tea tin', quantityOrdered: 1 },
    ],
    ...spec,
  });
}

export function cancelAction(order: StoredOrder, patch: Partial<CancelAction> = {}): CancelAction {
  return {
    kind: 'cancel',
    id: 'action-1',
    orderId: order.orderId,
    marketplaceId: order.marketplaceId,
    lines: [{ orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' }],
    wholeOrder: false,
    reason: 'NoInventory',
    createdAt: '2026-11-21T09:00:00Z',
    status: 'pending',
    updatedAt: '2026-11-21T09:00:00Z',
    ...patch,
  };
}
