import type { CancellableLine } from '../../lib/domain/cancel-eligibility';
import type { CancelReason } from '../../lib/domain/cancel-reason';
import type { CancelRequest, CancelRequestLine } from '../../lib/domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { canCancelWholeOrder, wholeOrderCancelLines } from '../../lib/domain/whole-order-cancel';
import { openBuyerCancelRequest } from '../../lib/domain/buyer-request';

/** A line the dialog may offer: from cancelEligibility, with the units still open on it. */
export type CancelLineChoice = Pick<CancellableLine, 'orderItemId' | 'quantity' | 'sku'> &
  Partial<Pick<CancellableLine, 'quantityOrdered'>>;

/** What the cancel form is about; fixed while the dialog is open. */
export interface CancelFormContext {
  readonly order: Pick<StoredOrder, 'orderId' | 'fulfilledBy' | 'buyerCancelRequest'>;
  readonly items: readonly StoredOrderItem[];
  readonly cancellableLines: readonly CancelLineChoice[];
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStock: boolean;
}

export type CancelScope = 'whole' | 'lines';

/** The form as the seller has filled it in. */
export interface CancelDraft {
  readonly scope: CancelScope;
  /** Lines chosen (scope "lines"), by orderItemId; each is cancelled with all its units. */
  readonly chosen: ReadonlySet<string>;
  readonly reason: CancelReason | '';
  readonly memo: string;
  /** SKUs whose "Set stock to 0" box is checked; off by default. */
  readonly zeroStockSkus: ReadonlySet<string>;
}

export interface CancelFormErrors {
  readonly reason?: string;
  readonly lines?: string;
}

/** A merchant-fulfilled SKU being cancelled, with the title the seller knows it by. */
export interface ZeroStockChoice {
  readonly sku: string;
  readonly title?: string;
}

/** Everything the dialog shows and sends, read from the context and the draft. */
export interface CancelForm {
  /** The whole order may be cancelled only when nothing of it has shipped or is being cancelled. */
  readonly wholeAllowed: boolean;
  /** Lines offered as checkboxes: nothing of them shipped, so they are cancelled whole. */
  readonly offeredLines: readonly CancelLineChoice[];
  /** Lines with some units shipped: Amazon is only known to cancel whole lines, so not offered. */
  readonly partlyShippedLines: readonly CancelLineChoice[];
  readonly buyerAsked: boolean;
  /** False when the buyer asked (reason "Buyer cancelled" or an open buyer request). */
  readonly countsTowardCancellationRate: boolean;
  readonly errors: CancelFormErrors;
  readonly ready: boolean;
  /** One "Set stock to 0" box per merchant-fulfilled SKU of the lines being cancelled. */
  readonly zeroStockChoices: readonly ZeroStockChoice[];
  /** The boxes are shown: setting on, reason NoInventory, some merchant SKU. */
  readonly offerZeroStock: boolean;
  /** What to queue (without the dialog's idempotency key), once the form is ready. */
  readonly request?: Omit<CancelRequest, 'id'>;
}

export function buyerAskedToCancel({ order, items }: CancelFormContext): boolean {
  return Boolean(openBuyerCancelRequest(order)) || items.some((item) => item.cancelRequest);
}

function orderedOf(line: CancelLineChoice, items: readonly StoredOrderItem[]): number | undefined {
  return line.quantityOrdered ?? items.find((item) => item.orderItemId === line.orderItemId)?.quantityOrdered;
}

/** Lines nothing of which has shipped: the only kind Amazon is known to cancel (a part quantity is refused). */
function wholeLines({ cancellableLines, items }: CancelFormContext): CancelLineChoice[] {
  return cancellableLines.filter((line) => (orderedOf(line, items) ?? line.quantity) === line.quantity);
}

/**
 * The form as it opens: the whole order when it can be, a lone line chosen. An edited cancellation
 * (`from`, a failed action) opens with its lines, reason, memo and stock SKUs, where still possible.
 */
