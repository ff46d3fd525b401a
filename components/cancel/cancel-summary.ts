import type { CancelAction } from '../../lib/domain/outbox-action';

/** What a cancel action shows as: its status, with a pending one told apart by how its sending goes. */
export type CancelActionKind =
  | 'pending'
  /** Pending, and the last try failed in a way that retrying on its own may fix. */
  | 'retrying'
  /** Pending, and retrying on its own will not help: the seller must act (problem.permanent). */
  | 'blocked'
  /** Amazon's feed report was clean; waiting for the order to show the cancellation. */
  | 'confirming'
  | 'done'
  | 'failed'
  | 'needs-review';

/** The one cancel state a list row shows for an order. */
export type CancelSummary =
  { kind: CancelActionKind; action: CancelAction } | { kind: 'outside'; seenAt: string };

export const CANCEL_CHIP_LABELS: Record<CancelSummary['kind'], string> = {
  pending: 'Cancel pending',
  retrying: 'Cancel pending — retrying',
  blocked: 'Cancel not sent — action needed',
  confirming: 'Cancel accepted by Amazon',
  done: 'Cancelled',
  failed: 'Cancel failed',
  'needs-review': 'Cancel needs review',
  outside: 'Cancelled outside manager',
};

export function cancelActionKind(action: CancelAction): CancelActionKind {
  if (action.status !== 'pending') return action.status;
  if (action.problem?.permanent) return 'blocked';
  if (action.confirming) return 'confirming';
  return action.problem ? 'retrying' : 'pending';
}

/** Kinds the seller has to do something about: nothing moves until they do. */
const NEEDS_ATTENTION: ReadonlySet<CancelSummary['kind']> = new Set(['blocked', 'failed', 'needs-review']);

// What needs the seller most comes first: a pending send, then an undecided one, then a cancel made in
// Seller Central, then the latest outcome.
const PRIORITY: Record<CancelAction['status'], number> = {
  pending: 0,
  'needs-review': 1,
  failed: 2,
  done: 2,
};

/**
 * Sums up an order's cancel actions (any order) and whether a sync saw it cancelled elsewhere.
 * Undefined when there is nothing to say.
 */
export function cancelSummary(
  actions: readonly CancelAction[],
  cancelledOutsideManager?: { readonly seenAt: string },
): CancelSummary | undefined {
  // A failed action the seller replaced by an edited one is history: its replacement speaks for it.
  const [first] = actions
    .filter((action) => !action.replacedBy)
    .sort((a, b) => PRIORITY[a.status] - PRIORITY[b.status] || b.updatedAt.localeCompare(a.updatedAt));
  if (first && PRIORITY[first.status] < PRIORITY.done)
    return { kind: cancelActionKind(first), action: first };
  if (cancelledOutsideManager) return { kind: 'outside', seenAt: cancelledOutsideManager.seenAt };
  return first ? { kind: cancelActionKind(first), action: first } : undefined;
}

/** Actions grouped by order id, for the list. */
export function actionsByOrder(actions: readonly CancelAction[]): Map<string, CancelAction[]> {
  const byOrder = new Map<string, CancelAction[]>();
  for (const action of actions) {
    const list = byOrder.get(action.orderId);
    if (list) list.push(action);
    else byOrder.set(action.orderId, [action]);
  }
  return byOrder;
}

export interface CancelNeedingAttention {
  readonly orderId: string;
  readonly kind: CancelActionKind;
  readonly action: CancelAction;
}

/**
 * One entry per order whose cancellation waits for the seller (failed, under review, or not sent
 * because of a problem only they can fix), most recently changed first.
 */
export function cancelsNeedingAttention(actions: readonly CancelAction[]): CancelNeedingAttention[] {
  const found: CancelNeedingAttention[] = [];
  for (const [orderId, orderActions] of actionsByOrder(actions)) {
    const summary = cancelSummary(orderActions);
    if (summary && summary.kind !== 'outside' && NEEDS_ATTENTION.has(summary.kind)) {
      found.push({ orderId, kind: summary.kind, action: summary.action });
    }
  }
  return found.sort((a, b) => b.action.updatedAt.localeCompare(a.action.updatedAt));
}
