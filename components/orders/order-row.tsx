import type { StoredOrder } from '../../lib/domain/order';
import { isSubTypeKnown, SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import { formatMoney } from '../../lib/domain/money';
import { marketplaceCode } from '../../lib/domain/marketplaces';
import { serviceLevelLabel } from '../../lib/domain/service-level-label';
import { formatDateTime } from '../../lib/format-time';
import { openShipBy } from '../../lib/store/order-query';
import { CancelStatusChip } from '../cancel/cancel-status-chip';
import type { CancelSummary } from '../cancel/cancel-summary';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';
import { openBuyerCancelRequest } from '../../lib/domain/buyer-request';

export interface OrderRowProps {
  readonly order: StoredOrder;
  readonly selected: boolean;
  readonly onOpen: (orderId: string) => void;
  /** The order's cancel state from the outbox (or a cancel seen outside the manager). */
  readonly cancel?: CancelSummary;
}

/** The ship-by a seller works to; none once shipped or cancelled, "not known yet" from the report alone. */
function shipByText(order: StoredOrder): string | undefined {
  const latest = openShipBy(order);
  if (latest) return `Ship by ${formatDateTime(latest)}`;
  if (order.status === 'SHIPPED' || order.status === 'CANCELLED') return undefined;
  return order.detailLevel === 'report' ? 'Ship by not known yet' : undefined;
}

/** One order in the list: a button, so click and Enter both open it. */
export function OrderRow({ order, selected, onOpen, cancel }: OrderRowProps) {
  const shipBy = shipByText(order);
  return (
    <button
      type="button"
      className={selected ? 'order-row order-row--selected' : 'order-row'}
      onClick={() => onOpen(order.orderId)}
      aria-current={selected ? 'true' : undefined}
      data-testid="order-row"
      data-order-id={order.orderId}
    >
      <span className="order-row__line">
        <span className="order-row__id">{order.orderId}</span>
        <span className="order-row__chips">
          {isSubTypeKnown(order) ? (
            order.subTypes.map((subType) => (
              <span key={subType} className={`sub-type-chip sub-type-chip--${subType}`}>
                {SUB_TYPE_LABELS[subType]}
              </span>
            ))
          ) : (
            <span className="order-row__type-unknown" data-testid="type-unknown">
              Type not known yet
            </span>
          )}
          {order.fulfilledBy === 'AMAZON' && (
            <span className="order-row__fba" title="Fulfilled by Amazon" data-testid="fba-badge">
              FBA
            </span>
          )}
        </span>
        {openBuyerCancelRequest(order) && (
          <span className="order-row__cancel" data-testid="buyer-cancel-marker">
            Buyer asked to cancel
          </span>
        )}
        {cancel && <CancelStatusChip summary={cancel} />}
        <span
          className="order-row__total"
          data-testid="order-total"
          title={order.total ? undefined : 'Price not known until Amazon confirms payment'}
        >
          {order.total ? formatMoney(order.total) : '—'}
        </span>
      </span>
      <span className="order-row__line order-row__line--meta">
        <span className={`order-row__status order-status--${order.status.toLowerCase()}`}>
          {ORDER_STATUS_LABELS[order.status]}
        </span>
        <time dateTime={order.purchaseDate}>{formatDateTime(order.purchaseDate)}</time>
        {shipBy && (
          <span className="order-row__ship-by" data-testid="ship-by">
            {shipBy}
          </span>
        )}
        <span className="order-row__marketplace">{marketplaceCode(order.marketplaceId)}</span>
        {order.serviceLevel && (
          <span className="order-row__service" data-testid="service-level">
            {serviceLevelLabel(order.serviceLevel)} shipping
          </span>
        )}
        <span data-testid="unit-count">
          {order.itemCount} {order.itemCount === 1 ? 'unit' : 'units'}
        </span>
      </span>
    </button>
  );
}
