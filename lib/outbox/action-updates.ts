import { withoutUndefined } from '../store/without-undefined';
import type { CancelAction } from '../domain/outbox-action';

/** A cancellation Amazon's order shows as done; stock is zeroed next where the seller asked for it. */
export function markDone(action: CancelAction, resultText: string, now: string): CancelAction {
  const zeroStock =
    action.reason === 'NoInventory' && action.zeroStockSkus?.length && !action.zeroStock
      ? action.zeroStockSkus.map((sku) => ({ sku, status: 'pending' as const }))
      : action.zeroStock;
  return withoutUndefined({
    ...action,
    status: 'done',
    resultText,
    zeroStock,
    confirming: undefined,
    problem: undefined,
    sendAgainAllowed: undefined,
    updatedAt: now,
  });
}

export function markFailed(
  action: CancelAction,
  resultText: string,
  now: string,
  failure?: CancelAction['failure'],
): CancelAction {
  return withoutUndefined({
    ...action,
    status: 'failed',
    resultText,
    ...(failure ? { failure } : {}),
    confirming: undefined,
    sendAgainAllowed: undefined,
    updatedAt: now,
  });
}
