import { z } from '../zod';
import { feedSubmissionSchema, TERMINAL_STEPS, type FeedSubmission } from '../domain/feed-submission';
import { cancelActionSchema, type CancelAction, type OutboxActionStatus } from '../domain/outbox-action';
import { DamagedStoreRecordError } from './order-cursor';
import type { OrderDb } from './order-db';

/** Every outbox record read back is checked: a damaged one stops the caller instead of being guessed at. */
export function parseAction(raw: unknown): CancelAction {
  const parsed = cancelActionSchema.safeParse(raw);
  if (!parsed.success)
    throw new DamagedStoreRecordError(`outbox action ${idOf(raw)}`, z.prettifyError(parsed.error));
  return parsed.data;
}

export function parseSubmission(raw: unknown): FeedSubmission {
  const parsed = feedSubmissionSchema.safeParse(raw);
  if (!parsed.success) {
    throw new DamagedStoreRecordError(`feed submission ${idOf(raw)}`, z.prettifyError(parsed.error));
  }
  return parsed.data;
}

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '(no id)';
}

/**
 * The records of a listing that parse. A damaged one is left out here, so it can neither crash a view
 * nor stop the outbox; the outbox run moves it to quarantine with its reason (damaged-records.ts).
 */
function readable<T>(raws: readonly unknown[], parse: (raw: unknown) => T): T[] {
  const out: T[] = [];
  for (const raw of raws) {
    try {
      out.push(parse(raw));
    } catch (error) {
      if (!(error instanceof DamagedStoreRecordError)) throw error;
    }
  }
  return out;
}

const byCreated = (a: { createdAt: string }, b: { createdAt: string }) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;

/** The order's outbox actions, oldest first. */
export async function listActionsForOrder(db: OrderDb, orderId: string): Promise<CancelAction[]> {
  const raw = await db.getAllFromIndex('outbox', 'orderId', orderId);
  return readable(raw, parseAction).sort(byCreated);
}

/** Outbox actions, oldest first, optionally of one status. */
export async function listActions(
  db: OrderDb,
  filter: { status?: OutboxActionStatus } = {},
): Promise<CancelAction[]> {
  const raw = filter.status
    ? await db.getAllFromIndex('outbox', 'status', filter.status)
    : await db.getAll('outbox');
  return readable(raw, parseAction).sort(byCreated);
}

export async function getAction(db: OrderDb, id: string): Promise<CancelAction | undefined> {
  const raw = await db.get('outbox', id);
  return raw === undefined ? undefined : parseAction(raw);
}

/** Actions still waiting for Amazon (what the badge counts). */
export function getPendingCount(db: OrderDb): Promise<number> {
  return db.countFromIndex('outbox', 'status', 'pending');
}

/** Submissions not yet finished, oldest first. */
export async function listActiveSubmissions(db: OrderDb): Promise<FeedSubmission[]> {
  const raw = await db.getAll('feedSubmissions');
  return readable(raw, parseSubmission)
    .filter((submission) => !TERMINAL_STEPS.has(submission.step))
    .sort(byCreated);
}

export async function getSubmission(db: OrderDb, id: string): Promise<FeedSubmission | undefined> {
  const raw = await db.get('feedSubmissions', id);
  return raw === undefined ? undefined : parseSubmission(raw);
}

/** Feed ids already claimed by a submission, so adoption never takes another submission's feed. */
export async function claimedFeedIds(db: OrderDb): Promise<Map<string, string>> {
  const raw = await db.getAll('feedSubmissions');
  const claimed = new Map<string, string>();
  for (const submission of raw) {
    // A damaged record's feed id still counts as claimed: never adopt a feed that may be its.
    const feedId = (submission as { feedId?: unknown } | null)?.feedId;
    if (typeof feedId === 'string') claimed.set(feedId, idOf(submission));
  }
  return claimed;
}
