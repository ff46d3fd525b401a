import type { SpApiClient } from '../sp-api/client';
import { plainMessageOf, SpApiError } from '../sp-api/errors';
import type { ListingsItemPatchRequest } from '../sp-api/schemas/listings';
import type { OrderDb } from '../store/order-db';
import { listActions, parseAction } from '../store/outbox-store';
import type { CancelAction } from '../domain/outbox-action';

/** Merchant-fulfilled (`DEFAULT`) quantity only: Amazon-fulfilled channels are never touched (reference §11). */
export const ZERO_STOCK_PATCH: ListingsItemPatchRequest = {
  productType: 'PRODUCT',
  patches: [
    {
      op: 'replace',
      path: '/attributes/fulfillment_availability',
      value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }],
    },
  ],
};

type ZeroStockEntry = NonNullable<CancelAction['zeroStock']>[number];

export interface ZeroStockContext {
  readonly client: Pick<SpApiClient, 'patchListingsItem'>;
  readonly db: OrderDb;
  readonly sellerId: string;
  readonly now: () => string;
  readonly signal?: AbortSignal;
  readonly log?: (message: string) => void;
}

/**
 * Sets stock to 0 for the SKUs of cancelled actions that asked for it. Safe to repeat (setting 0 twice
 * is harmless), so a result is recorded per SKU after each call; a transient error leaves it pending.
 */
export async function applyZeroStock(ctx: ZeroStockContext): Promise<number> {
  let patched = 0;
  const actions = (await listActions(ctx.db, { status: 'done' })).filter((action) =>
    action.zeroStock?.some((entry) => entry.status === 'pending'),
  );
  for (const action of actions) {
    for (const entry of action.zeroStock ?? []) {
      if (entry.status !== 'pending') continue;
      ctx.signal?.throwIfAborted();
      let result: ZeroStockEntry;
      try {
        const response = await ctx.client.patchListingsItem(
          ctx.sellerId,
          entry.sku,
          [action.marketplaceId],
          ZERO_STOCK_PATCH,
        );
        const issues = (response.issues ?? []).map(
          (issue) => `${issue.severity}: ${issue.message} (${issue.code})`,
        );
        result = {
          sku: entry.sku,
          status: response.status === 'ACCEPTED' ? 'accepted' : 'failed',
          submissionId: response.submissionId,
          ...(issues.length ? { issues } : {}),
          ...(response.status !== 'ACCEPTED' && !issues.length
            ? { message: `Amazon answered ${response.status} without saying why` }
            : {}),
        };
      } catch (error) {
        const definite =
          error instanceof SpApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
        if (!definite) {
          ctx.log?.(`zero stock of ${entry.sku} postponed: ${plainMessageOf(error)}`);
          return patched;
        }
        result = { sku: entry.sku, status: 'failed', message: plainMessageOf(error) };
      }
      await recordZeroStock(ctx, action.id, result);
      patched += 1;
    }
  }
  return patched;
}

async function recordZeroStock(
  ctx: ZeroStockContext,
  actionId: string,
  result: ZeroStockEntry,
): Promise<void> {
  const tx = ctx.db.transaction('outbox', 'readwrite');
  const raw = await tx.store.get(actionId);
  if (raw) {
    const action = parseAction(raw);
    const zeroStock = (action.zeroStock ?? []).map((entry) => (entry.sku === result.sku ? result : entry));
    await tx.store.put({ ...action, zeroStock, updatedAt: ctx.now() });
  }
  await tx.done;
}
