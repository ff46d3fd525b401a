import { useId, useRef, useState } from 'react';
import { errorMessage } from '../../lib/error-message';
import { CancelDialogFrame } from '../cancel/cancel-dialog-frame';

/** The background's limit for a decline memo. */
export const DECLINE_MEMO_MAX_LENGTH = 500;

export interface DeclineRequestDialogProps {
  readonly orderId: string;
  /** Records the decline; a rejection's message is shown in the dialog. */
  readonly onDecline: (memo: string) => Promise<void>;
  readonly onClose: () => void;
}

/** "Decline": the seller keeps the order and ships; a memo says why, for later. */
export function DeclineRequestDialog({ orderId, onDecline, onClose }: DeclineRequestDialogProps) {
  const id = useId();
  const memoRef = useRef<HTMLTextAreaElement>(null);
  const [memo, setMemo] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const missing = memo.trim() === '';

  async function submit() {
    setAttempted(true);
    setSubmitError(undefined);
    if (missing) {
      memoRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await onDecline(memo.trim());
    } catch (error) {
      setSubmitError(errorMessage(error));
      setSubmitting(false);
    }
  }

  return (
    <CancelDialogFrame
      title={`Decline the buyer’s request for order ${orderId}`}
      initialFocus={memoRef}
      intro={
        <p>
          You keep the order and ship it as usual. Amazon has no way to decline a request, so the buyer is not
          told: the request stays open at Amazon until the order ships. Consider messaging the buyer in Seller
          Central.
        </p>
      }
      onClose={onClose}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="cancel-dialog__field">
          <label htmlFor={`${id}-memo`}>Why are you keeping this order?</label>
          <textarea
            id={`${id}-memo`}
            ref={memoRef}
            required
            rows={3}
            maxLength={DECLINE_MEMO_MAX_LENGTH}
            placeholder="For example: Already shipped, or Buyer confirmed by message"
            aria-invalid={attempted && missing ? true : undefined}
            aria-describedby={attempted && missing ? `${id}-memo-error` : undefined}
            value={memo}
            onChange={(event) => setMemo(event.target.value)}
          />
          {attempted && missing && (
            <span id={`${id}-memo-error`} className="cancel-dialog__error" role="alert">
              Say why you are keeping the order, for example “Already shipped” or “Buyer confirmed by
              message”.
            </span>
          )}
        </div>
        {submitError && (
          <p className="cancel-dialog__error" role="alert">
            Could not decline the request: {submitError}
          </p>
        )}
        <div className="cancel-dialog__actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="cancel-dialog__submit" disabled={submitting}>
            {submitting ? 'Declining…' : 'Decline request'}
          </button>
        </div>
      </form>
    </CancelDialogFrame>
  );
}
