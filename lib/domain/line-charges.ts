import { sumMoney, type Money } from './money';
import {
  LINE_CHARGE_PARTS,
  type LineChargePart,
  type LineCharges,
  type StoredOrder,
  type StoredOrderItem,
} from './order';

/** One line as the detail shows it: its parts, its total and what of the total no part explains. */
export interface LineChargeView {
  readonly orderItemId: string;
  readonly parts: LineCharges;
  /** Amazon's line total, or the sum of the parts when Amazon gave none. */
  readonly total?: Money;
  /** Total − parts, when they differ (a part Amazon did not break down, or a line stored before parts were kept). */
  readonly notBrokenDown?: Money;
}

export interface OrderChargesView {
  /** The parts any line has, in display order; `item` always. */
  readonly parts: readonly LineChargePart[];
  readonly lines: readonly LineChargeView[];
  /** Each part summed over the lines. */
  readonly sums: LineCharges;
  /** The line totals summed (lines without a total left out). */
  readonly linesTotal?: Money;
  readonly orderTotal?: Money;
  /** Order total − line totals, when they differ (e.g. an order-level charge such as a delivery tip). */
  readonly notBrokenDown?: Money;
}

/** a − b, or undefined when either is missing, they are equal, or the currencies differ. */
function difference(a: Money | undefined, b: Money | undefined): Money | undefined {
  if (!a || a.currency !== (b?.currency ?? a.currency)) return undefined;
  const amountMinor = a.amountMinor - (b?.amountMinor ?? 0);
  return amountMinor === 0 ? undefined : { amountMinor, currency: a.currency };
}

/** Sums amounts of one currency; undefined when they are in several (nothing sensible to show). */
function sameCurrencySum(values: readonly (Money | undefined)[]): Money | undefined {
  const present = values.filter((value): value is Money => value !== undefined);
  if (new Set(present.map((value) => value.currency)).size > 1) return undefined;
  return sumMoney(present);
}

function lineParts(item: StoredOrderItem): LineCharges {
  if (item.charges) return item.charges;
  // Lines stored before their parts were kept: the item price still follows from units × unit price.
  return item.unitPrice
    ? { item: { ...item.unitPrice, amountMinor: item.unitPrice.amountMinor * item.quantityOrdered } }
    : {};
}

function partsSum(parts: LineCharges): Money | undefined {
  return sameCurrencySum(LINE_CHARGE_PARTS.map((part) => parts[part]));
}

function lineView(item: StoredOrderItem): LineChargeView {
  const parts = lineParts(item);
  const sum = partsSum(parts);
  const total = item.lineTotal ?? sum;
  const notBrokenDown = total && sum ? difference(total, sum) : total;
  return { orderItemId: item.orderItemId, parts, total, ...(notBrokenDown ? { notBrokenDown } : {}) };
}

/** How the order's lines add up to its total, part by part, and what is left unexplained. */
export function orderCharges(order: StoredOrder, items: readonly StoredOrderItem[]): OrderChargesView {
  const lines = items.map(lineView);
  const parts = LINE_CHARGE_PARTS.filter(
    (part) => part === 'item' || lines.some((line) => line.parts[part] !== undefined),
  );
  const sums: Partial<Record<LineChargePart, Money>> = {};
  for (const part of parts) {
    const sum = sameCurrencySum(lines.map((line) => line.parts[part]));
    if (sum) sums[part] = sum;
  }
  const linesTotal = sameCurrencySum(lines.map((line) => line.total));
  const notBrokenDown = order.total ? difference(order.total, linesTotal) : undefined;
  return {
    parts,
    lines,
    sums,
    linesTotal,
    orderTotal: order.total,
    ...(notBrokenDown ? { notBrokenDown } : {}),
  };
}
