import type { OrderSummary } from '../messaging';

/** One line of an order as the summary describes it. */
export type SummaryLine = NonNullable<OrderSummary['lines']>[number];

/** How a seller recognises a line: its SKU, else its title, else Amazon's item id. */
export function lineName(line: SummaryLine): string {
  return line.sku ?? line.title ?? `item ${line.orderItemId}`;
}

/** Lines the order manager's finished cancels took units off. */
export function cancelledLines(summary: OrderSummary): SummaryLine[] {
  return (summary.lines ?? []).filter((line) => line.quantityCancelled > 0);
}

/** Lines with units still to ship. */
export function openLines(summary: OrderSummary): SummaryLine[] {
  return (summary.lines ?? []).filter((line) => line.quantityOpen > 0);
}

/** True when the manager's done cancels left nothing of the order to ship (a whole-order cancel). */
export function nothingLeftToShip(summary: OrderSummary): boolean {
  const lines = summary.lines ?? [];
  if (lines.length === 0) return summary.cancel?.status === 'done' && summary.cancel.wholeOrder;
  return cancelledLines(summary).length > 0 && openLines(summary).length === 0;
}

/** "MUG-RED" for a line cancelled in full, "MUG-RED (1 of 3 units)" when part of it was. */
export function cancelledLineText(line: SummaryLine): string {
  const unshipped = line.quantityOrdered - line.quantityShipped;
  return line.quantityCancelled >= unshipped
    ? lineName(line)
    : `${lineName(line)} (${line.quantityCancelled} of ${line.quantityOrdered} units)`;
}

/** "MUG-BLUE (2 to ship)". */
export function openLineText(line: SummaryLine): string {
  return `${lineName(line)} (${line.quantityOpen} to ship)`;
}

/**
 * What the summary's current cancel is for, in words: undefined for the whole order, else
 * "1 of 3 lines (MUG-RED)".
 */
export function cancelScope(summary: OrderSummary): string | undefined {
  const cancel = summary.cancel;
  const lines = summary.lines ?? [];
  if (!cancel || cancel.wholeOrder || lines.length === 0) return undefined;
  const ids = new Set(cancel.orderItemIds);
  if (ids.size >= lines.length) return undefined;
  const names = lines.filter((line) => ids.has(line.orderItemId)).map(lineName);
  const count = `${ids.size} of ${lines.length} lines`;
  return names.length > 0 ? `${count} (${names.join(', ')})` : count;
}