export function initialCancelDraft(context: CancelFormContext, from?: CancelAction): CancelDraft {
  const offered = wholeLines(context);
  const wholeAllowed = canCancelWholeOrder(context.items, context.cancellableLines);
  if (from) {
    const chosen = offered.filter((line) => from.lines.some((l) => l.orderItemId === line.orderItemId));
    return {
      scope: from.wholeOrder && wholeAllowed ? 'whole' : 'lines',
      chosen: new Set(chosen.map((line) => line.orderItemId)),
      reason: from.reason,
      memo: from.memo ?? '',
      zeroStockSkus: new Set(from.zeroStockSkus ?? []),
    };
  }
  return {
    scope: wholeAllowed ? 'whole' : 'lines',
    chosen: new Set(offered.length === 1 ? [offered[0]!.orderItemId] : []),
    // A buyer's request is answered with "Buyer cancelled"; otherwise the seller must choose.
    reason: buyerAskedToCancel(context) ? 'BuyerCanceled' : '',
    memo: '',
    zeroStockSkus: new Set(),
  };
}

function toggled(set: ReadonlySet<string>, value: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function withLineChosen(draft: CancelDraft, orderItemId: string, chosen: boolean): CancelDraft {
  return { ...draft, chosen: toggled(draft.chosen, orderItemId, chosen) };
}

export function withZeroStock(draft: CancelDraft, sku: string, checked: boolean): CancelDraft {
  return { ...draft, zeroStockSkus: toggled(draft.zeroStockSkus, sku, checked) };
}

/** Checks the draft and, when it is complete, builds the request; pure, so it is tested without React. */
export function cancelForm(context: CancelFormContext, draft: CancelDraft): CancelForm {
  const { order, items, cancellableLines, allowZeroStock } = context;
  const wholeAllowed = canCancelWholeOrder(items, cancellableLines);
  const offeredLines = wholeLines(context);
  const partlyShippedLines = cancellableLines.filter((line) => !offeredLines.includes(line));
  const selected =
    draft.scope === 'whole'
      ? cancellableLines
      : offeredLines.filter((line) => draft.chosen.has(line.orderItemId));
  const lines: CancelRequestLine[] =
    draft.scope === 'whole'
      ? wholeOrderCancelLines(cancellableLines)
      : selected.map((line) => ({ orderItemId: line.orderItemId, quantity: line.quantity }));
  const errors: CancelFormErrors = {
    ...(draft.reason === '' ? { reason: 'Choose a reason' } : {}),
    ...(selected.length === 0 ? { lines: 'Choose at least one line to cancel' } : {}),
  };

  const itemOf = (line: CancelLineChoice) => items.find((item) => item.orderItemId === line.orderItemId);
  const zeroStockChoices: ZeroStockChoice[] = [];
  if (order.fulfilledBy === 'MERCHANT') {
    for (const line of selected) {
      const sku = line.sku ?? itemOf(line)?.sku;
      if (!sku || zeroStockChoices.some((choice) => choice.sku === sku)) continue;
      const title = itemOf(line)?.title;
      zeroStockChoices.push({ sku, ...(title ? { title } : {}) });
    }
  }
  const offerZeroStock = allowZeroStock && draft.reason === 'NoInventory' && zeroStockChoices.length > 0;
  const buyerAsked = buyerAskedToCancel(context);

  const form = {
    wholeAllowed,
    offeredLines,
    partlyShippedLines,
    buyerAsked,
    countsTowardCancellationRate: !(buyerAsked || draft.reason === 'BuyerCanceled'),
    errors,
    zeroStockChoices,
    offerZeroStock,
  };
  if (draft.reason === '' || errors.lines) return { ...form, ready: false };
  const memo = draft.memo.trim();
  // Exactly the boxes checked, of the SKUs still shown.
  const zeroStockSkus = offerZeroStock
    ? zeroStockChoices.map((choice) => choice.sku).filter((sku) => draft.zeroStockSkus.has(sku))
    : [];
  return {
    ...form,
    ready: true,
    request: {
      orderId: order.orderId,
      lines,
      reason: draft.reason,
      ...(memo ? { memo } : {}),
      ...(zeroStockSkus.length ? { zeroStockSkus } : {}),
    },
  };
}
