import type { Clock } from '../clock';
import { cancelEligibility } from '../domain/cancel-eligibility';
import type { CancelReason } from '../domain/cancel-reason';
import type { OrderDb } from '../store/order-db';
import { parseAction } from '../store/outbox-store';
import { CancelRefusedError } from './cancel-refused-error';
import { cancelActionSchema, type CancelAction } from './outbox-records';

export interface CancelRequest {
  readonly orderId: string;
  /** Lines to cancel; omitted means every line that can still be cancelled. Quantity defaults to all unshipped. */
  readonly lines?: readonly { readonly orderItemId: string; readonly quantity?: number }[];
  readonly reason: CancelReason;
  readonly memo?: string;
  /** Merchant-fulfilled SKUs (of the cancelled lines) to set to stock 0; reason NoInventory only. */
  readonly zeroStockSkus?: readonly string[];
  /** Idempotency key chosen by the caller, so a repeated request queues nothing twice. */
  readonly id?: string;
}

export interface EnqueueOptions {
  readonly clock?: Pick<Clock, 'now'>;
  readonly newId?: () => string;
}

/**
 * Queues a cancellation: checks it against the stored order, its lines and the actions already
 * queued, and writes it as a pending outbox action, all in one transaction, so two quick requests
 * can never both queue the same line.
 */
export async function enqueueCancel(
  db: OrderDb,
  input: CancelRequest,
  options: EnqueueOptions = {},
): Promise<CancelAction> {
  const now = new Date((options.clock ?? Date).now()).toISOString();
  const id = input.id ?? (options.newId ?? (() => crypto.randomUUID()))();
  const tx = db.transaction(['orders', 'orderItems', 'outbox'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const [order, items, rawActions, existing] = await Promise.all([
      tx.objectStore('orders').get(input.orderId),
      tx.objectStore('orderItems').index('orderId').getAll(input.orderId),
      tx.objectStore('outbox').index('orderId').getAll(input.orderId),
      tx.objectStore('outbox').get(id),
    ]);
    if (existing) {
      const action = parseAction(existing);
      if (action.orderId !== input.orderId) throw new CancelRefusedError('This request id is already used');
      await tx.done;
      return action;
    }
    if (!order) throw new CancelRefusedError(`Order ${input.orderId} is not in the order manager`);
    if (order.detailLevel === 'report') {
      // The order report gives no order item ids, and a feed needs Amazon's real ones.
      throw new CancelRefusedError(
        "The order manager has not read this order's items from Amazon yet, so it cannot name them in a " +
          'cancellation. Open the order again in a moment (it reads them first), then cancel.',
      );
    }
    const actions = rawActions.map(parseAction);
    const eligibility = cancelEligibility(order, items, actions);
    if (!eligibility.canCancel)
      throw new CancelRefusedError(eligibility.reason ?? 'This order cannot be cancelled');

    const cancellable = new Map(eligibility.cancellableLines.map((line) => [line.orderItemId, line]));
    const requested: readonly { orderItemId: string; quantity?: number }[] =
      input.lines ?? eligibility.cancellableLines.map((line) => ({ orderItemId: line.orderItemId }));
    if (requested.length === 0) throw new CancelRefusedError('Choose at least one line to cancel');
    const seen = new Set<string>();
    const lines = requested.map((request) => {
      if (seen.has(request.orderItemId))
        throw new CancelRefusedError(`Line ${request.orderItemId} is listed twice`);
      seen.add(request.orderItemId);
      const line = cancellable.get(request.orderItemId);
      if (!line) {
        const pending = actions.some(
          (action) =>
            (action.status === 'pending' || action.status === 'needs-review') &&
            action.lines.some((l) => l.orderItemId === request.orderItemId),
        );
        throw new CancelRefusedError(
          pending
            ? `A cancellation is already pending for line ${request.orderItemId}`
            : `Line ${request.orderItemId} cannot be cancelled (shipped, cancelled or not part of the order)`,
        );
      }
      const quantity = request.quantity ?? line.quantity;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > line.quantity) {
        throw new CancelRefusedError(
          `Line ${request.orderItemId}: between 1 and ${line.quantity} can be cancelled, not ${quantity}`,
        );
      }
      return {
        orderItemId: line.orderItemId,
        quantity,
        quantityOrdered: line.quantityOrdered,
        ...(line.sku ? { sku: line.sku } : {}),
      };
    });
    const wholeOrder =
      items.length > 0 &&
      items.every((item) =>
        lines.some((line) => line.orderItemId === item.orderItemId && line.quantity === item.quantityOrdered),
      );

    const zeroStockSkus = [...new Set(input.zeroStockSkus ?? [])];
    if (zeroStockSkus.length) {
      if (input.reason !== 'NoInventory') {
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

    const memo = input.memo?.trim();
    if (memo && memo.length > 1000) throw new CancelRefusedError('The memo is longer than 1000 characters');
    const action = cancelActionSchema.parse({
      kind: 'cancel',
      id,
      orderId: order.orderId,
      marketplaceId: order.marketplaceId,
      lines,
      wholeOrder,
      reason: input.reason,
      ...(memo ? { memo } : {}),
      ...(zeroStockSkus.length ? { zeroStockSkus } : {}),
      createdAt: now,
      status: 'pending',
      attempt: 1,
      updatedAt: now,
    });
    await tx.objectStore('outbox').add(action);
    await tx.done;
    return action;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}
