import { useEffect, useMemo, useRef, useState } from 'react';
import {
  BUYER_REQUEST_WINDOW_SOURCE,
  CLOSED_HOW_LABELS,
  formatDeadline,
  formatTimeLeft,
  recentlyClosed,
  type RequestQueueEntry,
} from '../../lib/domain/buyer-request';
import { cancelEligibility } from '../../lib/domain/cancel-eligibility';
import type { CancelRequest } from '../../lib/domain/cancel-request';
import type { StoredOrderItem } from '../../lib/domain/order';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { isSubTypeKnown, SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime } from '../../lib/format-time';
import type { OrderWithItems } from '../../lib/store';
import { openShipBy } from '../../lib/store/order-query';
import type { ActionSource } from '../cancel/action-source';
import { CancelDialog } from '../cancel/cancel-dialog';
import { actionsByOrder, cancelSummary } from '../cancel/cancel-summary';
import { CancellationRatePanel } from './cancellation-rate-panel';
import { DeclineRequestDialog } from './decline-request-dialog';
import type { RequestDecisions } from './request-decisions';
import { requestQueues } from './request-queue-view';
import { requestNeedsAnswer } from '../../lib/domain/request-reminders';
import type { Loaded } from './use-buyer-requests';
import './requests-view.css';

export type RequestArrivalAction = 'accept-request' | 'decline-request' | 'show-request';

export const ACCEPT_NOTE = 'A cancel the buyer asked for does not count against your cancellation rate.';
export const EMPTY_REQUESTS_TEXT = 'No buyer has asked to cancel. Requests appear here after a sync.';
const RECENTLY_CLOSED_DAYS = 7;
/**
 * Open requests drawn at first: the most urgent, several screens of them. With 500 open, drawing all
 * took about 500 ms in Chromium and 50 about 100 ms; 20 take about 60 ms (`npm run bench`). The rest
 * are one click away.
 */
export const FIRST_OPEN_ROWS = 20;

export interface RequestsViewProps {
  /** Every order with a request (open or closed) and its items. */
  readonly requests: Loaded<OrderWithItems[]>;
  /** Orders placed in the last 7 days, for the cancellation rate. */
  readonly rateOrders: Loaded<OrderWithItems[]>;
  /** Every outbox action; undefined until read. */
  readonly actions: readonly CancelAction[] | undefined;
  readonly actionSource: ActionSource;
  readonly decisions: RequestDecisions;
  /** The buyerRequestWindowHours setting. */
  readonly windowHours: number;
  readonly allowZeroStock: boolean;
  /** Ticks once a minute: the countdowns need no more, and the queue is not re-sorted every second. */
  readonly now: Date;
  /** The seller's zone for deadlines; the browser's when absent. */
  readonly timeZone?: string;
  /** Opens this dialog for the order once the requests are read (the manager opened at `#order=…&action=…`). */
  readonly arrival?: { readonly orderId: string; readonly action: RequestArrivalAction };
  readonly onOpenOrder: (orderId: string) => void;
  readonly onOpenSettings: () => void;
  readonly onBack?: () => void;
}

type OpenDialog = { kind: 'accept' | 'decline'; orderId: string };

const units = (count: number) => (count === 1 ? '1 unit' : `${count} units`);

function itemLine(item: StoredOrderItem): string {
  const name = item.sku && item.title ? `${item.sku} — ${item.title}` : (item.sku ?? item.title ?? 'Item');
  return `${name}: ${units(item.quantityOrdered)}`;
}

