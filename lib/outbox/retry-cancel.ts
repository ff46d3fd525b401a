import type { Clock } from '../clock';
import { cancelEligibility } from '../domain/cancel-eligibility';
import type { OrderDb } from '../store/order-db';
import { parseAction } from '../store/outbox-store';
import { CancelRefusedError } from './cancel-refused-error';
import { markDone, markFailed } from './action-updates';
import type { CancelAction } from '../domain/outbox-action';

/**
 * Queues a failed cancellation again under the same idempotency key as a new attempt. Only a
 * definite failure (Amazon's error result, a rejected or cancelled feed) can be retried: a done
 * action is never resent, and one under review must first be resolved by the seller.
 */
export async function retryCancel(
  db: OrderDb,
  actionId: string,
  options: { clock?: Pick<Clock, 'now'>; sendAgain?: boolean } = {},
): Promise<CancelAction> {
  const now = new Date((options.clock ?? Date).now()).toISOString();
  const tx = db.transaction(['orders', 'orderItems', 'outbox'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const raw = await tx.objectStore('outbox').get(actionId);
    if (!raw) throw new CancelRefusedError('This cancellation no longer exists');
    const action = parseAction(raw);
    if (action.status === 'pending') {
      await tx.done;
      return action;
    }
    if (action.status === 'done')
      throw new CancelRefusedError('This cancellation is already done; it is never sent twice');
    if (action.replacedBy)
      throw new CancelRefusedError(
        'This cancellation was replaced by an edited one; the edited one is the one that is sent',
      );
    if (action.status === 'needs-review' && !(options.sendAgain && action.sendAgainAllowed)) {
      throw new CancelRefusedError(
        options.sendAgain
          ? 'This cancellation cannot be sent again: a feed of the order manager may still be on its way at Amazon'
          : 'Check this cancellation in Seller Central and mark it done or failed first',
      );
    }
    const [order, items, rawActions] = await Promise.all([
      tx.objectStore('orders').get(action.orderId),
      tx.objectStore('orderItems').index('orderId').getAll(action.orderId),
      tx.objectStore('outbox').index('orderId').getAll(action.orderId),
    ]);
    if (!order) throw new CancelRefusedError(`Order ${action.orderId} is not in the order manager`);
    const others = rawActions.map(parseAction).filter((other) => other.id !== action.id);
    const eligibility = cancelEligibility(order, items, others);
    if (!eligibility.canCancel)
      throw new CancelRefusedError(eligibility.reason ?? 'This order cannot be cancelled');
    for (const line of action.lines) {
      const open = eligibility.cancellableLines.find((l) => l.orderItemId === line.orderItemId);
      if (!open || open.quantity < line.quantity) {
        const name = line.sku ? `The line with SKU ${line.sku}` : 'A line of this cancellation';
        throw new CancelRefusedError(
          `${name} can no longer be cancelled as asked (shipped, cancelled or changed since). Open the order to see what is left.`,
        );
      }
    }
    const {
      submissionId: _s,
      feedId: _f,
      resultText,
      failure: _failure,
      zeroStock: _z,
      problem: _p,
      confirming: _c,
      sendAgainAllowed: _a,
      suspectedDuplicateFeedIds: _d,
      ...rest
    } = action;
    const retried: CancelAction = {
      ...rest,
      status: 'pending',
      attempt: (action.attempt ?? 1) + 1,
      previousResults: [...(action.previousResults ?? []), resultText ?? 'Failed'],
      updatedAt: now,
    };
    await tx.objectStore('outbox').put(retried);
    await tx.done;
    return retried;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    throw error;
  }
}

/**
 * The seller's verdict on a cancellation under review (checked in Seller Central): done, or failed
 * (which then allows a retry). Only a needs-review action can be resolved.
 */
export async function resolveNeedsReview(
  db: OrderDb,
  actionId: string,
  verdict: 'done' | 'failed',
  options: { clock?: Pick<Clock, 'now'> } = {},
): Promise<CancelAction> {
  const now = new Date((options.clock ?? Date).now()).toISOString();
  const tx = db.transaction('outbox', 'readwrite');
  const raw = await tx.store.get(actionId);
  if (!raw) throw new CancelRefusedError('This cancellation no longer exists');
  const action = parseAction(raw);
  if (action.status !== 'needs-review')
    throw new CancelRefusedError('Only a cancellation under review can be resolved');
  // Marked done by the seller: the stock change asked for with it is made now as well.
  const resolved: CancelAction =
    verdict === 'done'
      ? markDone(action, 'Confirmed cancelled by the seller after review', now)
      : {
          ...markFailed(action, 'Marked not cancelled by the seller after review', now),
          failure: 'not-applied',
        };
  await tx.store.put(resolved);
  await tx.done;
  return resolved;
}

/**
 * "Send again" for a cancellation under review: allowed only when the outbox recorded that no feed of
 * ours can still be in flight (`sendAgainAllowed`), so a second cancel can never race the first. One
 * transaction, like a retry.
 */
export function sendAgain(
  db: OrderDb,
  actionId: string,
  options: { clock?: Pick<Clock, 'now'> } = {},
): Promise<CancelAction> {
  return retryCancel(db, actionId, { ...options, sendAgain: true });
}
