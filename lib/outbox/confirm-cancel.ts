import type { Clock } from '../clock';
import { cancelSeenInOrder } from '../domain/cancel-seen';
import type { StoredOrder, StoredOrderItem } from '../domain/order';
import type { SpApiClient } from '../sp-api/client';
import type { OrderDb } from '../store/order-db';
import { listActions, parseAction, parseSubmission } from '../store/outbox-store';
import { refreshOrder } from '../sync/refresh-orders';
import { withoutUndefined } from '../store/without-undefined';
import { markDone, markFailed } from './action-updates';
import { plainMessageOf } from '../sp-api/errors';
import { outboxProblemOf } from './outbox-problem';
import type { CancelAction } from '../domain/outbox-action';

/** How long a clean report may wait for Amazon's order to show the cancellation before review. */
export const CONFIRM_WINDOW_MS = 15 * 60_000;

export const CONFIRMED_TEXT = "Cancelled: Amazon's order shows the cancellation";
export const SHIPPED_INSTEAD_TEXT =
  'Amazon shows this order shipped, so the cancellation was not applied. If the buyer should get money back, refund them in Seller Central.';
export const UNREAD_TEXT =
  'Amazon accepted the cancellation, but the order manager could not read the order to confirm it. ' +
  'Check the order in Seller Central, then mark the cancellation done or failed; the next sync also settles it';
export const NOT_SHOWN_TEXT =
  'Amazon shows no cancellation for this order yet, although its feed report looked clean. The order manager ' +
  'checks again at every sync; or check the order in Seller Central, then mark the cancellation done or failed, ' +
  'or send it again.';

export interface ConfirmContext {
  readonly client: Pick<SpApiClient, 'getOrder'>;
  readonly db: OrderDb;
  readonly clock: Pick<Clock, 'now'>;
  readonly signal?: AbortSignal;
  readonly log?: (message: string) => void;
  readonly onChange?: () => void;
}

/**
 * Reads each order whose cancellation Amazon's feed report called clean, with getOrder (no lag, unlike
 * searchOrders), stores what Amazon shows, and only then calls the action done. An order that shows
 * no cancellation goes to review (at once for a feed found by adoption, which might not be ours;
 * after CONFIRM_WINDOW_MS otherwise); one that shipped instead fails with that reason. A failing
 * read leaves that order for the next run and never blocks the others.
 */
export async function confirmCancels(ctx: ConfirmContext) {
  const tally = { done: 0, failed: 0, needsReview: 0 };
  const waiting = (await listActions(ctx.db, { status: 'pending' })).filter((action) => action.confirming);
  const byOrder = new Map<string, CancelAction[]>();
  for (const action of waiting) byOrder.set(action.orderId, [...(byOrder.get(action.orderId) ?? []), action]);
  for (const [orderId, actions] of byOrder) {
    ctx.signal?.throwIfAborted();
    const now = new Date(ctx.clock.now()).toISOString();
    let seen: { order: StoredOrder; items: StoredOrderItem[] };
    try {
      // Stored too, so every view shows Amazon's state at once rather than after the next sync.
      seen = await refreshOrder({ ...ctx, syncRunId: `outbox-confirm-${now}` }, orderId);
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      const { permanent } = outboxProblemOf(error);
      const reason = plainMessageOf(error);
      ctx.log?.(`outbox: could not read order ${orderId} to confirm its cancellation: ${reason}`);
      for (const action of actions) {
        // Not forever: past the confirmation window the seller decides, and a sync may settle it.
        if (overdue(ctx, action)) {
          if (await update(ctx, action.id, (current) => toReview(current, `${UNREAD_TEXT} (${reason})`, now)))
            tally.needsReview += 1;
          continue;
        }
        await update(ctx, action.id, (current) => ({
          ...current,
          problem: {
            message:
              `Amazon accepted the cancellation, but the order manager could not read the order to confirm ` +
              `it (${reason}). It tries again in a minute.`,
            at: now,
            attempts: (current.problem?.attempts ?? 0) + 1,
            permanent,
          },
        }));
      }
      continue;
    }
    for (const action of actions) {
      const verdict = cancelSeenInOrder(action, seen.order, seen.items);
      if (verdict === 'cancelled') {
        const text = action.resultText?.startsWith('Cancelled, with a warning')
          ? action.resultText
          : CONFIRMED_TEXT;
        if (await update(ctx, action.id, (current) => markDone(current, text, now))) tally.done += 1;
      } else if (verdict === 'shipped') {
        if (
          await update(ctx, action.id, (current) => markFailed(current, SHIPPED_INSTEAD_TEXT, now, 'shipped'))
        )
          tally.failed += 1;
      } else if (overdue(ctx, action) || (await adopted(ctx, action))) {
        if (await update(ctx, action.id, (current) => toReview(current, NOT_SHOWN_TEXT, now)))
          tally.needsReview += 1;
      }
    }
  }
  return tally;
}

function overdue(ctx: ConfirmContext, action: CancelAction): boolean {
  const since = Date.parse(action.confirming?.since ?? '');
  return Number.isNaN(since) || ctx.clock.now() - since >= CONFIRM_WINDOW_MS;
}

/** A feed found by adoption might not be ours, so its clean report proves nothing: no waiting. */
async function adopted(ctx: ConfirmContext, action: CancelAction): Promise<boolean> {
  if (!action.submissionId) return false;
  const raw = await ctx.db.get('feedSubmissions', action.submissionId);
  return raw ? parseSubmission(raw).adopted === true : false;
}

function toReview(action: CancelAction, text: string, now: string): CancelAction {
  return withoutUndefined({
    ...action,
    status: 'needs-review' as const,
    resultText: text,
    confirming: undefined,
    // Our feed has finished; "Send again" only when no other copy in its window may still run.
    sendAgainAllowed: action.confirming?.othersInFlight === false,
    updatedAt: now,
  });
}

/** Applies a change to one action still waiting for confirmation, in one transaction. */
async function update(
  ctx: ConfirmContext,
  actionId: string,
  change: (action: CancelAction) => CancelAction,
): Promise<boolean> {
  const tx = ctx.db.transaction('outbox', 'readwrite');
  const raw = await tx.store.get(actionId);
  const current = raw && parseAction(raw);
  let changed = false;
  if (current && current.status === 'pending' && current.confirming) {
    await tx.store.put(change(current));
    changed = true;
  }
  await tx.done;
  if (changed) ctx.onChange?.();
  return changed;
}
