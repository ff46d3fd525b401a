import type { StoredOrderItem } from './order';

/** A line with the units to cancel, as the whole-order rule reads it. */
export interface LineQuantity {
  readonly orderItemId: string;
  readonly quantity: number;
}

/**
 * Whether cancelling these lines cancels the whole order: every line of the order, each with every
 * unit ordered. A line shipped in part, or already (being) cancelled, makes it a cancel of chosen lines.
 */
export function isWholeOrderCancel(
  items: readonly Pick<StoredOrderItem, 'orderItemId' | 'quantityOrdered'>[],
  lines: readonly LineQuantity[],
): boolean {
  return (
    items.length > 0 &&
    items.every((item) =>
      lines.some((line) => line.orderItemId === item.orderItemId && line.quantity === item.quantityOrdered),
    )
  );
}

/** What a whole-order cancel sends: every line that can still be cancelled, with all its units. */
export function wholeOrderCancelLines(cancellableLines: readonly LineQuantity[]): LineQuantity[] {
  return cancellableLines.map(({ orderItemId, quantity }) => ({ orderItemId, quantity }));
}

/** Whether the whole order can still be cancelled: nothing of it has shipped or is being cancelled. */
export function canCancelWholeOrder(
  items: readonly Pick<StoredOrderItem, 'orderItemId' | 'quantityOrdered'>[],
  cancellableLines: readonly LineQuantity[],
): boolean {
  return isWholeOrderCancel(items, wholeOrderCancelLines(cancellableLines));
}
