import { openBuyerCancelRequest } from '../domain/buyer-request';
import type { BuyerCancelRequest, StoredOrder } from '../domain/order';
import { cancelActionSchema } from '../domain/outbox-action';
import { requestNeedsAnswer } from '../domain/request-reminders';
import type { OrderDb } from './order-db';
import { storedOrderSchema } from './stored-order-schema';
import { withoutUndefined } from './without-undefined';

/** The answer the decline and undo messages give: done, or why not in the seller's words. */
export type BuyerRequestAnswer = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Longest seller memo kept with a decline (the message schema enforces the same limit). */
export const DECLINE_MEMO_MAX_CHARS = 500;

const ORDER_OVER: Partial<Record<StoredOrder['status'], string>> = {
  SHIPPED: 'it has shipped',
  CANCELLED: 'it has been cancelled',
  UNFULFILLABLE: 'Amazon marked it as unfulfillable',
};

const cancelStatusSchema = cancelActionSchema.pick({
  status: true,
  kind: true,
  wholeOrder: true,
  createdAt: true,
});

/** Why the request on this order cannot be declined (or un-declined), or undefined when it can. */
function refusal(orderId: string, order: StoredOrder | undefined): string | undefined {
  if (!order) return `The order manager does not have order ${orderId}. Press Sync now, then try again.`;
  if (!order.buyerCancelRequest)
    return `The buyer has not asked to cancel order ${orderId}, so there is nothing to decline.`;
  const over = ORDER_OVER[order.status];
  if (!openBuyerCancelRequest(order) || over)
    return `The buyer's request on order ${orderId} is already over${over ? ` (${over})` : ''}: there is nothing left to answer.`;
  return undefined;
}

/**
 * Reads the order, applies `change` to its request and writes it back, in one transaction, so a sync
 * writing the same order cannot slip between the read and the write.
 */
async function changeOpenRequest(
  db: OrderDb,
  orderId: string,
  change: (request: BuyerCancelRequest) => BuyerCancelRequest,
  refuseWhileCancelling = false,
): Promise<BuyerRequestAnswer> {
  const tx = db.transaction(['orders', 'outbox'], 'readwrite');
  const orders = tx.objectStore('orders');
  const order = await orders.get(orderId);
  const refused = refusal(orderId, order);
  const request = order && openBuyerCancelRequest(order);
  if (refused !== undefined || !order || !request) {
    await tx.done;
    return { ok: false, message: refused ?? '' };
  }
  if (refuseWhileCancelling) {
    // An Accept (a cancel on its way, held for review or done) already answered: a decline would contradict it.
    const cancels = (await tx.objectStore('outbox').index('orderId').getAll(orderId)).flatMap((raw) => {
      const parsed = cancelStatusSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
    if (!requestNeedsAnswer(request, cancels)) {
      await tx.done;
      return {
        ok: false,
        message: `You are already cancelling order ${orderId} (the buyer's request is answered). To keep the order instead, open it and see where the cancel stands.`,
      };
    }
  }
  const changed: StoredOrder = { ...order, buyerCancelRequest: change(request) };
  // The record must stay readable: a bad write would hide the order from every view.
  storedOrderSchema.parse(changed);
  await orders.put(changed);
  await tx.done;
  return { ok: true };
}

/**
 * Records that the seller declined the buyer's request (keeps the order and ships). Amazon has no
 * decline call: the request stays open there, but the order manager stops asking for an answer.
 */
export function declineBuyerRequest(
  db: OrderDb,
  orderId: string,
  memo: string,
  at: string,
): Promise<BuyerRequestAnswer> {
  const trimmed = memo.trim();
  if (trimmed.length === 0 || trimmed.length > DECLINE_MEMO_MAX_CHARS)
    return Promise.resolve({
      ok: false,
      message: `Write why you are keeping the order (1 to ${DECLINE_MEMO_MAX_CHARS} characters), then decline again.`,
    });
  return changeOpenRequest(db, orderId, (request) => ({ ...request, declined: { at, memo: trimmed } }), true);
}

/** Takes back a decline: the request needs an answer again (reminders and the badge count it). */
export function undoDeclineBuyerRequest(db: OrderDb, orderId: string): Promise<BuyerRequestAnswer> {
  return changeOpenRequest(db, orderId, (request) => withoutUndefined({ ...request, declined: undefined }));
}