/** The requests view: open requests with countdowns, declined ones, recently closed ones and the rate. */
export function RequestsView({
  requests,
  rateOrders,
  actions,
  actionSource,
  decisions,
  windowHours,
  allowZeroStock,
  now,
  timeZone,
  arrival,
  onOpenOrder,
  onOpenSettings,
  onBack,
}: RequestsViewProps) {
  const [dialog, setDialog] = useState<OpenDialog>();
  const [notice, setNotice] = useState<{ orderId: string; text: string }>();
  const [undoError, setUndoError] = useState<{ orderId: string; text: string }>();
  const [arrivalNotice, setArrivalNotice] = useState<string>();
  const [allOpenRows, setAllOpenRows] = useState(false);
  const [shownOrderId, setShownOrderId] = useState<string>();
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (shownOrderId === undefined) return;
    const row = [
      ...(listRef.current?.querySelectorAll<HTMLElement>('[data-testid="open-request"]') ?? []),
    ].find((element) => element.dataset.orderId === shownOrderId);
    if (!row) return;
    row.scrollIntoView?.({ block: 'center' });
    row.focus();
    setShownOrderId(undefined);
  }, [shownOrderId, allOpenRows]);
  const arrivalHandled = useRef(false);
  const loaded = requests.value;
  const itemsByOrder = useMemo(
    () => new Map((loaded ?? []).map(({ order, items }) => [order.orderId, items])),
    [loaded],
  );
  const orders = useMemo(() => (loaded ?? []).map(({ order }) => order), [loaded]);
  const queues = useMemo(() => requestQueues(orders, now, windowHours), [orders, now, windowHours]);
  const closed = useMemo(() => recentlyClosed(orders, now, RECENTLY_CLOSED_DAYS), [orders, now]);
  const byOrder = useMemo(() => actionsByOrder(actions ?? []), [actions]);

  function accept(orderId: string) {
    setNotice(undefined);
    const order = orders.find((o) => o.orderId === orderId);
    if (!order) return;
    const items = itemsByOrder.get(orderId) ?? [];
    if (order.detailLevel === 'report' || items.length === 0) {
      setNotice({
        orderId,
        text: 'Items not loaded yet: open the order to read its items from Amazon, then cancel it there with the reason “Buyer cancelled”.',
      });
      return;
    }
    const eligibility = cancelEligibility(order, items, byOrder.get(orderId) ?? []);
    if (!eligibility.canCancel) {
      setNotice({ orderId, text: `${eligibility.reason ?? 'This order cannot be cancelled here'}.` });
      return;
    }
    setDialog({ kind: 'accept', orderId });
  }

  useEffect(() => {
    if (!arrival || arrivalHandled.current || !loaded || !actions) return;
    arrivalHandled.current = true;
    const entry = queues.needAnswer.find((e) => e.order.orderId === arrival.orderId);
    if (!entry) {
      setArrivalNotice(
        `Order ${arrival.orderId} has no open cancellation request waiting for an answer: the buyer may have withdrawn it, or the order was cancelled, shipped or the request declined already.`,
      );
      return;
    }
    if (arrival.action === 'show-request') {
      // A notification's click: the row in view and focused, drawn even when beyond the first rows.
      if (queues.needAnswer.indexOf(entry) >= FIRST_OPEN_ROWS) setAllOpenRows(true);
      setShownOrderId(arrival.orderId);
    } else if (arrival.action === 'accept-request') accept(arrival.orderId);
    else setDialog({ kind: 'decline', orderId: arrival.orderId });
    // Once, when the requests and actions are first read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrival, loaded, actions]);

  async function submitCancel(request: CancelRequest) {
    await actionSource.enqueueCancel(request);
    setDialog(undefined);
  }

  async function undo(orderId: string) {
    setUndoError(undefined);
    try {
      await decisions.undoDecline(orderId);
    } catch (error) {
      setUndoError({ orderId, text: errorMessage(error) });
    }
  }

  const dialogOrder = dialog && loaded?.find(({ order }) => order.orderId === dialog.orderId);
  const empty = queues.needAnswer.length === 0 && queues.declined.length === 0;

  return (
    <section className="requests-view" aria-labelledby="requests-view-heading">
      <div className="requests-view__top">
        {onBack && (
          <button type="button" onClick={onBack}>
            Back to orders
          </button>
        )}
        <h2 id="requests-view-heading" tabIndex={-1}>
          Buyer cancellation requests
        </h2>
      </div>
      <p className="requests-view__window" data-testid="request-window-source">
        Response window: {windowHours} hours. {BUYER_REQUEST_WINDOW_SOURCE} You can change the window in{' '}
        <button type="button" className="requests-view__link" onClick={onOpenSettings}>
          Settings
        </button>
        .
      </p>
      {arrivalNotice && (
        <p className="requests-view__notice" role="status" data-testid="arrival-notice">
          {arrivalNotice}
        </p>
      )}
      {requests.error && (
        <p className="requests-view__notice" role="alert">
          Could not read the buyer requests: {requests.error}. Close and open the order manager again; if it
          keeps happening, run a sync.
        </p>
      )}
      {!loaded && !requests.error && <p>Reading buyer requests…</p>}
      {loaded && empty && <p data-testid="requests-empty">{EMPTY_REQUESTS_TEXT}</p>}
      {queues.needAnswer.length > 0 && (
        <ul className="requests-view__list" aria-label="Open requests" ref={listRef}>
          {(allOpenRows ? queues.needAnswer : queues.needAnswer.slice(0, FIRST_OPEN_ROWS)).map((entry) => (
            <RequestRow
              key={entry.order.orderId}
              entry={entry}
              items={itemsByOrder.get(entry.order.orderId) ?? []}
              orderActions={byOrder.get(entry.order.orderId) ?? []}
              timeZone={timeZone}
              notice={notice?.orderId === entry.order.orderId ? notice.text : undefined}
              onAccept={() => accept(entry.order.orderId)}
              onDecline={() => setDialog({ kind: 'decline', orderId: entry.order.orderId })}
              onOpenOrder={() => onOpenOrder(entry.order.orderId)}
            />
          ))}
        </ul>
      )}
      {!allOpenRows && queues.needAnswer.length > FIRST_OPEN_ROWS && (
        <button type="button" onClick={() => setAllOpenRows(true)}>
          Show all {queues.needAnswer.length} open requests ({queues.needAnswer.length - FIRST_OPEN_ROWS}{' '}
          more, with more time left)
        </button>
      )}
      {queues.declined.length > 0 && (
        <section className="requests-view__section" aria-labelledby="requests-declined-heading">
          <h3 id="requests-declined-heading">Declined — ship as usual</h3>
          <ul className="requests-view__list">
            {queues.declined.map(({ order, request }) => (
              <li key={order.orderId} className="request-row" data-testid="declined-request">
                <span className="request-row__id">{order.orderId}</span>
                <span>
                  Declined {request.declined ? formatDateTime(request.declined.at) : ''}: “
                  {request.declined?.memo}”
                </span>
                <button type="button" onClick={() => void undo(order.orderId)}>
                  Undo
                </button>
                {undoError?.orderId === order.orderId && (
                  <span className="requests-view__error" role="alert">
                    Could not undo: {undoError.text}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {closed.length > 0 && (
        <section className="requests-view__section" aria-labelledby="requests-closed-heading">
          <h3 id="requests-closed-heading">Recently closed</h3>
          <ul className="requests-view__list">
            {closed.map(({ order, closed: how }) => (
              <li key={order.orderId} className="request-row" data-testid="closed-request">
                <span className="request-row__id">{order.orderId}</span>
                <span>
                  {CLOSED_HOW_LABELS[how.how]} — {formatDateTime(how.at)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CancellationRatePanel
        orders={rateOrders.value}
        actions={actions ?? []}
        now={now}
        error={rateOrders.error}
      />
      {dialog?.kind === 'accept' && dialogOrder && (
        <CancelDialog
          order={dialogOrder.order}
          items={dialogOrder.items}
          cancellableLines={
            cancelEligibility(dialogOrder.order, dialogOrder.items, byOrder.get(dialog.orderId) ?? [])
              .cancellableLines
          }
          allowZeroStock={allowZeroStock}
          fixedReason="BuyerCanceled"
          fixedReasonNote={ACCEPT_NOTE}
          onSubmit={submitCancel}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'decline' && (
        <DeclineRequestDialog
          orderId={dialog.orderId}
          onDecline={async (memo) => {
            await decisions.decline(dialog.orderId, memo);
            setDialog(undefined);
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
    </section>
  );
}

interface RequestRowProps {
  readonly entry: RequestQueueEntry;
  readonly items: readonly StoredOrderItem[];
  readonly orderActions: readonly CancelAction[];
  readonly timeZone?: string;
  readonly notice?: string;
  readonly onAccept: () => void;
  readonly onDecline: () => void;
  readonly onOpenOrder: () => void;
}

/** One open request: countdown, deadline, reason (as text), items, chips, ship-by and the two answers. */
function RequestRow({
  entry,
  items,
  orderActions,
  timeZone,
  notice,
  onAccept,
  onDecline,
  onOpenOrder,
}: RequestRowProps) {
  const { order, request, deadline, msLeft, overdue, sellerFulfilledPrime } = entry;
  const summary = cancelSummary(orderActions);
  // As the badge counts it: a failed cancel, or a line cancelled before the buyer asked, answers nothing.
  const answerable = requestNeedsAnswer(request, orderActions);
  const sent = !answerable && summary && ['pending', 'retrying', 'confirming', 'done'].includes(summary.kind);
  const review = summary?.kind === 'needs-review';
  const failed = summary && ['failed', 'blocked'].includes(summary.kind);
  const shipBy = openShipBy(order);
  return (
    <li
      className={overdue ? 'request-row request-row--overdue' : 'request-row'}
      data-testid="open-request"
      data-order-id={order.orderId}
      tabIndex={-1}
    >
      <div className="request-row__line">
        <span className="request-row__id">{order.orderId}</span>
        <span className="request-row__chips">
          {isSubTypeKnown(order) &&
            order.subTypes.map((subType) => (
              <span key={subType} className={`sub-type-chip sub-type-chip--${subType}`}>
                {SUB_TYPE_LABELS[subType]}
              </span>
            ))}
        </span>
        <span className="request-row__left" data-testid="time-left">
          {formatTimeLeft(msLeft)}
        </span>
      </div>
      {overdue && (
        <p className="request-row__overdue" data-testid="overdue-flag">
          Past the response window: the buyer may contact Amazon
        </p>
      )}
      <p>
        Answer by <span data-testid="deadline">{formatDeadline(deadline, timeZone)}</span>
        {shipBy ? ` · Ship by ${formatDateTime(shipBy)}` : ''}
      </p>
      <p className="request-row__reason">
        Buyer’s reason: <span data-testid="request-reason">{request.reason ?? 'No reason given'}</span>
      </p>
      {sellerFulfilledPrime && (
        <p className="request-row__sfp" data-testid="sfp-mark">
          Seller Fulfilled Prime: the buyer deals with Amazon directly
        </p>
      )}
      {items.length > 0 ? (
        <ul className="request-row__items" aria-label="Items">
          {items.map((item) => (
            <li key={item.orderItemId}>{itemLine(item)}</li>
          ))}
        </ul>
      ) : (
        <p className="request-row__items">Items not loaded yet</p>
      )}
      {sent ? (
        <p className="request-row__state" data-testid="request-cancel-state">
          Cancel sent — waiting for Amazon
        </p>
      ) : review ? (
        <p className="request-row__state request-row__state--failed" data-testid="request-cancel-state">
          It is not clear whether Amazon applied the cancel. Open the order to check it in Seller Central and
          say what happened.
        </p>
      ) : failed ? (
        <p className="request-row__state request-row__state--failed" data-testid="request-cancel-state">
          The cancel did not go through. Open the order to see why and what to do next.
        </p>
      ) : null}
      {notice && (
        <p className="request-row__notice" role="status">
          {notice}
        </p>
      )}
      <div className="request-row__actions">
        {answerable && (
          <>
            <button type="button" onClick={onAccept}>
              Accept (cancel order)…
            </button>
            <button type="button" onClick={onDecline}>
              Decline (keep order)…
            </button>
          </>
        )}
        <button type="button" onClick={onOpenOrder}>
          Open order
        </button>
      </div>
    </li>
  );
}
