import { useId, useRef, useState } from 'react';
import { CANCEL_REASONS, type CancelReason } from '../../lib/domain/cancel-reason';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import type { CancelLineChoice, CancelRequest } from './action-source';
import { CancelDialogFrame } from './cancel-dialog-frame';
import './cancel-dialog.css';

export interface CancelDialogProps {
  readonly order: StoredOrder;
  readonly items: readonly StoredOrderItem[];
  /** From cancelEligibility: each line that may still be cancelled, with the most that may be. */
  readonly cancellableLines: readonly CancelLineChoice[];
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStock: boolean;
  /** Queues the cancellation; a rejection's message is shown in the dialog. */
  readonly onSubmit: (request: CancelRequest) => Promise<void>;
  readonly onClose: () => void;
}

type Scope = 'whole' | 'lines';

function lineName(line: CancelLineChoice, item: StoredOrderItem | undefined): string {
  const sku = line.sku ?? item?.sku;
  const title = item?.title;
  if (sku && title) return `${sku} — ${title}`;
  return sku ?? title ?? line.orderItemId;
}

function wholeNumberIn(text: string, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 && value <= max ? value : undefined;
}

/**
 * The cancel dialog: whole order or chosen lines, a required Amazon CancelReason, an optional memo,
 * and (setting on, reason NoInventory) stock of merchant-fulfilled SKUs to 0. Modal: focus moves in,
 * Tab stays in, Escape closes and focus returns to where it was.
 */
