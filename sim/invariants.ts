/**
 * What the extension promises, checked at quiescence against the sandbox's own truth (Amazon's
 * state), never against what the extension believes.
 */
import { openOrderDb } from '../lib/store';
import { readOrderCursor } from '../lib/store/order-cursor';
import { listActions } from '../lib/store/outbox-store';
import type { Sandbox } from '../lib/sandbox';
import type { SimAccount } from './sim-account';

export const INVARIANTS = {
  1: 'An action shown done is done at Amazon',
  2: 'No action is applied twice at Amazon (unless a browser resend the extension flagged)',
  3: 'Every action ends and no outbox or sync state stays stuck',
  4: "The stored orders are Amazon's orders of the account's marketplaces",
  5: 'Every quarantined record carries its reason; nothing else is dropped',
} as const;
export type InvariantNumber = keyof typeof INVARIANTS;

export interface Violation {
  readonly invariant: InvariantNumber;
  readonly message: string;
}

const DAY_MS = 24 * 60 * 60_000;

export async function checkInvariants(input: {
  readonly accounts: readonly SimAccount[];
  readonly unsettled: readonly string[];
  readonly backfillDays: number;
}): Promise<Violation[]> {
  const violations: Violation[] = [];
  const violate = (invariant: InvariantNumber, message: string) => violations.push({ invariant, message });
  for (const message of input.unsettled) violate(3, message);

  for (const account of input.accounts) {
    const { sandbox } = account;
    const db = await openOrderDb(account.dbName);
    try {
      const actions = await listActions(db);
      const orders = await db.getAll('orders');
      const quarantine = await db.getAll('quarantine');
      const where = `account ${account.index}`;

      // 1. Done only when Amazon's order shows it.
      for (const action of actions) {
        if (action.status !== 'done') continue;
        const truth = sandbox.orderTruth(action.orderId);
        if (!cancelledAtAmazon(sandbox, action.orderId, action.lines)) {
          violate(
            1,
            `${where}: action ${action.id} (${action.orderId}) is shown done ("${action.resultText ?? ''}") ` +
              `but Amazon shows the order ${truth?.status ?? 'unknown'}` +
              (truth
                ? ` with lines ${truth.lines.map((l) => `${l.orderItemId}:${l.cancelled ? 'cancelled' : l.shipped ? 'shipped' : 'open'}`).join(', ')}`
                : ''),
          );
        }
      }

      // 2. Each order line cancelled by at most one of the extension's feeds.
      const applied = new Map<string, string[]>();
      for (const feed of sandbox.feeds()) {
        if (feed.source !== 'createFeed') continue;
        for (const message of feed.messages ?? []) {
          if (message.statusCode !== 'Failure' || message.outcome === 'error' || !message.orderId) continue;
          for (const itemCode of message.itemCodes) {
            const key = `${message.orderId} line ${itemCode}`;
            applied.set(key, [...(applied.get(key) ?? []), feed.feedId]);
          }
        }
      }
      for (const [line, feedIds] of applied) {
        if (feedIds.length < 2) continue;
        const orderId = line.split(' ')[0]!;
        // Flagged means named: an action of the order notes one of these very feeds as a possible copy.
        const flagged = actions.some(
          (action) =>
            action.orderId === orderId &&
            (action.suspectedDuplicateFeedIds ?? []).some(
              (id) => feedIds.includes(id) && id !== action.feedId,
            ),
        );
        if (!(account.resentCreateFeed && flagged)) {
          violate(
            2,
            `${where}: ${line} was cancelled by ${feedIds.length} of the extension's feeds (${feedIds.join(', ')})` +
              (account.resentCreateFeed ? ' and no action of the order flags it' : ' with no browser resend'),
          );
        }
      }

      // 3. Ended, with a reason where it did not succeed.
      for (const action of actions) {
        if (action.status === 'pending') continue; // reported by the settle loop with its context
        if ((action.status === 'failed' || action.status === 'needs-review') && !action.resultText?.trim()) {
          violate(
            3,
            `${where}: action ${action.id} is ${action.status} without a reason the seller can read`,
          );
        }
      }

      // 4. The stored orders are the account's orders at Amazon, as of the sync's coverage.
      const cursor = await readOrderCursor(db);
      const amazonNow = sandbox.clock.now();
      const storedById = new Map(orders.map((order) => [order.orderId, order]));
      for (const order of orders) {
        const truth = sandbox.orderTruth(order.orderId);
        if (!truth) {
          violate(4, `${where}: stored order ${order.orderId} does not exist in this account at Amazon`);
        } else if (!account.marketplaceIds.includes(truth.marketplaceId) || truth.channel !== 'AMAZON') {
          violate(
            4,
            `${where}: stored order ${order.orderId} is of ${truth.marketplaceId}/${truth.channel}, not of the account's settings`,
          );
        }
      }
      if (!cursor?.lastUpdatedAfter || !cursor.createdAfter || cursor.phase !== 'incremental') {
        violate(4, `${where}: the sync never finished its backfill (cursor ${cursor?.phase ?? 'missing'})`);
      } else {
        const coveredUntil = Date.parse(cursor.lastUpdatedAfter);
        const windowStart = (marketplaceId: string): number | undefined => {
          const added = account.added.find((a) => a.id === marketplaceId);
          if (!added) return Date.parse(cursor.createdAfter!);
          return added.coveredAtMs === undefined
            ? undefined
            : added.coveredAtMs - input.backfillDays * DAY_MS;
        };
        for (const plan of sandbox.dataset.plans) {
          if (plan.createdMs > coveredUntil) break;
          const latest = sandbox.orderTruth(plan.orderId, amazonNow);
          if (
            !latest ||
            latest.channel !== 'AMAZON' ||
            !account.marketplaceIds.includes(latest.marketplaceId)
          )
            continue;
          const start = windowStart(latest.marketplaceId);
          if (start === undefined || latest.createdMs < start) continue;
          const stored = storedById.get(plan.orderId);
          // Amazon's search filters on an order's current lastUpdatedTime: an order changed after the
          // sync's coverage ended comes with the next poll, so it may be missing or older until then.
          const changedSince = latest.lastUpdatedMs > coveredUntil;
          if (!stored) {
            if (!changedSince) {
              violate(
                4,
                `${where}: order ${plan.orderId} (${latest.marketplaceId}, last updated ${iso(latest.lastUpdatedMs)}, ${latest.status}) ` +
                  `is missing from the store, though the sync covers changes up to ${cursor.lastUpdatedAfter}`,
              );
            }
            continue;
          }
          // Amazon's times are whole seconds in its answers.
          const storedMs = Date.parse(stored.lastUpdated);
          if (
            seconds(storedMs) > seconds(latest.lastUpdatedMs) ||
            (!changedSince && seconds(storedMs) < seconds(latest.lastUpdatedMs))
          ) {
            violate(
              4,
              `${where}: order ${plan.orderId} is stored as of ${stored.lastUpdated} (${stored.status}); ` +
                `Amazon's is of ${iso(latest.lastUpdatedMs)} (${latest.status}) and the sync covers changes up to ${cursor.lastUpdatedAfter}`,
            );
            continue;
          }
          // Any state Amazon showed within that second (two changes can share one lastUpdatedTime).
          const within = [
            storedMs,
            ...plan.events.filter((t) => t >= storedMs && t < storedMs + 1000),
            storedMs + 999.999,
          ];
          const statuses = new Set(within.map((t) => sandbox.orderTruth(plan.orderId, t)?.status));
          if (!statuses.has(stored.status)) {
            const atStored = sandbox.orderTruth(plan.orderId, storedMs + 999.999)!;
            violate(
              4,
              `${where}: order ${plan.orderId} is stored ${stored.status} as of ${stored.lastUpdated}; Amazon had it ${atStored.status} then`,
            );
          }
        }
      }

      // 5. Quarantine carries reasons; nothing the seller queued disappears.
      for (const record of quarantine) {
        if (!record.reason?.trim())
          violate(5, `${where}: quarantined record ${record.id ?? '?'} has no reason`);
      }
      const kept = new Set(actions.map((action) => action.id));
      for (const id of account.queued) {
        if (kept.has(id)) continue;
        if (!quarantine.some((record) => record.raw.includes(id))) {
          violate(5, `${where}: action ${id} the seller queued is gone, and not in quarantine`);
        }
      }
    } finally {
      db.close();
    }
  }
  return violations;
}

const iso = (ms: number) => new Date(ms).toISOString();

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Whether Amazon's order shows every given line cancelled (or the whole order). */
export function cancelledAtAmazon(
  sandbox: Sandbox,
  orderId: string,
  lines: readonly { orderItemId: string }[],
): boolean {
  const truth = sandbox.orderTruth(orderId);
  if (!truth) return false;
  if (truth.status === 'CANCELLED') return true;
  return lines.every((line) => truth.lines.find((l) => l.orderItemId === line.orderItemId)?.cancelled);
}
