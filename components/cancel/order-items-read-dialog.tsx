import { CancelDialogFrame } from './cancel-dialog-frame';

/** Reading an order known only from the order report: under way, or refused with the reason. */
export type OrderItemsRead =
  { readonly state: 'reading' } | { readonly state: 'failed'; readonly message: string };

export interface OrderItemsReadDialogProps {
  readonly orderId: string;
  readonly read: OrderItemsRead;
  readonly onTryAgain: () => void;
  readonly onClose: () => void;
}

/** Ends the reason with a full stop, so "Try again in a minute." reads as its own sentence. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Shown instead of the cancel form while the order's real lines are read from Amazon: the order
 * report has no order item ids, and a cancel sent with the report's placeholders would fail.
 */
export function OrderItemsReadDialog({ orderId, read, onTryAgain, onClose }: OrderItemsReadDialogProps) {
  return (
    <CancelDialogFrame
      title={`Cancel order ${orderId}`}
      intro={
        <p>
          The order manager knows this order only from Amazon’s order report, which has no order item ids. A
          cancellation needs them, so the order is read from Amazon first.
        </p>
      }
      onClose={onClose}
    >
      {read.state === 'reading' ? (
        <p className="cancel-dialog__reading" role="status" data-testid="reading-order-items">
          Reading this order’s items from Amazon…
        </p>
      ) : (
        <p className="cancel-dialog__error" role="alert">
          The order manager could not read this order’s items from Amazon: {asSentence(read.message)} Try
          again in a minute.
        </p>
      )}
      <div className="cancel-dialog__actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
        {read.state === 'failed' && (
          <button type="button" className="cancel-dialog__submit" onClick={onTryAgain}>
            Try again
          </button>
        )}
      </div>
    </CancelDialogFrame>
  );
}
