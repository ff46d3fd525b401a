import type { Clock } from '../clock';
import { cancelSeenInOrder } from '../domain/cancel-seen';
import type { OrderDb } from '../store/order-db';
import { listActions, parseAction } from '../store/outbox-store';
import { markDone, markFailed } from './action-updates';
import type { CancelAction } from '../domain/outbox-action';

export const RESOLVED_BY_SYNC_TEXT = "Cancelled: a later sync shows Amazon's order cancelled";
export const SHIPPED_BY_SYNC_TEXT =
  'Not cancelled: a later sync shows the order shipped. If the buyer should get money back, refund them in Seller Central.';

/**
 * Settles cancellations that wait for Amazon's word (under review, or confirming) from what the sync
 * has stored since: the order (or every line asked) cancelled → done; shipped instead → failed. One
 * transaction per action, reading the order and its lines in it.
 */
export async function reconcileWithStoredOrders(ctx: { db: OrderDb; clock: Pick<Clock, 'now'> }) {
  const tally = { done: 0, failed: 0 };
  const waiting: CancelAction[] = [
    ...(await listActions(ctx.db, { status: 'needs-review' })),
    ...(await listActions(ctx.db, { status: 'pending' })).filter((action) => action.confirming),
  ];
  for (const action of waiting) {
    const now = new Date(ctx.clock.now()).toISOString();
    const tx = ctx.db.transaction(['orders', 'orderItems', 'outbox'], 'readwrite');
    const [order, items, raw] = await Promise.all([
      tx.objectStore('orders').get(action.orderId),
      tx.objectStore('orderItems').index('orderId').getAll(action.orderId),
      tx.objectStore('outbox').get(action.id),
    ]);
    const current = raw && parseAction(raw);
    const stillWaiting =
      current && (current.status === 'needs-review' || (current.status === 'pending' && current.confirming));
    if (order && current && stillWaiting) {
      const verdict = cancelSeenInOrder(current, order, items);
      if (verdict === 'cancelled') {
        await tx.objectStore('outbox').put(markDone(current, RESOLVED_BY_SYNC_TEXT, now));
        tally.done += 1;
      } else if (verdict === 'shipped') {
        await tx.objectStore('outbox').put(markFailed(current, SHIPPED_BY_SYNC_TEXT, now, 'shipped'));
        tally.failed += 1;
      }
    }
    await tx.done;
  }
  return tally;
}
