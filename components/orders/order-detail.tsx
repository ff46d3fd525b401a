import { useEffect, useState, type ReactNode } from 'react';
import type { FirstReported, StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { formatMoney, type Money } from '../../lib/domain/money';
import { SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import { marketplaceById, sellerCentralOrderUrl } from '../../lib/domain/marketplaces';
import type { OrderWithItems } from '../../lib/store';
import { errorMessage } from '../../lib/error-message';
import type { ActionSource } from '../cancel/action-source';
import { OrderCancelPanel } from '../cancel/order-cancel-panel';
import { formatDateTime } from '../../lib/format-time';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';
import type { OrderSource } from './order-source';
import './order-detail.css';

export interface OrderDetailProps {
  readonly source: OrderSource;
  readonly orderId: string;
  /** Shown as a "Back to list" button when given (the popup); the manager shows list and detail together. */
  readonly onBack?: () => void;
  /** The outbox: with it the detail shows the cancel state and the "Cancel order…" button. */
  readonly actions?: ActionSource;
  /** The setting "Allow zeroing out inventory when cancelling". */
  readonly allowZeroStockOnCancel?: boolean;
  /** Opens the cancel dialog on arrival (the manager opened at `#order=…&action=cancel`). */
  readonly openCancelOnArrival?: boolean;
}

type Loaded =
  { state: 'loading' } | { state: 'missing' } | { state: 'error'; message: string } | OrderWithItemsState;
type OrderWithItemsState = { state: 'ready' } & OrderWithItems;

function money(value: Money | undefined): string {
  return value ? formatMoney(value) : '—';
}

function dateWindow(range: { earliest?: string; latest?: string } | undefined): string | undefined {
  if (!range || (!range.earliest && !range.latest)) return undefined;
  if (range.earliest && range.latest && range.earliest !== range.latest) {
    return `${formatDateTime(range.earliest)} – ${formatDateTime(range.latest)}`;
  }
  return formatDateTime((range.latest ?? range.earliest)!);
}

function firstReportedSource(source: FirstReported['source']): string {
  switch (source.kind) {
    case 'report':
      return `report ${source.reportId} (${source.reportType})`;
    case 'search':
      return `sync run ${source.syncRunId}`;
    case 'get-order':
      return `sync run ${source.syncRunId} (order lookup)`;
  }
}

function fulfilment(order: StoredOrder): string {
  const by =
    order.fulfilledBy === 'AMAZON'
      ? 'Fulfilled by Amazon'
      : order.fulfilledBy === 'MERCHANT'
        ? 'Fulfilled by you (merchant)'
        : 'Fulfilment channel unknown';
  return order.channel === 'NON_AMAZON' ? `${by}, off-Amazon order` : by;
}

/** Only web links become links; anything else from Amazon stays plain text. */
function safeHttpUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function ItemRow({ item }: { item: StoredOrderItem }) {
  const customLink = item.customizedUrl ? safeHttpUrl(item.customizedUrl) : undefined;
  return (
    <tr>
      <td>
        <div className="order-item__title">{item.title ?? '(no title)'}</div>
        <div className="order-item__ids">
          SKU {item.sku ?? '—'} · ASIN {item.asin ?? '—'}
        </div>
        {item.customizedUrl && (
          <div className="order-item__custom">
            Amazon Custom:{' '}
            {customLink ? (
              <a href={customLink} target="_blank" rel="noopener noreferrer">
                {item.customizedUrl}
              </a>
            ) : (
              <span>{item.customizedUrl}</span>
            )}
          </div>
        )}
        {item.cancelRequest && (
          <div className="order-item__cancel">
            Buyer cancellation request{item.cancelRequest.reason ? `: ${item.cancelRequest.reason}` : ''}
          </div>
        )}
      </td>
      <td className="num">
        {item.quantityOrdered} / {item.quantityShipped}
      </td>
      <td className="num">{money(item.unitPrice)}</td>
      <td className="num">{money(item.lineTotal)}</td>
    </tr>
  );
}

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="order-detail__fact" data-testid={testId}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Everything stored about one order, with a link to the same order in its own Seller Central. */
export function OrderDetail({
  source,
  orderId,
  onBack,
  actions,
  allowZeroStockOnCancel = false,
  openCancelOnArrival,
}: OrderDetailProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    const load = () =>
      source.withItems(orderId).then(
        (found) => {
          if (live) setLoaded(found ? { state: 'ready', ...found } : { state: 'missing' });
        },
        (error: unknown) => {
          if (live) setLoaded({ state: 'error', message: errorMessage(error) });
        },
      );
    void load();
    const unsubscribe = source.subscribe?.(() => void load());
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [source, orderId]);

  const back = onBack && (
    <button type="button" className="order-detail__back" onClick={onBack}>
      ← Back to list
    </button>
  );

  if (loaded.state !== 'ready') {
    return (
      <section className="order-detail" aria-label={`Order ${orderId}`}>
        {back}
        <p>
          {loaded.state === 'loading'
            ? 'Loading order…'
            : loaded.state === 'missing'
              ? `Order ${orderId} is not stored.`
              : `Could not read order ${orderId}: ${loaded.message}`}
        </p>
      </section>
    );
  }

  const { order, items } = loaded;
  const marketplace = marketplaceById(order.marketplaceId);
  const shipBy = dateWindow(order.shipBy);
  const deliverBy = dateWindow(order.deliverBy);
  return (
    <section className="order-detail" aria-label={`Order ${order.orderId}`} data-testid="order-detail">
      <header className="order-detail__header">
        {back}
        <h2>Order {order.orderId}</h2>
        <a
          className="order-detail__seller-central"
          href={sellerCentralOrderUrl(order.marketplaceId, order.orderId)}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in Seller Central
        </a>
      </header>
      {order.buyerCancelRequest && (
        <p className="order-detail__cancel" role="note" data-testid="buyer-cancel-request">
          The buyer asked to cancel this order
          {order.buyerCancelRequest.reason ? ` — reason: ${order.buyerCancelRequest.reason}` : ''} (seen{' '}
          {formatDateTime(order.buyerCancelRequest.firstSeenAt)}).
        </p>
      )}
      {order.unreadableUpdate && (
        <p className="order-detail__cancel" role="note" data-testid="unreadable-update">
          Amazon sent an update that could not be read ({formatDateTime(order.unreadableUpdate.at)}), so this
          may be out of date. Check the order in Seller Central before you act on it.
        </p>
      )}
      {actions && (
        <OrderCancelPanel
          order={order}
          items={items}
          source={actions}
          allowZeroStock={allowZeroStockOnCancel}
          openOnArrival={openCancelOnArrival}
        />
      )}
      <dl className="order-detail__facts">
        <Fact term="Status">{ORDER_STATUS_LABELS[order.status]}</Fact>
        <Fact term="Type">{order.subTypes.map((t) => SUB_TYPE_LABELS[t]).join(', ')}</Fact>
        <Fact term="Total">{money(order.total)}</Fact>
        <Fact term="Purchased">{formatDateTime(order.purchaseDate)}</Fact>
        <Fact term="Marketplace">
          {marketplace
            ? `${marketplace.name} (${marketplace.code})`
            : (order.marketplaceName ?? order.marketplaceId)}
        </Fact>
        <Fact term="Fulfilment">{fulfilment(order)}</Fact>
        <Fact term="Ship by" testId="ship-by">
          {shipBy ?? (order.detailLevel === 'report' ? 'unknown — from order report' : 'not given by Amazon')}
        </Fact>
        <Fact term="Deliver by">
          {deliverBy ??
            (order.detailLevel === 'report' ? 'unknown — from order report' : 'not given by Amazon')}
        </Fact>
        <Fact term="First reported" testId="first-reported">
          {formatDateTime(order.firstReported.at)} in {firstReportedSource(order.firstReported.source)}
        </Fact>
        {order.serviceLevel && <Fact term="Shipping service">{order.serviceLevel}</Fact>}
        {order.sellerOrderId && <Fact term="Your order id">{order.sellerOrderId}</Fact>}
      </dl>
      <table className="order-detail__items">
        <caption>
          {items.length} {items.length === 1 ? 'item' : 'items'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Ordered / shipped
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            <th scope="col" className="num">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRow key={item.orderItemId} item={item} />
          ))}
        </tbody>
        {order.total && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Order total
              </th>
              <td className="num">{money(order.total)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      {items.length === 0 && (
        <p className="order-detail__note">Amazon has not sent this order’s items yet.</p>
      )}
    </section>
  );
}
