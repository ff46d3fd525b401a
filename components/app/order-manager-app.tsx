import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { isDemoMode } from '../../lib/settings/settings-schema';
import { useAllActions } from '../cancel/use-order-actions';
import { DemoBanner } from '../demo/demo-banner';
import { ORDER_HEADING_ID, OrderDetail } from '../orders/order-detail';
import { OrderList } from '../orders/order-list';
import { QuarantineList } from '../quarantine/quarantine-list';
import { QuarantineNotice } from '../quarantine/quarantine-notice';
import { useQuarantine } from '../quarantine/use-quarantine';
import { useSettings } from '../settings/use-settings';
import { SyncBar } from '../sync/sync-bar';
import { useSyncStatus } from '../sync/use-sync-status';
import { useNow } from '../time/use-now';
import { backgroundRequestDecisions } from '../requests/request-decisions';
import { requestsNeedingAnswer } from '../requests/request-queue-view';
import { RequestsPanel } from '../requests/requests-panel';
import { useBuyerRequestOrders } from '../requests/use-buyer-requests';
import type { RequestArrivalAction } from '../requests/requests-view';
import { DEFAULT_BUYER_REQUEST_WINDOW_HOURS } from '../../lib/domain/buyer-request';
import type { AppServices } from './app-services';
import { CancelAttentionNotice } from './cancel-attention-notice';
import type { ManagerTarget } from './navigation';
import './order-manager-app.css';

export interface OrderManagerAppProps {
  readonly services: AppServices;
  /** `popup`: list or detail in about 780×600; `tab`: the full-width manager, list and detail side by side. */
  readonly layout: 'popup' | 'tab';
  readonly initialTarget?: ManagerTarget;
}

const LIST_REGION_ID = 'order-app-list';

/** A skip link moves focus itself: the manager's hash names an order, so the link must not change it. */
function skipTo(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
}

/** A key the focused field handles itself (Escape clears a search box), so it is not "back to the list". */
function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, textarea, select, [contenteditable="true"]');
}

