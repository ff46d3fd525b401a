import type { OrderLookup, OrderSummary, ResponseOf } from '../messaging';
import { ORDER_STATUSES } from '../domain/order';
import { isOrderId } from '../domain/order-id';

// Zod-free twins of orderSummarySchema and orderLookupSchema (lib/messaging.ts) for the size-bound
// content script; test/unit/seller-central/order-summary-check.test.ts checks each pair agrees.

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isArrayOf = (value: unknown, check: (v: unknown) => boolean): boolean =>
  Array.isArray(value) && value.every(check);

const CANCEL_STATES: readonly unknown[] = ['pending', 'done', 'failed', 'needs-review'];
const STATUSES: readonly unknown[] = ORDER_STATUSES;

function isCancel(value: unknown): boolean {
  return (
    isObject(value) &&
    CANCEL_STATES.includes(value.status) &&
    isString(value.reason) &&
    optional(value.resultText, isString) &&
    typeof value.wholeOrder === 'boolean' &&
    isArrayOf(value.orderItemIds, isString)
  );
}

function isLine(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.orderItemId) &&
    optional(value.sku, isString) &&
    optional(value.title, isString) &&
    isCount(value.quantityOrdered) &&
    isCount(value.quantityShipped) &&
    isCount(value.quantityCancelled) &&
    isCount(value.quantityOpen)
  );
}

export function isOrderSummary(value: unknown): value is OrderSummary {
  if (!isObject(value)) return false;
  return (
    isString(value.orderId) &&
    isOrderId(value.orderId) &&
    typeof value.demo === 'boolean' &&
    optional(value.status, (s) => STATUSES.includes(s)) &&
    optional(value.cancel, isCancel) &&
    optional(value.lines, (lines) => isArrayOf(lines, isLine)) &&
    optional(value.cancelledOutsideManager, (c) => isObject(c) && isString(c.seenAt)) &&
    optional(value.memo, isString) &&
    optional(
      value.buyerCancelRequest,
      (b) =>
        isObject(b) &&
        isString(b.firstSeenAt) &&
        isString(b.requestedAt) &&
        isString(b.deadline) &&
        optional(b.reason, isString) &&
        optional(b.declined, (d) => isObject(d) && isString(d.at) && isString(d.memo)) &&
        optional(b.answered, (a) => a === true),
    )
  );
}

const NOT_STORED_REASONS: readonly unknown[] = ['demo', 'not-synced', 'other-account'];

export function isOrderLookup(value: unknown): value is OrderLookup {
  if (!isObject(value)) return false;
  if (value.stored === true) return isOrderSummary(value.summary);
  return (
    value.stored === false &&
    isString(value.orderId) &&
    isOrderId(value.orderId) &&
    NOT_STORED_REASONS.includes(value.reason)
  );
}

export function isSyncOrderAnswer(value: unknown): value is ResponseOf<'sync-order'> {
  if (!isObject(value)) return false;
  if (value.synced === true) return isOrderLookup(value.lookup);
  return value.synced === false && isString(value.reason);
}
