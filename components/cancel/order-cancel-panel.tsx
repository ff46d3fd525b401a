import { useEffect, useId, useRef, useState } from 'react';
import { cancelEligibility } from '../../lib/domain/cancel-eligibility';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import type { ActionSource, CancelRequest } from './action-source';
import { CancelDialog } from './cancel-dialog';
import { CancelStatus } from './cancel-status';
import { useOrderActions } from './use-order-actions';
import './order-cancel-panel.css';

export interface OrderCancelPanelProps {
  readonly order: StoredOrder;
  readonly items: readonly StoredOrderItem[];
  readonly source: ActionSource;
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStock: boolean;
  /** Opens the dialog once the order's actions are read (the manager opened at `#order=…&action=cancel`). */
  readonly openOnArrival?: boolean;
}

/** The order's cancel state, and the "Cancel order…" button that says why when it is disabled. */
export function OrderCancelPanel({
  order,
  items,
  source,
  allowZeroStock,
  openOnArrival,
}: OrderCancelPanelProps) {
  const id = useId();
  const { actions, error, reload } = useOrderActions(source, order.orderId);
  const [open, setOpen] = useState(false);
  const arrivalHandled = useRef(false);
  const eligibility = actions ? cancelEligibility(order, items, actions) : undefined;

  useEffect(() => {
    if (!openOnArrival || arrivalHandled.current || !eligibility) return;
    arrivalHandled.current = true;
    if (eligibility.canCancel) setOpen(true);
  }, [openOnArrival, eligibility]);

  async function submit(request: CancelRequest) {
    await source.enqueueCancel(request);
    setOpen(false);
    reload();
  }

  async function retry(actionId: string) {
    await source.retry(actionId);
    reload();
  }

  async function resolveReview(actionId: string, verdict: 'done' | 'failed') {
    await source.resolveReview(actionId, verdict);
    reload();
  }

  const disabledReason = eligibility
    ? eligibility.canCancel
      ? undefined
      : (eligibility.reason ?? 'This order cannot be cancelled from the order manager.')
    : error
      ? `Could not read this order’s pending actions: ${error}`
      : 'Checking pending actions…';

  return (
    <div className="order-cancel" role="group" aria-label="Cancellation" data-testid="order-cancel">
      <CancelStatus
        actions={actions ?? []}
        items={items}
        cancelledOutsideManager={order.cancelledOutsideManager}
        onRetry={retry}
        onResolveReview={resolveReview}
      />
      <div className="order-cancel__action">
        <button
          type="button"
          className="order-cancel__button"
          disabled={disabledReason !== undefined}
          aria-describedby={disabledReason ? `${id}-why` : undefined}
          onClick={() => setOpen(true)}
        >
          Cancel order…
        </button>
        {disabledReason && (
          <span id={`${id}-why`} className="order-cancel__why" data-testid="cancel-disabled-reason">
            {disabledReason}
          </span>
        )}
      </div>
      {open && eligibility?.canCancel && (
        <CancelDialog
          order={order}
          items={items}
          cancellableLines={eligibility.cancellableLines}
          allowZeroStock={allowZeroStock}
          onSubmit={submit}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
