import type { CancelAction } from '../../lib/outbox/outbox-records';

/** The one cancel state a list row shows for an order. */
export type CancelSummary =
  | { kind: 'pending' | 'done' | 'failed' | 'needs-review'; action: CancelAction }
  | { kind: 'outside'; seenAt: string };

export const CANCEL_CHIP_LABELS: Record<CancelSummary['kind'], string> = {
  pending: 'Cancel pending',
  done: 'Cancelled',
  failed: 'Cancel failed',
  'needs-review': 'Cancel needs review',
  outside: 'Cancelled outside manager',
};

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
  const [first] = [...actions].sort(
    (a, b) => PRIORITY[a.status] - PRIORITY[b.status] || b.updatedAt.localeCompare(a.updatedAt),
  );
  if (first && PRIORITY[first.status] < PRIORITY.done) return { kind: first.status, action: first };
  if (cancelledOutsideManager) return { kind: 'outside', seenAt: cancelledOutsideManager.seenAt };
  return first ? { kind: first.status, action: first } : undefined;
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
