import { cancelEligibility, type CancellableLine } from '../domain/cancel-eligibility';
import { CANCEL_MEMO_MAX_LENGTH, type CancelRequest, type CancelRequestLine } from '../domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../domain/order';
import { isWholeOrderCancel, wholeOrderCancelLines } from '../domain/whole-order-cancel';
import { CancelRefusedError } from './cancel-refused-error';
import { cancelActionSchema, type CancelAction } from '../domain/outbox-action';

/** What the store holds for the order a request names, read in the transaction that queues it. */
export interface StoredCancelContext {
  readonly order: StoredOrder | undefined;
  readonly items: readonly StoredOrderItem[];
  /** The order's outbox actions. */
  readonly actions: readonly CancelAction[];
}

/**
 * The answer to a request whose id is already queued: the same action (a double click or a retried
 * submit queues nothing twice), or a refusal when the id belongs to another order.
 */
export function repeatedCancelRequest(existing: CancelAction, request: CancelRequest): CancelAction {
  if (existing.orderId !== request.orderId) throw new CancelRefusedError('This request id is already used');
  return existing;
}

/** A line nothing of which has shipped: the only kind Amazon is known to cancel. */
function isWholeLine(line: CancellableLine): boolean {
  return line.quantity === line.quantityOrdered;
}

/**
 * Checks a cancel request against the stored order, its lines and the actions already queued, and
 * builds the pending outbox action; throws CancelRefusedError saying why in plain words. Pure, so the
 * outbox and the views' in-memory double queue by the same rules.
 */
export function buildCancelAction(
  request: CancelRequest,
  stored: StoredCancelContext,
  queued: { readonly id: string; readonly now: string },
): CancelAction {
  const { order, items, actions } = stored;
  if (!order) throw new CancelRefusedError(`Order ${request.orderId} is not in the order manager`);
  if (order.detailLevel === 'report') {
    // The order report gives no order item ids, and a feed needs Amazon's real ones.
    throw new CancelRefusedError(
      "The order manager has not read this order's items from Amazon yet, so it cannot name them in a " +
        'cancellation. Open the order again in a moment (it reads them first), then cancel.',
    );
  }
  const eligibility = cancelEligibility(order, items, actions);
  if (!eligibility.canCancel)
    throw new CancelRefusedError(eligibility.reason ?? 'This order cannot be cancelled');

  const cancellable = new Map(eligibility.cancellableLines.map((line) => [line.orderItemId, line]));
  const requested: readonly CancelRequestLine[] =
    request.lines ?? wholeOrderCancelLines(eligibility.cancellableLines.filter(isWholeLine));
  if (requested.length === 0) throw new CancelRefusedError('Choose at least one line to cancel');
  // Seller-facing: a line is named by its SKU, never by Amazon's internal item id.
  const skuOf = (orderItemId: string) => items.find((item) => item.orderItemId === orderItemId)?.sku;
  const named = (line: { sku?: string }) => (line.sku ? `The line with SKU ${line.sku}` : 'A chosen line');
  const namedById = (orderItemId: string) => named({ sku: skuOf(orderItemId) });
  const seen = new Set<string>();
  const lines = requested.map((asked) => {
    if (seen.has(asked.orderItemId))
      throw new CancelRefusedError(`${namedById(asked.orderItemId)} is listed twice`);
    seen.add(asked.orderItemId);
    const line = cancellable.get(asked.orderItemId);
    if (!line) {
      const pending = actions.some(
        (action) =>
          (action.status === 'pending' || action.status === 'needs-review') &&
          action.lines.some((l) => l.orderItemId === asked.orderItemId),
      );
      throw new CancelRefusedError(
        pending
          ? `A cancellation is already pending for ${namedById(asked.orderItemId).replace(/^The/, 'the')}`
          : `${namedById(asked.orderItemId)} cannot be cancelled (shipped, cancelled or not part of the order)`,
      );
    }
    // Amazon is only known to cancel whole lines (a part quantity is refused): every unit, or none.
    if (!isWholeLine(line)) {
      throw new CancelRefusedError(
        `${named(line)} has shipped ${line.quantityOrdered - line.quantity} of its ${line.quantityOrdered} units; ` +
          'only lines with nothing shipped can be cancelled. Refund the rest in Seller Central after it ships.',
      );
    }
    const quantity = asked.quantity ?? line.quantity;
    if (quantity !== line.quantity) {
      throw new CancelRefusedError(
        `${named(line)} can only be cancelled whole: all ${line.quantity} units, not ${quantity}`,
      );
    }
    return {
      orderItemId: line.orderItemId,
      quantity,
      quantityOrdered: line.quantityOrdered,
      ...(line.sku ? { sku: line.sku } : {}),
    };
  });

  const zeroStockSkus = [...new Set(request.zeroStockSkus ?? [])];
  if (zeroStockSkus.length) {
    if (request.reason !== 'NoInventory') {
      throw new CancelRefusedError('Stock can only be set to 0 when the reason is "No inventory"');
    }
    if (order.fulfilledBy !== 'MERCHANT') {
      throw new CancelRefusedError(
        'Stock is only set to 0 for merchant-fulfilled orders; Amazon-fulfilled stock is never touched',
      );
    }
    const lineSkus = new Set(lines.map((line) => line.sku));
    const stray = zeroStockSkus.find((sku) => !lineSkus.has(sku));
    if (stray) throw new CancelRefusedError(`SKU ${stray} is not one of the cancelled lines`);
  }

  const memo = request.memo?.trim();
  if (memo && memo.length > CANCEL_MEMO_MAX_LENGTH)
    throw new CancelRefusedError(`The memo is longer than ${CANCEL_MEMO_MAX_LENGTH} characters`);
  return cancelActionSchema.parse({
    kind: 'cancel',
    id: queued.id,
    orderId: order.orderId,
    marketplaceId: order.marketplaceId,
    lines,
    wholeOrder: isWholeOrderCancel(items, lines),
    reason: request.reason,
    ...(memo ? { memo } : {}),
    ...(zeroStockSkus.length ? { zeroStockSkus } : {}),
    createdAt: queued.now,
    status: 'pending',
    attempt: 1,
    updatedAt: queued.now,
  });
}
