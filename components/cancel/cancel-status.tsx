import { useState } from 'react';
import { CANCEL_REASON_LABELS } from '../../lib/domain/cancel-reason';
import type { StoredOrderItem } from '../../lib/domain/order';
import { cancelFailureOf, type CancelAction } from '../../lib/domain/outbox-action';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format-time';
import { sellerFacingAmazonText, sellerLineName } from './amazon-text';
import { cancelActionKind } from './cancel-summary';

export interface CancelStatusProps {
  /** The order's cancel actions, newest first. */
  readonly actions: readonly CancelAction[];
  readonly items: readonly StoredOrderItem[];
  readonly cancelledOutsideManager?: { readonly seenAt: string };
  readonly onRetry: (actionId: string) => Promise<void>;
  /** "Edit cancellation" of a failed action a retry cannot fix: opens the dialog filled from it. */
  readonly onEdit: (action: CancelAction) => void;
  readonly onResolveReview: (actionId: string, verdict: 'done' | 'failed') => Promise<void>;
  readonly onSendAgain: (actionId: string) => Promise<void>;
}

/**
 * The line naming an action's state; Amazon's text is rendered as text, never as HTML, with the
 * order's item ids replaced by SKU and title (the raw text goes to the technical details).
 */
export function cancelStateText(action: CancelAction, items: readonly StoredOrderItem[] = []): string {
  const amazonText = (text: string) => sellerFacingAmazonText(text, items);
  switch (action.status) {
    case 'pending':
      switch (cancelActionKind(action)) {
        case 'blocked':
          return `Cancel not sent: ${action.problem?.message ?? ''}`;
        case 'confirming':
          return 'Amazon accepted the cancellation; waiting for the order to show it (usually a few minutes).';
        case 'retrying':
          return `Cancel pending — not sent yet: ${action.problem?.message ?? ''}`;
        default:
          return 'Cancel pending';
      }
    case 'done':
      return action.wholeOrder ? 'Cancelled' : 'Cancelled (chosen lines)';
    case 'failed':
      if (action.replacedBy) return 'Cancel failed, and replaced by an edited cancellation';
      return `Cancel failed: ${action.resultText ? amazonText(action.resultText) : 'Amazon gave no reason.'}`;
    case 'needs-review':
      return `Needs review: ${action.resultText ? amazonText(action.resultText) : 'the send was interrupted.'}`;
  }
}

function lineText(action: CancelAction, items: readonly StoredOrderItem[]): string {
  const lines = action.lines.map((line) => {
    const item = items.find((i) => i.orderItemId === line.orderItemId);
    const name = sellerLineName({ sku: line.sku ?? item?.sku, title: item?.title }) ?? 'a line without a SKU';
    return `${name}: ${line.quantity === 1 ? '1 unit' : `${line.quantity} units`}`;
  });
  const count = action.lines.length === 1 ? '1 line' : `${action.lines.length} lines`;
  return action.wholeOrder ? `Whole order, ${count} (${lines.join('; ')})` : `${count}: ${lines.join('; ')}`;
}

const ZERO_STOCK_TEXT = {
  pending: 'setting stock to 0…',
  accepted: 'stock set to 0',
  failed: 'could not set stock to 0',
} as const;

/** What happens next with a pending action, and what (if anything) the seller has to do. */
function pendingExplanation(action: CancelAction): string | undefined {
  const attempts = action.problem?.attempts ?? 0;
  switch (cancelActionKind(action)) {
    case 'blocked':
      return 'Waiting will not fix this: do what the message says. The order manager then sends the cancellation again on its own.';
    case 'retrying':
      return `The order manager keeps trying on its own (${attempts} ${attempts === 1 ? 'try' : 'tries'} so far); nothing to do for now.`;
    case 'confirming':
      return undefined;
    default:
      return 'Waiting for Amazon to process the cancellation.';
  }
}

