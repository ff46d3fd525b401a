import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { cancelEligibility } from '../../lib/domain/cancel-eligibility';
import type { CancelRequest } from '../../lib/domain/cancel-request';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { errorMessage } from '../../lib/error-message';
import type { ActionSource } from './action-source';
import { CancelDialog } from './cancel-dialog';
import { CancelStatus } from './cancel-status';
import { OrderItemsReadDialog, type OrderItemsRead } from './order-items-read-dialog';
import { useOrderActions } from './use-order-actions';
import './order-cancel-panel.css';

/** How long the view waits for the stored order after the background read it from Amazon. */
const ITEMS_ARRIVAL_TIMEOUT_MS = 15_000;

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
  // "Edit cancellation": the failed action the dialog replaces, while it is open for that.
  const [editing, setEditing] = useState<CancelAction>();
  const [itemsRead, setItemsRead] = useState<OrderItemsRead | 'answered'>();
  // Only the latest read may change the dialog (a closed dialog or a superseded try is ignored).
  const readSequence = useRef(0);
  const arrivalHandled = useRef(false);
  const eligibility = actions ? cancelEligibility(order, items, actions) : undefined;
  // The order report's lines carry placeholder ids; a cancel must be built from Amazon's real ones.
  const reportOnly = order.detailLevel === 'report';
  const { orderId } = order;

  const readItems = useCallback(() => {
    const sequence = ++readSequence.current;
    setItemsRead({ state: 'reading' });
    source.readOrderFromAmazon(orderId).then(
      () => {
        if (readSequence.current === sequence) setItemsRead('answered');
      },
      (error: unknown) => {
        if (readSequence.current === sequence)
          setItemsRead({ state: 'failed', message: errorMessage(error) });
      },
    );
  }, [source, orderId]);

  const openDialog = useCallback(() => {
    setEditing(undefined);
    setOpen(true);
    if (reportOnly) readItems();
  }, [reportOnly, readItems]);

  const openEditDialog = (failed: CancelAction) => {
    openDialog();
    setEditing(failed);
  };

  const closeDialog = () => {
    readSequence.current++;
    setItemsRead(undefined);
    setOpen(false);
    setEditing(undefined);
  };

  useEffect(() => {
    if (!openOnArrival || arrivalHandled.current || !eligibility) return;
    arrivalHandled.current = true;
    if (eligibility.canCancel) openDialog();
  }, [openOnArrival, eligibility, openDialog]);

  // Amazon answered but the stored order has not reached this view: say so rather than wait for ever.
  useEffect(() => {
    if (!open || !reportOnly || itemsRead !== 'answered') return;
    const timer = setTimeout(
      () =>
        setItemsRead({
          state: 'failed',
          message: 'Amazon answered, but the order’s items did not reach this view.',
        }),
      ITEMS_ARRIVAL_TIMEOUT_MS,
    );
    return () => clearTimeout(timer);
  }, [open, reportOnly, itemsRead]);

  async function submit(request: CancelRequest) {
    if (editing) await source.replace(editing.id, request);
    else await source.enqueueCancel(request);
    setOpen(false);
    setEditing(undefined);
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

  async function sendAgain(actionId: string) {
    await source.sendAgain(actionId);
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
        onEdit={openEditDialog}
        onResolveReview={resolveReview}
        onSendAgain={sendAgain}
      />
      <div className="order-cancel__action">
        <button
          type="button"
          className="order-cancel__button"
          disabled={disabledReason !== undefined}
          aria-describedby={disabledReason ? `${id}-why` : undefined}
          onClick={openDialog}
        >
          Cancel order…
        </button>
        {disabledReason && (
          <span id={`${id}-why`} className="order-cancel__why" data-testid="cancel-disabled-reason">
            {disabledReason}
          </span>
        )}
      </div>
      {open && eligibility?.canCancel && reportOnly && (
        <OrderItemsReadDialog
          orderId={orderId}
          read={itemsRead === undefined || itemsRead === 'answered' ? { state: 'reading' } : itemsRead}
          onTryAgain={readItems}
          onClose={closeDialog}
        />
      )}
      {open && eligibility?.canCancel && !reportOnly && (
        <CancelDialog
          order={order}
          items={items}
          cancellableLines={eligibility.cancellableLines}
          allowZeroStock={allowZeroStock}
          {...(editing ? { editing } : {})}
          onSubmit={submit}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
