import type { StoredOrder } from '../../lib/domain/order';
import { SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import { formatMoney } from '../../lib/domain/money';
import { marketplaceCode } from '../../lib/domain/marketplaces';
import { formatDateTime } from '../../lib/format-time';
import { CancelStatusChip } from '../cancel/cancel-status-chip';
import type { CancelSummary } from '../cancel/cancel-summary';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';

export interface OrderRowProps {
  readonly order: StoredOrder;
  readonly selected: boolean;
  readonly onOpen: (orderId: string) => void;
  /** The order's cancel state from the outbox (or a cancel seen outside the manager). */
  readonly cancel?: CancelSummary;
}

/** One order in the list: a button, so click and Enter both open it. */
export function OrderRow({ order, selected, onOpen, cancel }: OrderRowProps) {
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
          {order.subTypes.map((subType) => (
            <span key={subType} className={`sub-type-chip sub-type-chip--${subType}`}>
              {SUB_TYPE_LABELS[subType]}
            </span>
          ))}
        </span>
        {order.buyerCancelRequest && (
          <span className="order-row__cancel" data-testid="buyer-cancel-marker">
            Buyer asked to cancel
          </span>
        )}
        {cancel && <CancelStatusChip summary={cancel} />}
        <span className="order-row__total" data-testid="order-total">
          {order.total ? formatMoney(order.total) : '—'}
        </span>
      </span>
      <span className="order-row__line order-row__line--meta">
        <span className={`order-row__status order-status--${order.status.toLowerCase()}`}>
          {ORDER_STATUS_LABELS[order.status]}
        </span>
        <time dateTime={order.purchaseDate}>{formatDateTime(order.purchaseDate)}</time>
        <span className="order-row__marketplace">{marketplaceCode(order.marketplaceId)}</span>
        <span>
          {order.itemCount} {order.itemCount === 1 ? 'item' : 'items'}
        </span>
      </span>
    </button>
  );
}
