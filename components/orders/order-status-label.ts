import type { OrderStatus } from '../../lib/domain/order';

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_AVAILABILITY: 'Pending availability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'Partially shipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Cancelled',
  UNFULFILLABLE: 'Unfulfillable',
};
