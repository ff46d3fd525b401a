import type { Clock } from '../clock';
import { DamagedStoreRecordError } from '../store/order-cursor';
import type { OrderDb } from '../store/order-db';
import { quarantineRaw } from '../store/quarantine-raw';
import { parseAction, parseSubmission } from '../store/outbox-store';
import { withoutUndefined } from '../store/without-undefined';

export const LOST_SUBMISSION_TEXT =
  'The saved record of how this cancellation was sent to Amazon is damaged, so the order manager cannot ' +
  'tell whether Amazon got it and did not send it again. The next sync shows whether the order is ' +
  'cancelled; or check it in Seller Central and mark the cancellation done or failed.';

/**
 * Moves outbox records that no longer parse into quarantine (with the reason, shown among "Records
 * that could not be read"), so one damaged record never stops every other cancellation. Actions that
 * belonged to a damaged submission go to review: their feed may have reached Amazon. One transaction.
 */
export async function quarantineDamagedOutboxRecords(
  db: OrderDb,
  clock: Pick<Clock, 'now'>,
): Promise<number> {
  const at = new Date(clock.now()).toISOString();
  const tx = db.transaction(['outbox', 'feedSubmissions', 'quarantine'], 'readwrite');
  const quarantine = tx.objectStore('quarantine');
  const lostSubmissions = new Set<string>();
  let moved = 0;
  const setAside = async (raw: unknown, key: string, reason: string, orderId?: unknown) => {
    await quarantine.add({
      at,
      source: 'store',
      reference: key,
      ...(typeof orderId === 'string' ? { orderId } : {}),
      reason,
      raw: quarantineRaw(raw),
    });
    moved += 1;
  };
  let cursor = await tx.objectStore('feedSubmissions').openCursor();
  while (cursor) {
    try {
      parseSubmission(cursor.value);
    } catch (error) {
      if (!(error instanceof DamagedStoreRecordError)) throw error;
      lostSubmissions.add(String(cursor.key));
      await setAside(cursor.value, `feed submission ${String(cursor.key)}`, error.message);
      await cursor.delete();
    }
    cursor = await cursor.continue();
  }
  let actions = await tx.objectStore('outbox').openCursor();
  while (actions) {
    try {
      const action = parseAction(actions.value);
      if (action.submissionId && lostSubmissions.has(action.submissionId) && action.status === 'pending') {
        await actions.update(
          withoutUndefined({
            ...action,
            status: 'needs-review' as const,
            resultText: LOST_SUBMISSION_TEXT,
            confirming: undefined,
            sendAgainAllowed: false,
            updatedAt: at,
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof DamagedStoreRecordError)) throw error;
      const raw = actions.value as { orderId?: unknown };
      await setAside(actions.value, `cancellation ${String(actions.key)}`, error.message, raw?.orderId);
      await actions.delete();
    }
    actions = await actions.continue();
  }
  await tx.done;
  return moved;
}
