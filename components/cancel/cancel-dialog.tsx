import { useId, useRef, useState } from 'react';
import { CANCEL_REASONS, type CancelReason } from '../../lib/domain/cancel-reason';
import { CANCEL_MEMO_MAX_LENGTH, type CancelRequest } from '../../lib/domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { errorMessage } from '../../lib/error-message';
import { CancelDialogFrame } from './cancel-dialog-frame';
import {
  cancelForm,
  initialCancelDraft,
  withLineChosen,
  type CancelDraft,
  type CancelFormContext,
  type CancelLineChoice,
} from './cancel-form';
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

function lineName(line: CancelLineChoice, item: StoredOrderItem | undefined): string {
  const sku = line.sku ?? item?.sku;
  const title = item?.title;
  if (sku && title) return `${sku} — ${title}`;
  return sku ?? title ?? line.orderItemId;
}

/**
 * The cancel dialog: whole order or chosen lines, a required Amazon CancelReason, an optional memo,
 * and (setting on, reason NoInventory) stock of merchant-fulfilled SKUs to 0. What it checks and
 * sends is decided in cancel-form.ts; this renders the draft and dispatches the seller's changes.
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
  const context: CancelFormContext = { order, items, cancellableLines, allowZeroStock };
  const [draft, setDraft] = useState<CancelDraft>(() => initialCancelDraft(context));
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  // One key per dialog: a double click or a retried submit queues one action, not two.
  const [requestId] = useState(() => crypto.randomUUID());

  const form = cancelForm(context, draft);
  const { scope, chosen, quantities, reason, memo, zeroStock } = draft;
  const { wholeAllowed, buyerAsked, zeroStockSkus, offerZeroStock } = form;
  const reasonError = form.errors.reason;
  const linesError = form.errors.lines;
  const change = (patch: Partial<CancelDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const itemOf = (line: CancelLineChoice) => items.find((item) => item.orderItemId === line.orderItemId);

  async function submit() {
    setAttempted(true);
    setSubmitError(undefined);
    if (!form.request) {
      if (reasonError) reasonRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit({ id: requestId, ...form.request });
    } catch (error) {
      setSubmitError(errorMessage(error));
      setSubmitting(false);
    }
  }

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
              onChange={() => change({ scope: 'whole' })}
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
              onChange={() => change({ scope: 'lines' })}
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
              const quantityError = attempted ? form.errors.quantities.get(line.orderItemId) : undefined;
              return (
                <div key={line.orderItemId} className="cancel-dialog__line">
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(line.orderItemId)}
                      onChange={(event) =>
                        setDraft((current) => withLineChosen(current, line.orderItemId, event.target.checked))
                      }
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
                          setDraft((current) => ({
                            ...current,
                            quantities: { ...current.quantities, [line.orderItemId]: event.target.value },
                          }))
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
            onChange={(event) => change({ reason: event.target.value as CancelReason | '' })}
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
                onChange={(event) => change({ zeroStock: event.target.checked })}
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
            maxLength={CANCEL_MEMO_MAX_LENGTH}
            rows={3}
            value={memo}
            onChange={(event) => change({ memo: event.target.value })}
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
            aria-disabled={!form.ready}
            disabled={submitting}
          >
            {submitting ? 'Queuing cancellation…' : 'Submit cancellation'}
          </button>
        </div>
      </form>
    </CancelDialogFrame>
  );
}