export function CancelDialog({
  order,
  items,
  cancellableLines,
  allowZeroStock,
  onSubmit,
  onClose,
}: CancelDialogProps) {
  const id = useId();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const itemOf = (line: CancelLineChoice) => items.find((item) => item.orderItemId === line.orderItemId);
  const buyerAsked = Boolean(order.buyerCancelRequest) || items.some((item) => item.cancelRequest);
  // The whole order only when nothing has shipped or is already being cancelled.
  const wholeAllowed =
    items.length > 0 &&
    items.every(
      (item) =>
        cancellableLines.find((line) => line.orderItemId === item.orderItemId)?.quantity ===
        item.quantityOrdered,
    );

  const [scope, setScope] = useState<Scope>(wholeAllowed ? 'whole' : 'lines');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(cancellableLines.length === 1 ? [cancellableLines[0]!.orderItemId] : []),
  );
  const [quantities, setQuantities] = useState<Readonly<Record<string, string>>>(() =>
    Object.fromEntries(cancellableLines.map((line) => [line.orderItemId, String(line.quantity)])),
  );
  // A buyer's request is answered with "Buyer cancelled"; otherwise the seller must choose.
  const [reason, setReason] = useState<CancelReason | ''>(buyerAsked ? 'BuyerCanceled' : '');
  const [memo, setMemo] = useState('');
  const [zeroStock, setZeroStock] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  // One key per dialog: a double click or a retried submit queues one action, not two.
  const [requestId] = useState(() => crypto.randomUUID());

  const selectedLines =
    scope === 'whole' ? cancellableLines : cancellableLines.filter((l) => chosen.has(l.orderItemId));
  const quantityErrors = new Map<string, string>();
  if (scope === 'lines') {
    for (const line of selectedLines) {
      if (wholeNumberIn(quantities[line.orderItemId] ?? '', line.quantity) === undefined) {
        quantityErrors.set(line.orderItemId, `Choose a quantity from 1 to ${line.quantity}`);
      }
    }
  }
  const reasonError = reason === '' ? 'Choose a reason' : undefined;
  const linesError = selectedLines.length === 0 ? 'Choose at least one line to cancel' : undefined;
  const ready = !reasonError && !linesError && quantityErrors.size === 0;

  const zeroStockSkus =
    order.fulfilledBy === 'MERCHANT'
      ? [
          ...new Set(
            selectedLines.map((line) => line.sku ?? itemOf(line)?.sku).filter((s): s is string => !!s),
          ),
        ]
      : [];
  const offerZeroStock = allowZeroStock && reason === 'NoInventory' && zeroStockSkus.length > 0;

  async function submit() {
    setAttempted(true);
    setSubmitError(undefined);
    if (!ready || reason === '') {
      if (reasonError) reasonRef.current?.focus();
      return;
    }
    const lines = selectedLines.map((line) => {
      const sku = line.sku ?? itemOf(line)?.sku;
      const quantity =
        scope === 'whole' ? line.quantity : wholeNumberIn(quantities[line.orderItemId]!, line.quantity)!;
      return { orderItemId: line.orderItemId, quantity, ...(sku ? { sku } : {}) };
    });
    const trimmedMemo = memo.trim();
    setSubmitting(true);
    try {
      await onSubmit({
        id: requestId,
        orderId: order.orderId,
        lines,
        wholeOrder: scope === 'whole',
        reason,
        ...(trimmedMemo ? { memo: trimmedMemo } : {}),
        ...(offerZeroStock && zeroStock ? { zeroStockSkus } : {}),
      });
    } catch (error) {
      setSubmitError(error instanceof Error ? error.message : String(error));
      setSubmitting(false);
    }
  }

  const toggle = (orderItemId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(orderItemId);
      else next.delete(orderItemId);
      return next;
    });

  return (
    <CancelDialogFrame
      title={`Cancel order ${order.orderId}`}
      intro={
        <p>
          The cancellation is sent to Amazon through the order manager’s outbox. The order shows “Cancel
          pending” until Amazon answers.
        </p>
      }
      onClose={onClose}
    >
      {buyerAsked && (
        <p className="cancel-dialog__buyer" role="note" data-testid="buyer-request-note">
          The buyer asked to cancel this order. Cancelling with the reason “Buyer cancelled” answers the
          request and does not count against your cancellation rate.
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset className="cancel-dialog__scope">
          <legend>What to cancel</legend>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              value="whole"
              checked={scope === 'whole'}
              disabled={!wholeAllowed}
              aria-describedby={wholeAllowed ? undefined : `${id}-whole-note`}
              onChange={() => setScope('whole')}
            />
            Whole order
          </label>
          {!wholeAllowed && (
            <span id={`${id}-whole-note`} className="cancel-dialog__hint">
              Part of this order has shipped or is already being cancelled; choose the lines to cancel.
            </span>
          )}
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              value="lines"
              checked={scope === 'lines'}
              onChange={() => setScope('lines')}
            />
            Chosen lines
          </label>
        </fieldset>
        {scope === 'lines' && (
          <fieldset
            className="cancel-dialog__lines"
            aria-describedby={attempted && linesError ? `${id}-lines-error` : undefined}
          >
            <legend>Lines to cancel</legend>
            {cancellableLines.map((line) => {
              const name = lineName(line, itemOf(line));
              const quantityError = attempted ? quantityErrors.get(line.orderItemId) : undefined;
              return (
                <div key={line.orderItemId} className="cancel-dialog__line">
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(line.orderItemId)}
                      onChange={(event) => toggle(line.orderItemId, event.target.checked)}
                    />
                    {name}
                  </label>
                  {line.quantity > 1 ? (
                    <label className="cancel-dialog__quantity">
                      Quantity
                      <input
                        type="number"
                        min={1}
                        max={line.quantity}
                        step={1}
                        aria-label={`Quantity to cancel of ${name}`}
                        aria-invalid={quantityError ? true : undefined}
                        aria-describedby={quantityError ? `${id}-q-${line.orderItemId}` : undefined}
                        value={quantities[line.orderItemId] ?? ''}
                        disabled={!chosen.has(line.orderItemId)}
                        onChange={(event) =>
                          setQuantities((q) => ({ ...q, [line.orderItemId]: event.target.value }))
                        }
                      />
                      of {line.quantity}
                    </label>
                  ) : (
                    <span className="cancel-dialog__quantity">Quantity 1</span>
                  )}
                  {quantityError && (
                    <span id={`${id}-q-${line.orderItemId}`} className="cancel-dialog__error">
                      {quantityError}
                    </span>
                  )}
                </div>
              );
            })}
            {attempted && linesError && (
              <p id={`${id}-lines-error`} className="cancel-dialog__error" role="alert">
                {linesError}
              </p>
            )}
          </fieldset>
        )}
        <div className="cancel-dialog__field">
          <label htmlFor={`${id}-reason`}>Reason for cancellation</label>
          <select
            id={`${id}-reason`}
            ref={reasonRef}
            required
            aria-invalid={attempted && reasonError ? true : undefined}
            aria-describedby={attempted && reasonError ? `${id}-reason-error` : undefined}
            value={reason}
            onChange={(event) => setReason(event.target.value as CancelReason | '')}
          >
            <option value="">Choose a reason…</option>
            {CANCEL_REASONS.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          {attempted && reasonError && (
            <span id={`${id}-reason-error`} className="cancel-dialog__error" role="alert">
              {reasonError}
            </span>
          )}
        </div>
        {offerZeroStock && (
          <div className="cancel-dialog__field">
            <label>
              <input
                type="checkbox"
                checked={zeroStock}
                aria-describedby={`${id}-zero-skus`}
                onChange={(event) => setZeroStock(event.target.checked)}
              />
              Set stock of these SKUs to 0
            </label>
            <ul id={`${id}-zero-skus`} className="cancel-dialog__skus" aria-label="SKUs to set to 0">
              {zeroStockSkus.map((sku) => (
                <li key={sku}>{sku}</li>
              ))}
            </ul>
            <span className="cancel-dialog__hint">
              Only your own (merchant-fulfilled) stock is changed; Amazon-fulfilled stock is never touched.
            </span>
          </div>
        )}
        <div className="cancel-dialog__field">
          <label htmlFor={`${id}-memo`}>Seller memo (optional)</label>
          <textarea
            id={`${id}-memo`}
            maxLength={1000}
            rows={3}
            value={memo}
            onChange={(event) => setMemo(event.target.value)}
          />
        </div>
        {submitError && (
          <p className="cancel-dialog__error" role="alert">
            Could not queue the cancellation: {submitError}
          </p>
        )}
        <div className="cancel-dialog__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          {/* aria-disabled rather than disabled: a click still explains what is missing. */}
          <button
            type="submit"
            className="cancel-dialog__submit"
            aria-disabled={!ready}
            disabled={submitting}
          >
            {submitting ? 'Queuing cancellation…' : 'Submit cancellation'}
          </button>
        </div>
      </form>
    </CancelDialogFrame>
  );
}
