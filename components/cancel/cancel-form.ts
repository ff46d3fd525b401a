import type { CancellableLine } from '../../lib/domain/cancel-eligibility';
import type { CancelReason } from '../../lib/domain/cancel-reason';
import type { CancelRequest, CancelRequestLine } from '../../lib/domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { canCancelWholeOrder, wholeOrderCancelLines } from '../../lib/domain/whole-order-cancel';

/** A line the dialog offers: from cancelEligibility, with the most units that may be cancelled. */
export type CancelLineChoice = Pick<CancellableLine, 'orderItemId' | 'quantity' | 'sku'>;

/** What the cancel form is about; fixed while the dialog is open. */
export interface CancelFormContext {
  readonly order: Pick<StoredOrder, 'orderId' | 'fulfilledBy' | 'buyerCancelRequest'>;
  readonly items: readonly StoredOrderItem[];
  readonly cancellableLines: readonly CancelLineChoice[];
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStock: boolean;
}

export type CancelScope = 'whole' | 'lines';

/** The form as the seller has filled it in; quantities stay text, so half-typed input survives re-renders. */
export interface CancelDraft {
  readonly scope: CancelScope;
  readonly chosen: ReadonlySet<string>;
  readonly quantities: Readonly<Record<string, string>>;
  readonly reason: CancelReason | '';
  readonly memo: string;
  readonly zeroStock: boolean;
}

export interface CancelFormErrors {
  readonly reason?: string;
  readonly lines?: string;
  /** By orderItemId. */
  readonly quantities: ReadonlyMap<string, string>;
}

/** Everything the dialog shows and sends, read from the context and the draft. */
export interface CancelForm {
  /** The whole order may be cancelled only when nothing of it has shipped or is being cancelled. */
  readonly wholeAllowed: boolean;
  readonly buyerAsked: boolean;
  readonly errors: CancelFormErrors;
  readonly ready: boolean;
  /** Merchant-fulfilled SKUs of the lines being cancelled. */
  readonly zeroStockSkus: readonly string[];
  /** "Set stock of these SKUs to 0" is offered: setting on, reason NoInventory, some merchant SKU. */
  readonly offerZeroStock: boolean;
  /** What to queue (without the dialog's idempotency key), once the form is ready. */
  readonly request?: Omit<CancelRequest, 'id'>;
}

export function buyerAskedToCancel({ order, items }: CancelFormContext): boolean {
  return Boolean(order.buyerCancelRequest) || items.some((item) => item.cancelRequest);
}

/** The form as it opens: the whole order when it can be, a lone line chosen, each quantity all of it. */
export function initialCancelDraft(context: CancelFormContext): CancelDraft {
  const { items, cancellableLines } = context;
  return {
    scope: canCancelWholeOrder(items, cancellableLines) ? 'whole' : 'lines',
    chosen: new Set(cancellableLines.length === 1 ? [cancellableLines[0]!.orderItemId] : []),
    quantities: Object.fromEntries(cancellableLines.map((line) => [line.orderItemId, String(line.quantity)])),
    // A buyer's request is answered with "Buyer cancelled"; otherwise the seller must choose.
    reason: buyerAskedToCancel(context) ? 'BuyerCanceled' : '',
    memo: '',
    zeroStock: false,
  };
}

export function withLineChosen(draft: CancelDraft, orderItemId: string, chosen: boolean): CancelDraft {
  const next = new Set(draft.chosen);
  if (chosen) next.add(orderItemId);
  else next.delete(orderItemId);
  return { ...draft, chosen: next };
}

function wholeNumberIn(text: string, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= max ? value : undefined;
}

/** Checks the draft and, when it is complete, builds the request; pure, so it is tested without React. */
export function cancelForm(context: CancelFormContext, draft: CancelDraft): CancelForm {
  const { order, items, cancellableLines, allowZeroStock } = context;
  const wholeAllowed = canCancelWholeOrder(items, cancellableLines);
  const selected =
    draft.scope === 'whole'
      ? cancellableLines
      : cancellableLines.filter((line) => draft.chosen.has(line.orderItemId));

  const quantities = new Map<string, string>();
  const lines: CancelRequestLine[] =
    draft.scope === 'whole'
      ? wholeOrderCancelLines(cancellableLines)
      : selected.map((line) => {
          const quantity = wholeNumberIn(draft.quantities[line.orderItemId] ?? '', line.quantity);
          if (quantity === undefined)
            quantities.set(line.orderItemId, `Choose a quantity from 1 to ${line.quantity}`);
          return { orderItemId: line.orderItemId, quantity };
        });
  const errors: CancelFormErrors = {
    ...(draft.reason === '' ? { reason: 'Choose a reason' } : {}),
    ...(selected.length === 0 ? { lines: 'Choose at least one line to cancel' } : {}),
    quantities,
  };

  const skuOf = (line: CancelLineChoice) =>
    line.sku ?? items.find((item) => item.orderItemId === line.orderItemId)?.sku;
  const zeroStockSkus =
    order.fulfilledBy === 'MERCHANT'
      ? [...new Set(selected.map(skuOf).filter((sku): sku is string => Boolean(sku)))]
      : [];
  const offerZeroStock = allowZeroStock && draft.reason === 'NoInventory' && zeroStockSkus.length > 0;

  const form = {
    wholeAllowed,
    buyerAsked: buyerAskedToCancel(context),
    errors,
    zeroStockSkus,
    offerZeroStock,
  };
  if (draft.reason === '' || errors.lines || quantities.size > 0) return { ...form, ready: false };
  const memo = draft.memo.trim();
  return {
    ...form,
    ready: true,
    request: {
      orderId: order.orderId,
      lines,
      reason: draft.reason,
      ...(memo ? { memo } : {}),
      ...(offerZeroStock && draft.zeroStock ? { zeroStockSkus } : {}),
    },
  };
}
