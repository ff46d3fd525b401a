import { useId, useRef, useState } from 'react';
import { CANCEL_REASONS, type CancelReason } from '../../lib/domain/cancel-reason';
import { CANCEL_MEMO_MAX_LENGTH, type CancelRequest } from '../../lib/domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { errorMessage } from '../../lib/error-message';
import { CancelDialogFrame } from './cancel-dialog-frame';
import {
  cancelForm,
  initialCancelDraft,
  withLineChosen,
  withZeroStock,
  type CancelDraft,
  type CancelFormContext,
  type CancelLineChoice,
} from './cancel-form';
import './cancel-dialog.css';

export interface CancelDialogProps {
  readonly order: StoredOrder;
  readonly items: readonly StoredOrderItem[];
  /** From cancelEligibility: each line that may still be cancelled, with its open units. */
  readonly cancellableLines: readonly CancelLineChoice[];
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStock: boolean;
  /** "Edit cancellation": the failed action this one replaces; the form opens filled from it. */
  readonly editing?: CancelAction;
  /** A reason set by where the dialog was opened from (accepting a buyer's request): shown, not changeable. */
  readonly fixedReason?: CancelReason;
  /** A line under the effects, saying why the reason is fixed. */
  readonly fixedReasonNote?: string;
  /** Queues the cancellation; a rejection's message is shown in the dialog. */
  readonly onSubmit: (request: CancelRequest) => Promise<void>;
  readonly onClose: () => void;
}

function lineName(line: CancelLineChoice, item: StoredOrderItem | undefined): string {
  const sku = line.sku ?? item?.sku;
  const title = item?.title;
  if (sku && title) return `${sku} — ${title}`;
  return sku ?? title ?? 'Line without a SKU';
}

const units = (count: number) => (count === 1 ? '1 unit' : `${count} units`);

/**
 * The cancel dialog: whole order or chosen whole lines, a required Amazon CancelReason, an optional
 * memo, what cancelling does, and (setting on, reason NoInventory) one "Set stock to 0" box per
 * merchant-fulfilled SKU. What it checks and sends is decided in cancel-form.ts.
 */
export function CancelDialog({
  order,
  items,
  cancellableLines,
  allowZeroStock,
  editing,
  fixedReason,
  fixedReasonNote,
  onSubmit,
  onClose,
}: CancelDialogProps) {
  const id = useId();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const firstLineRef = useRef<HTMLInputElement>(null);
  const context: CancelFormContext = { order, items, cancellableLines, allowZeroStock };
  const [draft, setDraft] = useState<CancelDraft>(() => {
    const initial = initialCancelDraft(context, editing);
    return fixedReason ? { ...initial, reason: fixedReason } : initial;
  });
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  // One key per dialog: a double click or a retried submit queues one action, not two.
  const [requestId] = useState(() => crypto.randomUUID());
  // Focus starts on the first line (when lines are chosen) or the reason: what the seller decides first.
  const [initialFocus] = useState(() =>
    draft.scope === 'lines' ? firstLineRef : fixedReason ? undefined : reasonRef,
  );

  const form = cancelForm(context, draft);
  const { scope, chosen, reason, memo } = draft;
  const { wholeAllowed, buyerAsked, offerZeroStock, offeredLines, partlyShippedLines } = form;
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
      title={editing ? `Edit cancellation of order ${order.orderId}` : `Cancel order ${order.orderId}`}
      initialFocus={initialFocus}
      intro={
        <>
          {editing && (
            <p data-testid="edit-note">
              Amazon refused the earlier cancellation, so nothing of it was cancelled. Change what Amazon
              refused and submit: this cancellation takes its place.
            </p>
          )}
          <p>
            The order manager sends the cancellation to Amazon and shows “Cancel pending” until Amazon’s own
            order shows it cancelled; that usually takes a few minutes.
          </p>
        </>
      }
      onClose={onClose}
    >
      <ul className="cancel-dialog__effects" aria-label="What cancelling does" data-testid="cancel-effects">
        <li>A cancellation cannot be undone.</li>
        <li>Amazon refunds the buyer for what is cancelled.</li>
        <li data-testid="cancellation-rate">
          {form.countsTowardCancellationRate
            ? 'It counts toward your cancellation rate, because you cancel it and the buyer did not ask. Choose “Buyer cancelled” only when the buyer asked.'
            : 'The buyer asked to cancel, so it does not count toward your cancellation rate.'}
        </li>
      </ul>
      {fixedReasonNote && (
        <p className="cancel-dialog__buyer" role="note" data-testid="fixed-reason-note">
          {fixedReasonNote}
        </p>
      )}
      {buyerAsked && !fixedReasonNote && (
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
            <legend>Lines to cancel (each line is cancelled with all its units)</legend>
            {offeredLines.map((line, index) => (
              <label key={line.orderItemId} className="cancel-dialog__line">
                <input
                  type="checkbox"
                  ref={index === 0 ? firstLineRef : undefined}
                  checked={chosen.has(line.orderItemId)}
                  onChange={(event) =>
                    setDraft((current) => withLineChosen(current, line.orderItemId, event.target.checked))
                  }
                />
                {lineName(line, itemOf(line))}: cancel this line, all {units(line.quantity)}
              </label>
            ))}
            {partlyShippedLines.length > 0 && (
              <p className="cancel-dialog__hint" data-testid="partly-shipped-lines">
                Not offered, because part of the line has shipped and Amazon cancels only whole lines:{' '}
                {partlyShippedLines.map((line) => lineName(line, itemOf(line))).join(', ')}. Refund those
                units in Seller Central after they ship.
              </p>
            )}
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
            disabled={fixedReason !== undefined}
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
          <fieldset className="cancel-dialog__zero-stock" aria-describedby={`${id}-zero-hint`}>
            <legend>Set stock to 0 (optional)</legend>
            {form.zeroStockChoices.map((choice) => (
              <label key={choice.sku}>
                <input
                  type="checkbox"
                  checked={draft.zeroStockSkus.has(choice.sku)}
                  onChange={(event) =>
                    setDraft((current) => withZeroStock(current, choice.sku, event.target.checked))
                  }
                />
                Set stock of SKU {choice.sku}
                {choice.title ? ` (“${choice.title}”)` : ''} to 0
              </label>
            ))}
            <span id={`${id}-zero-hint`} className="cancel-dialog__hint">
              Only your own (merchant-fulfilled) stock is changed; Amazon-fulfilled stock is never touched.
            </span>
          </fieldset>
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
