import type { StoredOrder, StoredOrderItem } from './order';

/** What Amazon's own order shows of a cancellation the order manager asked for. */
export type CancelSeen = 'cancelled' | 'shipped' | 'open';

export interface CancelAsked {
  readonly wholeOrder: boolean;
  readonly lines: readonly { readonly orderItemId: string }[];
}

/**
 * Reads Amazon's order (as getOrder or a sync stored it) for the cancellation asked: `cancelled`
 * when the order, or every line asked, shows a cancellation; `shipped` when the order or a line asked
 * went out instead (it can no longer be cancelled); otherwise `open` (not applied, or not yet).
 * A feed's clean processing report is never enough: this is what decides "Cancelled".
 */
export function cancelSeenInOrder(
  asked: CancelAsked,
  order: Pick<StoredOrder, 'status'>,
  items: readonly Pick<
    StoredOrderItem,
    'orderItemId' | 'quantityOrdered' | 'quantityShipped' | 'cancelledBy'
  >[],
): CancelSeen {
  if (order.status === 'CANCELLED') return 'cancelled';
  const byId = new Map(items.map((item) => [item.orderItemId, item]));
  const lines = asked.lines.map((line) => byId.get(line.orderItemId));
  if (lines.length > 0 && lines.every((item) => item?.cancelledBy)) return 'cancelled';
  if (order.status === 'SHIPPED') return 'shipped';
  const shippedLine = lines.some(
    (item) =>
      item && !item.cancelledBy && item.quantityShipped > 0 && item.quantityShipped >= item.quantityOrdered,
  );
  return shippedLine ? 'shipped' : 'open';
}
