import type { Clock } from '../clock';
import type { OrderDb } from '../store/order-db';
import { parseAction } from '../store/outbox-store';
import { buildCancelAction, repeatedCancelRequest } from './build-cancel-action';
import type { CancelAction } from '../domain/outbox-action';
import type { CancelRequest } from '../domain/cancel-request';

export type { CancelRequest } from '../domain/cancel-request';

export interface EnqueueOptions {
  readonly clock?: Pick<Clock, 'now'>;
  readonly newId?: () => string;
}

/**
 * Queues a cancellation: checks it against the stored order, its lines and the actions already
 * queued (buildCancelAction), and writes it as a pending outbox action, all in one transaction, so
 * two quick requests can never both queue the same line.
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
      const action = repeatedCancelRequest(parseAction(existing), input);
      await tx.done;
      return action;
    }
    const action = buildCancelAction(
      input,
      { order, items, actions: rawActions.map(parseAction) },
      { id, now },
    );
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