function ActionEntry({
  action,
  items,
  onRetry,
  onEdit,
  onResolveReview,
  onSendAgain,
}: {
  action: CancelAction;
  items: readonly StoredOrderItem[];
  onRetry: (actionId: string) => Promise<void>;
  onEdit: (action: CancelAction) => void;
  onResolveReview: (actionId: string, verdict: 'done' | 'failed') => Promise<void>;
  onSendAgain: (actionId: string) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const failure = cancelFailureOf(action);
  const [actError, setActError] = useState<string>();
  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setActError(undefined);
    try {
      await run();
    } catch (error) {
      setActError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li
      className={`cancel-status__action cancel-status__action--${action.status}`}
      data-testid="cancel-action"
    >
      <p className="cancel-status__state" data-testid="cancel-state">
        {cancelStateText(action, items)}
      </p>
      {failure === 'refused' && !action.replacedBy && (
        <p className="cancel-status__explain" data-testid="refused-explain">
          Amazon refused this cancellation, so nothing of it was cancelled. Sending it again would get the
          same answer: edit it (for example the lines or the reason) and submit it again.
        </p>
      )}
      {action.status === 'needs-review' &&
        (action.sendAgainAllowed ? (
          <p className="cancel-status__explain">
            No feed of the order manager can still be on its way to Amazon, so sending it again cannot cancel
            twice. Check the order in Seller Central: if it is cancelled there, say so; if not, send it again.
          </p>
        ) : (
          <p className="cancel-status__explain">
            The extension could not tell whether Amazon received this cancellation. Check the order in Seller
            Central before retrying, so that it is not sent twice: if it is not cancelled there, say so and
            retry it here.
          </p>
        ))}
      {action.status === 'needs-review' && action.suspectedDuplicateFeedIds?.length ? (
        <p className="cancel-status__explain" role="note" data-testid="suspected-duplicates">
          Amazon lists other order feeds sent around the same time (feed{' '}
          {action.suspectedDuplicateFeedIds.join(', ')}): one of them may be a copy of this cancellation that
          the browser sent again. Check the order in Seller Central before sending anything.
        </p>
      ) : null}
      {action.status === 'pending' && pendingExplanation(action) && (
        <p className="cancel-status__explain">{pendingExplanation(action)}</p>
      )}
      {(action.status === 'failed' || action.status === 'needs-review') && action.problem && (
        <p className="cancel-status__explain" data-testid="cancel-problem">
          Last problem sending it ({formatDateTime(action.problem.at)}): {action.problem.message}
        </p>
      )}
      <p className="cancel-status__facts">
        {lineText(action, items)} · Reason: {CANCEL_REASON_LABELS[action.reason]} · requested{' '}
        {formatDateTime(action.createdAt)}
      </p>
      {action.memo && <p className="cancel-status__memo">Seller memo: {action.memo}</p>}
      {action.zeroStock && action.zeroStock.length > 0 && (
        <ul className="cancel-status__zero-stock" aria-label="Stock set to 0">
          {action.zeroStock.map((result) => (
            <li key={result.sku} data-testid="zero-stock-result">
              SKU {result.sku}: {ZERO_STOCK_TEXT[result.status]}
              {result.message && ` — ${result.message}`}
              {result.issues && result.issues.length > 0 && (
                <ul>
                  {result.issues.map((issue, index) => (
                    <li key={index}>{issue}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {action.resultText && (action.status === 'failed' || action.status === 'needs-review') && (
        <details className="cancel-status__technical">
          <summary>Technical details</summary>
          <p data-testid="amazon-raw-text">Amazon’s message: {action.resultText}</p>
        </details>
      )}
      {action.status === 'failed' && !action.replacedBy && failure === 'refused' && (
        <button type="button" onClick={() => onEdit(action)} disabled={busy}>
          Edit cancellation
        </button>
      )}
      {action.status === 'failed' && !action.replacedBy && failure === 'not-applied' && (
        <button type="button" onClick={() => void act(() => onRetry(action.id))} disabled={busy}>
          Retry
        </button>
      )}
      {action.status === 'needs-review' && (
        <div className="cancel-status__review" role="group" aria-label="After checking Seller Central">
          {action.sendAgainAllowed && (
            <button type="button" onClick={() => void act(() => onSendAgain(action.id))} disabled={busy}>
              Send again
            </button>
          )}
          <button
            type="button"
            onClick={() => void act(() => onResolveReview(action.id, 'done'))}
            disabled={busy}
          >
            It is cancelled in Seller Central
          </button>
          <button
            type="button"
            onClick={() => void act(() => onResolveReview(action.id, 'failed'))}
            disabled={busy}
          >
            It is not cancelled
          </button>
        </div>
      )}
      {actError && <p role="alert">{actError}</p>}
    </li>
  );
}

/** What the order manager knows of the order's cancellation: each action's state, and outside cancels. */
export function CancelStatus({
  actions,
  items,
  cancelledOutsideManager,
  onRetry,
  onEdit,
  onResolveReview,
  onSendAgain,
}: CancelStatusProps) {
  if (actions.length === 0 && !cancelledOutsideManager) return null;
  return (
    <div className="cancel-status" aria-live="polite" data-testid="cancel-status">
      {cancelledOutsideManager && (
        <p className="cancel-status__outside" data-testid="cancelled-outside">
          Cancelled outside the order manager (seen {formatDateTime(cancelledOutsideManager.seenAt)}). It was
          cancelled in Seller Central or by Amazon, so the order manager has no record of the reason.
        </p>
      )}
      {actions.length > 0 && (
        <ul className="cancel-status__actions" aria-label="Cancellations">
          {actions.map((action) => (
            <ActionEntry
              key={action.id}
              action={action}
              items={items}
              onRetry={onRetry}
              onEdit={onEdit}
              onResolveReview={onResolveReview}
              onSendAgain={onSendAgain}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
