import { useDeferredValue, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { filterOrders } from '../../lib/store';
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
}

/**
 * Every stored order, newest first, searchable and filterable in memory. Only the rows in view are
 * rendered, so 50,000 orders scroll and filter without lag.
 */
export function OrderList({ source, queryStore, onOpenOrder, selectedOrderId, actions }: OrderListProps) {
  const { orders, complete, error } = useStoredOrders(source);
  const allActions = useAllActions(actions);
  const byOrder = useMemo(() => actionsByOrder(allActions), [allActions]);
  const [query, setQuery, restored] = usePersistedOrderQuery(queryStore);
  // Typing stays responsive: filtering 50,000 orders renders at lower priority than the input.
  const deferredQuery = useDeferredValue(query);
  const visible = useMemo(
    () => (restored ? filterOrders(orders, deferredQuery) : []),
    [orders, deferredQuery, restored],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler in this build; the virtualizer is only read during this component's render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ORDER_ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => visible[index]?.orderId ?? index,
  });

  return (
    <section className="order-list" aria-label="Order list">
      <OrderFilters query={query} onChange={setQuery} />
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
