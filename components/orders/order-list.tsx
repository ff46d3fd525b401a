import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { viewOrders, type OrderListView } from '../../lib/store/order-query';
import type { SyncStatus } from '../../lib/sync/sync-status';
import type { ActionSource } from '../cancel/action-source';
import { actionsByOrder, cancelSummary } from '../cancel/cancel-summary';
import { useAllActions } from '../cancel/use-order-actions';
import { OrderFilters } from './order-filters';
import type { OrderQueryStore } from './order-query-store';
import { OrderRow } from './order-row';
import type { OrderSource } from './order-source';
import { usePersistedOrderQuery } from './use-persisted-order-query';
import { useStoredOrders } from './use-stored-orders';
import './order-list.css';

export const ORDER_ROW_HEIGHT = 46;

export interface OrderListProps {
  readonly source: OrderSource;
  readonly queryStore: OrderQueryStore;
  readonly onOpenOrder: (orderId: string) => void;
  readonly selectedOrderId?: string;
  /** The outbox, for each row's cancel state. */
  readonly actions?: ActionSource;
  /** The sync status's detailFill: whether report-level orders are still being filled in (absent: read as yes). */
  readonly detailFill?: SyncStatus['detailFill'];
  /** Order download is off in Settings: details that are still missing will not come until it is on. */
  readonly downloadOff?: boolean;
  /** The order whose row takes the focus when focusRequest changes ("Back to list", Escape). */
  readonly focusOrderId?: string;
  /** A counter: each change scrolls focusOrderId's row into view and focuses it. */
  readonly focusRequest?: number;
}

const NOTHING: OrderListView = {
  orders: [],
  subTypeCounts: { prime: 0, business: 0, 'business-prime': 0, 'second-day': 0, standard: 0 },
  typeUnknown: 0,
};

/** Above the type chips: orders the chips cannot count, and whether that will change by itself. */
function typeNotice(
  typeUnknown: number,
  detailFill: SyncStatus['detailFill'],
  downloadOff: boolean,
): string | undefined {
  if (typeUnknown === 0) return undefined;
  const orders = typeUnknown === 1 ? '1 order' : `${typeUnknown} orders`;
  if (downloadOff && detailFill !== 'done') {
    return `The type of ${orders} is not known yet, and order download is off in Settings, so it does not load. Turn order download on to fill it in.`;
  }
  return detailFill === 'done'
    ? `Amazon has not given the type of ${orders}. They show "Type not known yet" and are in no type filter; check them in Seller Central.`
    : `Details still loading for ${orders}: their type and ship-by date arrive over the next syncs. Until then they are in no type filter.`;
}

/**
 * Every stored order, searchable, filterable and sortable in memory. Only the rows in view are
 * rendered, so 50,000 orders scroll and filter without lag.
 */
export function OrderList({
  source,
  queryStore,
  onOpenOrder,
  selectedOrderId,
  actions,
  detailFill,
  downloadOff = false,
  focusOrderId,
  focusRequest,
}: OrderListProps) {
  const { orders, complete, error } = useStoredOrders(source);
  const allActions = useAllActions(actions);
  const byOrder = useMemo(() => actionsByOrder(allActions), [allActions]);
  const [query, setQuery, restored] = usePersistedOrderQuery(queryStore);
  // Typing stays responsive: filtering 50,000 orders renders at lower priority than the input.
  const deferredQuery = useDeferredValue(query);
  const view = useMemo(
    () => (restored ? viewOrders(orders, deferredQuery) : NOTHING),
    [orders, deferredQuery, restored],
  );
  const visible = view.orders;

  // Focus return: the requested row stays rendered (even outside the window) until the next request.
  const [pinnedOrderId, setPinnedOrderId] = useState<string>();
  const pendingFocus = useRef<string | undefined>(undefined);
  const lastFocusRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === lastFocusRequest.current) return;
    lastFocusRequest.current = focusRequest;
    pendingFocus.current = focusOrderId;
    setPinnedOrderId(focusOrderId);
  }, [focusRequest, focusOrderId]);
  const pinnedIndex = useMemo(
    () => (pinnedOrderId === undefined ? -1 : visible.findIndex((order) => order.orderId === pinnedOrderId)),
    [visible, pinnedOrderId],
  );
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (pinnedIndex < 0 || indexes.includes(pinnedIndex)) return indexes;
      return [...indexes, pinnedIndex].sort((a, b) => a - b);
    },
    [pinnedIndex],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // No React Compiler in this build; the virtualizer is only read during this component's render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ORDER_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => visible[index]?.orderId ?? index,
    rangeExtractor,
  });

  useEffect(() => {
    const orderId = pendingFocus.current;
    // The pin catches up a render after the request: until then there is nothing to look for.
    if (orderId === undefined || orderId !== pinnedOrderId) return;
    if (pinnedIndex < 0) {
      // Filtered out, or not loaded yet: wait for every order, then give up rather than jump later.
      // The control that had focus left with the order, so the search box takes it, not the page.
      if (complete && restored) {
        pendingFocus.current = undefined;
        sectionRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
      }
      return;
    }
    pendingFocus.current = undefined;
    virtualizer.scrollToIndex(pinnedIndex, { align: 'auto' });
    const row = [
      ...(scrollRef.current?.querySelectorAll<HTMLElement>('[data-testid="order-row"]') ?? []),
    ].find((button) => button.dataset.orderId === orderId);
    row?.focus();
  });

  return (
    <section className="order-list" aria-label="Order list" ref={sectionRef}>
      <OrderFilters
        query={query}
        onChange={setQuery}
        subTypeCounts={restored ? view.subTypeCounts : undefined}
        typeNotice={complete && restored ? typeNotice(view.typeUnknown, detailFill, downloadOff) : undefined}
      />
      <p className="order-list__count" role="status" data-testid="order-count">
        {visible.length} of {orders.length} orders
        {!complete && !error && <span className="order-list__loading"> — loading all orders…</span>}
      </p>
      {error && (
        <p className="order-list__error" role="alert">
          Could not read the stored orders: {error}
        </p>
      )}
      <div className="order-list__scroll" ref={scrollRef}>
        {visible.length === 0 ? (
          <p className="order-list__empty">
            {orders.length === 0 || !restored
              ? complete && restored
                ? 'No orders yet. They appear here after the first sync.'
                : 'Loading orders…'
              : 'No orders match the search and filters.'}
          </p>
        ) : (
          <div
            role="list"
            aria-label="Orders"
            className="order-list__rows"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((row) => {
              const order = visible[row.index]!;
              return (
                <div
                  key={row.key}
                  role="listitem"
                  aria-posinset={row.index + 1}
                  aria-setsize={visible.length}
                  className="order-list__item"
                  style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                >
                  <OrderRow
                    order={order}
                    selected={order.orderId === selectedOrderId}
                    onOpen={onOpenOrder}
                    cancel={cancelSummary(byOrder.get(order.orderId) ?? [], order.cancelledOutsideManager)}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
