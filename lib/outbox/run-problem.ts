import type { Clock } from '../clock';
import type { OrderDb } from '../store/order-db';
import { cancelActionSchema } from '../domain/outbox-action';
import { outboxProblemOf } from './outbox-problem';

/**
 * An outbox run that could not even start (no merchant token, credentials refused) leaves its words
 * on every action still waiting to be sent, so the seller sees why nothing moves instead of
 * "Waiting for Amazon" forever. One transaction.
 */
/** A damaged record is the next run's to set aside, not a reason to lose this error. */
function readableAction(raw: unknown) {
  const parsed = cancelActionSchema.safeParse(raw);
  return parsed.success ? [parsed.data] : [];
}

export async function recordRunProblem(
  db: OrderDb,
  error: unknown,
  clock: Pick<Clock, 'now'>,
): Promise<number> {
  const problem = outboxProblemOf(error);
  const at = new Date(clock.now()).toISOString();
  const tx = db.transaction('outbox', 'readwrite');
  const raw = await tx.store.index('status').getAll('pending');
  let marked = 0;
  for (const action of raw.flatMap(readableAction)) {
    if (action.confirming) continue;
    const attempts =
      action.problem && action.problem.message === problem.message ? action.problem.attempts + 1 : 1;
    await tx.store.put({
      ...action,
      problem: { message: problem.message, at, attempts, permanent: problem.permanent },
    });
    marked += 1;
  }
  await tx.done;
  return marked;
}