/** The popup and the full-tab order manager: demo banner, sync bar, order list and order detail. */
export function OrderManagerApp({ services, layout, initialTarget }: OrderManagerAppProps) {
  const status = useSyncStatus(services.sync);
  const settings = useSettings(services.settings);
  const quarantine = useQuarantine(services.orders);
  const allActions = useAllActions(services.actions);
  const now = useNow();
  // The requests view's countdowns tick per minute: no re-sorting every second.
  const minute = useNow(60_000);
  const requests = useBuyerRequestOrders(services.orders);
  const windowHours = settings?.buyerRequestWindowHours ?? DEFAULT_BUYER_REQUEST_WINDOW_HOURS;
  const requestArrival =
    initialTarget?.view === 'order' &&
    (initialTarget.action === 'accept-request' ||
      initialTarget.action === 'decline-request' ||
      initialTarget.action === 'show-request')
      ? { orderId: initialTarget.orderId, action: initialTarget.action as RequestArrivalAction }
      : undefined;
  const [showRequests, setShowRequests] = useState(
    initialTarget?.view === 'requests' || requestArrival !== undefined,
  );
  const [openOrderId, setOpenOrderId] = useState<string | undefined>(
    initialTarget?.view === 'order' && !requestArrival ? initialTarget.orderId : undefined,
  );
  const [showQuarantine, setShowQuarantine] = useState(initialTarget?.view === 'quarantine');
  // The dialog asked for by the URL opens once, on the order the URL names; moving on forgets it.
  const [cancelOnArrival, setCancelOnArrival] = useState(
    initialTarget?.view === 'order' && initialTarget.action === 'cancel' ? initialTarget.orderId : undefined,
  );
  const openOrder = (orderId: string | undefined) => {
    setCancelOnArrival(undefined);
    setOpenOrderId(orderId);
  };
  // Back and Escape return focus to the row the order was opened from; the counter asks the list again.
  const [rowFocus, setRowFocus] = useState<{ orderId?: string; request: number }>({ request: 0 });
  const popup = layout === 'popup';
  const returnToRow = useCallback(() => {
    if (openOrderId === undefined) return;
    const orderId = openOrderId;
    if (popup) {
      setCancelOnArrival(undefined);
      setOpenOrderId(undefined);
    }
    setRowFocus((previous) => ({ orderId, request: previous.request + 1 }));
  }, [openOrderId, popup]);
  const listShown = (popup || !showQuarantine) && !showRequests;
  const closeRequests = useCallback(() => {
    setShowRequests(false);
    // Focus goes back to the list, as Back from an order does.
    setRowFocus((previous) => ({ orderId: openOrderId, request: previous.request + 1 }));
  }, [openOrderId]);
  useEffect(() => {
    if (!showRequests) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTextField(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      closeRequests();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [showRequests, closeRequests]);
  const requestCount = requestsNeedingAnswer(
    (requests.value ?? []).map(({ order }) => order),
    minute,
    windowHours,
    allActions,
  );
  useEffect(() => {
    if (openOrderId === undefined || !listShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTextField(event.target)) return;
      // A dialog closes on Escape itself; the order stays open behind it.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      returnToRow();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openOrderId, listShown, returnToRow]);
  const demo = Boolean(status?.demo || (settings && isDemoMode(settings)));
  const quarantineCount = quarantine?.length ?? 0;

  return (
    <div className={popup ? 'order-app order-app--popup' : 'order-app order-app--tab'}>
      {!popup && listShown && (
        <div className="order-app__skip-links">
          {openOrderId !== undefined && (
            <a href={`#${ORDER_HEADING_ID}`} onClick={skipTo(ORDER_HEADING_ID)}>
              Skip to order details
            </a>
          )}
          <a href={`#${LIST_REGION_ID}`} onClick={skipTo(LIST_REGION_ID)}>
            Skip to order list
          </a>
        </div>
      )}
      <header className="order-app__header">
        <h1>Order Manager</h1>
        <button
          type="button"
          className={
            requestCount.urgent ? 'order-app__requests order-app__requests--urgent' : 'order-app__requests'
          }
          aria-pressed={showRequests}
          data-testid="buyer-requests-button"
          onClick={() => (showRequests ? closeRequests() : setShowRequests(true))}
        >
          Buyer requests ({requestCount.count})
        </button>
        {!popup && (quarantineCount > 0 || showQuarantine) && (
          <button type="button" aria-pressed={showQuarantine} onClick={() => setShowQuarantine((s) => !s)}>
            Unreadable records ({quarantineCount})
          </button>
        )}
        {popup && (
          <button type="button" onClick={() => services.navigation.openManager()}>
            Open order manager
          </button>
        )}
        <button type="button" onClick={() => services.navigation.openOptions()}>
          Settings
        </button>
      </header>
      {demo && <DemoBanner onOpenSettings={() => services.navigation.openOptions()} />}
      <SyncBar status={status} onSyncNow={() => services.sync.syncNow()} now={now} />
      <CancelAttentionNotice
        actions={allActions}
        onOpenOrder={(orderId) => {
          setShowQuarantine(false);
          openOrder(orderId);
        }}
      />
      {popup && (
        <QuarantineNotice
          count={quarantineCount}
          onShow={() => services.navigation.openManager({ view: 'quarantine' })}
        />
      )}
      {showRequests ? (
        <main className="order-app__main order-app__main--requests">
          <RequestsPanel
            requests={requests}
            orders={services.orders}
            actionSource={services.actions}
            decisions={services.requestDecisions ?? backgroundRequestDecisions}
            windowHours={windowHours}
            allowZeroStock={settings?.allowZeroStockOnCancel ?? false}
            now={minute}
            arrival={requestArrival}
            onOpenOrder={(orderId) => {
              setShowRequests(false);
              setShowQuarantine(false);
              openOrder(orderId);
            }}
            onOpenSettings={() => services.navigation.openOptions()}
            onBack={closeRequests}
          />
        </main>
      ) : !popup && showQuarantine ? (
        <main className="order-app__main">
          <QuarantineList records={quarantine ?? []} />
        </main>
      ) : (
        <main className="order-app__main">
          {/* The popup keeps the list mounted while an order is open, so Back returns to the same place. */}
          <div
            className="order-app__list"
            id={LIST_REGION_ID}
            tabIndex={-1}
            hidden={popup && openOrderId !== undefined}
          >
            <OrderList
              source={services.orders}
              queryStore={services.queryStore}
              onOpenOrder={openOrder}
              selectedOrderId={openOrderId}
              actions={services.actions}
              focusOrderId={rowFocus.orderId}
              focusRequest={rowFocus.request}
              detailFill={status?.detailFill}
              downloadOff={settings ? !settings.allowOrderDownload : false}
            />
          </div>
          {openOrderId !== undefined ? (
            <div className="order-app__detail">
              <OrderDetail
                key={openOrderId}
                source={services.orders}
                orderId={openOrderId}
                onBack={popup ? returnToRow : undefined}
                actions={services.actions}
                allowZeroStockOnCancel={settings?.allowZeroStockOnCancel ?? false}
                openCancelOnArrival={openOrderId === cancelOnArrival}
              />
            </div>
          ) : (
            !popup && (
              <section className="order-app__detail order-app__detail--empty" aria-label="Order details">
                <p>Choose an order to see its items and dates.</p>
              </section>
            )
          )}
        </main>
      )}
    </div>
  );
}
