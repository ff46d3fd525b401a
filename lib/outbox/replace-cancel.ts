import type { Clock } from '../clock';
import type { CancelRequest } from '../domain/cancel-request';
import type { CancelAction } from '../domain/outbox-action';
import type { OrderDb } from '../store/order-db';
import { parseAction } from '../store/outbox-store';
import { withoutUndefined } from '../store/without-undefined';
import { buildCancelAction } from './build-cancel-action';
import { CancelRefusedError } from './cancel-refused-error';

export interface ReplaceOptions {
  readonly clock?: Pick<Clock, 'now'>;
  readonly newId?: () => string;
}

/** The pending action that replaced a failed one, and the failed one as it is now stored. */
export interface ReplacedCancel {
  readonly replacement: CancelAction;
  readonly replaced: CancelAction;
}

/**
 * "Edit cancellation": queues an edited cancellation in place of a failed one, in one transaction.
 * The failed action keeps its history and points at its replacement (`replacedBy`), so it no longer
 * asks for the seller's attention; the new one is pending. Only a failed action can be replaced (Amazon
 * applied nothing for it), so the edit can never cancel a line twice. Repeating the same request
 * (same id) answers the replacement already queued.
 */
export async function replaceFailedCancel(
  db: OrderDb,
  failedActionId: string,
  input: CancelRequest,
  options: ReplaceOptions = {},
): Promise<ReplacedCancel> {
  const now = new Date((options.clock ?? Date).now()).toISOString();
  const id = input.id ?? (options.newId ?? (() => crypto.randomUUID()))();
  const tx = db.transaction(['orders', 'orderItems', 'outbox'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const outbox = tx.objectStore('outbox');
    const raw = await outbox.get(failedActionId);
    if (!raw) throw new CancelRefusedError('This cancellation no longer exists');
    const failed = parseAction(raw);
    if (failed.replacedBy) {
      const existing = failed.replacedBy === id ? await outbox.get(id) : undefined;
      if (existing) {
        await tx.done;
        return { replacement: parseAction(existing), replaced: failed };
      }
      throw new CancelRefusedError(
        'This cancellation was already replaced by an edited one; change that one instead',
      );
    }
    if (failed.status !== 'failed') {
      throw new CancelRefusedError(
        failed.status === 'done'
          ? 'This cancellation is already done; it cannot be replaced'
          : 'Only a failed cancellation can be edited: this one may still reach Amazon',
      );
    }
    if (input.orderId !== failed.orderId)
      throw new CancelRefusedError('An edited cancellation must be for the same order');
    if (await outbox.get(id)) throw new CancelRefusedError('This request id is already used');
    const [order, items, rawActions] = await Promise.all([
      tx.objectStore('orders').get(failed.orderId),
      tx.objectStore('orderItems').index('orderId').getAll(failed.orderId),
      outbox.index('orderId').getAll(failed.orderId),
    ]);
    const built = buildCancelAction(
      input,
      { order, items, actions: rawActions.map(parseAction).filter((a) => a.id !== failed.id) },
      { id, now },
    );
    const replacement: CancelAction = { ...built, replaces: failed.id };
    const replaced: CancelAction = withoutUndefined({ ...failed, replacedBy: id, updatedAt: now });
    await outbox.add(replacement);
    await outbox.put(replaced);
    await tx.done;
    return { replacement, replaced };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}
