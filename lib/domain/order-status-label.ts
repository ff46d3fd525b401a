import type { OrderStatus } from './order';

/** How the manager's views and the Seller Central panel name each order status. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING_AVAILABILITY: 'Pending availability',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'Partially shipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Cancelled',
  UNFULFILLABLE: 'Unfulfillable',
};
