import type { OrderSubType } from './order';

export interface SubTypeInput {
  readonly isPrime?: boolean;
  readonly isBusiness: boolean;
  readonly serviceLevel?: string;
}

/** SECOND_DAY from the Orders API, "SecondDay" / "Second Day" from reports. */
export function isSecondDay(serviceLevel: string | undefined): boolean {
  if (!serviceLevel) return false;
  return serviceLevel.replace(/[\s_-]/g, '').toLowerCase() === 'secondday';
}

/**
 * Whether the order's sub-types can be told at all: only the Orders API (or a report with an
 * is-prime column) says whether an order is Prime; until then it is of no known type, not Standard.
 */
export function isSubTypeKnown(order: { readonly isPrime?: boolean }): boolean {
  return order.isPrime !== undefined;
}

/**
 * The sub-types an order belongs to. Business Prime is an order with both flags; it also counts as
 * Prime and as Business so that each filter finds it. Standard means none of the others. An order
 * whose Prime flag is unknown has none: guessing Standard put report-only orders under Standard.
 */
export function orderSubTypes(order: SubTypeInput): OrderSubType[] {
  if (!isSubTypeKnown(order)) return [];
  const types: OrderSubType[] = [];
  if (order.isPrime) types.push('prime');
  if (order.isBusiness) types.push('business');
  if (order.isPrime && order.isBusiness) types.push('business-prime');
  if (isSecondDay(order.serviceLevel)) types.push('second-day');
  if (types.length === 0) types.push('standard');
  return types;
}

export const SUB_TYPE_LABELS: Record<OrderSubType, string> = {
  prime: 'Prime',
  business: 'Business',
  'business-prime': 'Business Prime',
  'second-day': 'Second Day',
  standard: 'Standard',
};
