import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LineChargePart, StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { formatMoney, type Money } from '../../lib/domain/money';
import { orderCharges, type LineChargeView, type OrderChargesView } from '../../lib/domain/line-charges';
import { isSubTypeKnown, SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import { serviceLevelLabel } from '../../lib/domain/service-level-label';
import { marketplaceById, sellerCentralOrderUrl } from '../../lib/domain/marketplaces';
import type { OrderWithItems } from '../../lib/store';
import { errorMessage } from '../../lib/error-message';
import type { ActionSource } from '../cancel/action-source';
import { OrderCancelPanel } from '../cancel/order-cancel-panel';
import { formatDateTime } from '../../lib/format-time';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';
import { openBuyerCancelRequest } from '../../lib/domain/buyer-request';
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

/** The id of the open order's heading: the skip link and "open an order" move focus there. */
export const ORDER_HEADING_ID = 'order-detail-heading';

const PRICE_UNKNOWN = 'Price not known until Amazon confirms payment';

/** Why the order has no price yet, or undefined when it has one. */
function priceUnknownReason(order: StoredOrder): string | undefined {
  const pending = order.status === 'PENDING' || order.status === 'PENDING_AVAILABILITY';
  return pending || !order.total ? PRICE_UNKNOWN : undefined;
}

const PART_LABELS: Readonly<Record<LineChargePart, string>> = {
  item: 'Item price',
  shipping: 'Shipping',
  giftWrap: 'Gift wrap',
  tax: 'Tax',
  promotions: 'Promotions',
  other: 'Other charges',
};

/** When and how the order first reached the order manager; ids stay in Technical details. */
function FirstSeen({ order }: { order: StoredOrder }) {
  const { at, source } = order.firstReported;
  const when = formatDateTime(at);
  // Every order report so far comes from the backfill, so a report source without the flag (stored
  // before it was set) is an initial import too.
  const text =
    source.kind === 'report'
      ? source.initialImport === false
        ? `First reported in an order report on ${when}`
        : `First seen by the order manager: ${when} (initial import)`
      : `First seen in a sync on ${when}`;
  return (
    <>
      {text}
      <details className="order-detail__technical">
        <summary>Technical details</summary>
        {source.kind === 'report'
          ? `Report ${source.reportId} (${source.reportType})`
          : `Sync run ${source.syncRunId}${source.kind === 'get-order' ? ' (order lookup)' : ''}`}
      </details>
    </>
  );
}

/** The order's type; unknown until Amazon has said whether it is Prime (never Standard by guess), as in the row. */
function orderType(order: StoredOrder): string {
  if (!isSubTypeKnown(order)) return 'Type not known yet';
  return order.subTypes.map((t) => SUB_TYPE_LABELS[t]).join(', ');
}

function fulfilment(order: StoredOrder): string {
  const by =
    order.fulfilledBy === 'AMAZON'
      ? 'Fulfilled by Amazon (FBA)'
      : order.fulfilledBy === 'MERCHANT'
        ? 'Fulfilled by you'
        : 'Who fulfils it is not known yet';
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

function ItemRow({
  item,
  charges,
  parts,
}: {
  item: StoredOrderItem;
  charges: LineChargeView;
  parts: readonly LineChargePart[];
}) {
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
        {item.includedTax && (
          <div className="order-item__included-tax" data-testid="line-included-tax">
            Prices include {formatMoney(item.includedTax)} tax (VAT)
          </div>
        )}
        {charges.notBrokenDown && (
          <div className="order-item__unexplained" data-testid="line-not-broken-down">
            {notBrokenDownText('line total', charges.notBrokenDown)}
          </div>
        )}
      </td>
      <td className="num">
        {item.quantityOrdered}
        {item.quantityShipped > 0 && (
          <div className="order-item__shipped">{item.quantityShipped} shipped</div>
        )}
      </td>
      <td className="num">{money(item.unitPrice)}</td>
      {parts.map((part) => (
        <td key={part} className="num" data-part={part}>
          {money(charges.parts[part])}
        </td>
      ))}
      <td className="num" data-part="total">
        {money(charges.total)}
      </td>
    </tr>
  );
}

/** What Amazon's total has beyond its parts, or (a negative difference) how much less it is. */
function notBrokenDownText(what: 'total' | 'line total', difference: Money): string {
  if (difference.amountMinor >= 0)
    return `Amazon’s ${what} includes ${formatMoney(difference)} not broken down`;
  const less = formatMoney({ ...difference, amountMinor: -difference.amountMinor });
  return `Amazon’s ${what} is ${less} less than the parts shown`;
}

/** The table foot: each part summed, then Amazon's total, saying plainly what no part explains. */
function ItemsFoot({ charges, order }: { charges: OrderChargesView; order: StoredOrder }) {
  const labelSpan = 3;
  const amountsSpan = labelSpan + charges.parts.length;
  const unknown = priceUnknownReason(order);
  const sumsRow = (label: string, testId: string) => (
    <tr data-testid={testId}>
      <th scope="row" colSpan={labelSpan}>
        {label}
      </th>
      {charges.parts.map((part) => (
        <td key={part} className="num" data-part={part}>
          {money(charges.sums[part])}
        </td>
      ))}
      <td className="num" data-part="total">
        {label === 'Order total' && charges.orderTotal
          ? money(charges.orderTotal)
          : money(charges.linesTotal)}
      </td>
    </tr>
  );
  if (unknown) {
    return (
      <tfoot>
        <tr data-testid="order-total-row">
          <th scope="row" colSpan={amountsSpan}>
            Order total
          </th>
          <td className="num">{unknown}</td>
        </tr>
      </tfoot>
    );
  }
  if (!charges.notBrokenDown) return <tfoot>{sumsRow('Order total', 'order-total-row')}</tfoot>;
  return (
    <tfoot>
      {sumsRow('Lines total', 'lines-total-row')}
      <tr data-testid="order-not-broken-down">
        <th scope="row" colSpan={amountsSpan}>
          {notBrokenDownText('total', charges.notBrokenDown)}
        </th>
        <td className="num">{formatMoney(charges.notBrokenDown)}</td>
      </tr>
      <tr data-testid="order-total-row">
        <th scope="row" colSpan={amountsSpan}>
          Order total
        </th>
        <td className="num">{money(charges.orderTotal)}</td>
      </tr>
    </tfoot>
  );
}

function countCaption(items: readonly StoredOrderItem[]): string {
  const units = items.reduce((sum, item) => sum + item.quantityOrdered, 0);
  return `${items.length} ${items.length === 1 ? 'line' : 'lines'}, ${units} ${units === 1 ? 'unit' : 'units'}`;
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
  const heading = useRef<HTMLHeadingElement>(null);
  const headingFocused = useRef(false);
  const ready = loaded.state === 'ready';
  // Opening an order moves focus to its heading, once; not over a dialog the arrival opened.
  useEffect(() => {
    if (!ready || headingFocused.current) return;
    headingFocused.current = true;
    if (openCancelOnArrival || document.querySelector('dialog[open]')) return;
    heading.current?.focus();
  }, [ready, openCancelOnArrival]);
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
  const openRequest = openBuyerCancelRequest(order);
  const charges = orderCharges(order, items);
  const notInReport = 'Not known yet (the order report leaves it out)';
  return (
    <section className="order-detail" aria-label={`Order ${order.orderId}`} data-testid="order-detail">
      <header className="order-detail__header">
        {back}
        <h2 id={ORDER_HEADING_ID} tabIndex={-1} ref={heading}>
          Order {order.orderId}
        </h2>
        <a
          className="order-detail__seller-central"
          href={sellerCentralOrderUrl(order.marketplaceId, order.orderId)}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in Seller Central
        </a>
      </header>
      {openRequest && (
        <p className="order-detail__cancel" role="note" data-testid="buyer-cancel-request">
          The buyer asked to cancel this order
          {openRequest.reason ? ` — reason: ${openRequest.reason}` : ''} (seen{' '}
          {formatDateTime(openRequest.firstSeenAt)}).
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
        <Fact term="Type" testId="order-type">
          {orderType(order)}
        </Fact>
        <Fact term="Total" testId="order-total">
          {priceUnknownReason(order) ?? money(order.total)}
        </Fact>
        <Fact term="Purchased">{formatDateTime(order.purchaseDate)}</Fact>
        <Fact term="Marketplace">
          {marketplace
            ? `${marketplace.name} (${marketplace.code})`
            : (order.marketplaceName ?? order.marketplaceId)}
        </Fact>
        <Fact term="Fulfilment">{fulfilment(order)}</Fact>
        <Fact term="Ship by" testId="ship-by">
          {shipBy ?? (order.detailLevel === 'report' ? notInReport : 'Not given by Amazon')}
        </Fact>
        <Fact term="Deliver by">
          {deliverBy ?? (order.detailLevel === 'report' ? notInReport : 'Not given by Amazon')}
        </Fact>
        <Fact term="Arrived" testId="first-reported">
          <FirstSeen order={order} />
        </Fact>
        {order.serviceLevel && (
          <Fact term="Shipping service" testId="shipping-service">
            {serviceLevelLabel(order.serviceLevel)}
          </Fact>
        )}
        {order.sellerOrderId && <Fact term="Your order id">{order.sellerOrderId}</Fact>}
      </dl>
      <table className="order-detail__items">
        <caption>{countCaption(items)}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className="num">
              Units
            </th>
            <th scope="col" className="num">
              Unit price
            </th>
            {charges.parts.map((part) => (
              <th key={part} scope="col" className="num">
                {PART_LABELS[part]}
              </th>
            ))}
            <th scope="col" className="num">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <ItemRow
              key={item.orderItemId}
              item={item}
              charges={charges.lines[index]!}
              parts={charges.parts}
            />
          ))}
        </tbody>
        <ItemsFoot charges={charges} order={order} />
      </table>
      {items.length === 0 && (
        <p className="order-detail__note">Amazon has not sent this order’s items yet.</p>
      )}
    </section>
  );
}
