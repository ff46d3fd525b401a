import { useId } from 'react';
import { ORDER_STATUSES, ORDER_SUB_TYPES, type OrderStatus, type OrderSubType } from '../../lib/domain/order';
import { SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import {
  ORDER_SORTS,
  type OrderQuery,
  type OrderSort,
  type SubTypeCounts,
} from '../../lib/store/order-query';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';

export const ORDER_SORT_LABELS: Record<OrderSort, string> = {
  'ship-by': 'Ship by, soonest first',
  'purchase-newest': 'Purchase date, newest first',
  'purchase-oldest': 'Purchase date, oldest first',
};

export interface OrderFiltersProps {
  readonly query: OrderQuery;
  readonly onChange: (query: OrderQuery) => void;
  /** Per sub-type, the orders matching the search and statuses (unknown types never counted). */
  readonly subTypeCounts?: SubTypeCounts;
  /** Said above the type chips: orders whose type is not known yet, and why. */
  readonly typeNotice?: string;
}

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

function Chip({
  label,
  pressed,
  onToggle,
  count,
}: {
  label: string;
  pressed: boolean;
  onToggle: () => void;
  count?: number;
}) {
  const countId = useId();
  // The count sits beside the button, not in it, so the button's name stays the filter's name.
  return (
    <span className="filter-chip-wrap">
      <button
        type="button"
        className={pressed ? 'filter-chip filter-chip--on' : 'filter-chip'}
        aria-pressed={pressed}
        aria-describedby={count === undefined ? undefined : countId}
        onClick={onToggle}
      >
        {label}
      </button>
      {count !== undefined && (
        <>
          <span className="filter-chip__count" aria-hidden="true" data-testid="sub-type-count">
            {count}
          </span>
          <span id={countId} className="visually-hidden">
            {`${count} ${count === 1 ? 'order' : 'orders'}`}
          </span>
        </>
      )}
    </span>
  );
}

/** Search box, sort, and status and order-type toggle chips; chips in a group are "any of", groups combine. */
export function OrderFilters({ query, onChange, subTypeCounts, typeNotice }: OrderFiltersProps) {
  const filtered = Boolean(query.text?.trim() || query.statuses?.length || query.subTypes?.length);
  return (
    <div className="order-filters">
      <div className="order-filters__search">
        <label htmlFor="order-search">Search orders</label>
        <input
          id="order-search"
          type="search"
          placeholder="Order id, SKU, ASIN or title"
          value={query.text ?? ''}
          onChange={(event) => onChange({ ...query, text: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor="order-sort">Sort</label>
        <select
          id="order-sort"
          value={query.sort ?? ORDER_SORTS[0]}
          onChange={(event) =>
            onChange({ ...query, sort: ORDER_SORTS.find((sort) => sort === event.target.value) })
          }
        >
          {ORDER_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {ORDER_SORT_LABELS[sort]}
            </option>
          ))}
        </select>
        {filtered && (
          <button
            type="button"
            className="order-filters__clear"
            // The sort is how the seller works, not a filter: it stays.
            onClick={() => onChange(query.sort ? { sort: query.sort } : {})}
          >
            Clear filters
          </button>
        )}
      </div>
      {typeNotice && (
        <p className="order-filters__notice" role="status" data-testid="type-notice">
          {typeNotice}
        </p>
      )}
      <div className="order-filters__group" role="group" aria-label="Order type">
        <span className="order-filters__legend" aria-hidden="true">
          Type
        </span>
        {ORDER_SUB_TYPES.map((subType: OrderSubType) => (
          <Chip
            key={subType}
            label={SUB_TYPE_LABELS[subType]}
            count={subTypeCounts?.[subType]}
            pressed={query.subTypes?.includes(subType) ?? false}
            onToggle={() => onChange({ ...query, subTypes: toggle(query.subTypes, subType) })}
          />
        ))}
      </div>
      <div className="order-filters__group" role="group" aria-label="Status">
        <span className="order-filters__legend" aria-hidden="true">
          Status
        </span>
        {ORDER_STATUSES.map((status: OrderStatus) => (
          <Chip
            key={status}
            label={ORDER_STATUS_LABELS[status]}
            pressed={query.statuses?.includes(status) ?? false}
            onToggle={() => onChange({ ...query, statuses: toggle(query.statuses, status) })}
          />
        ))}
      </div>
    </div>
  );
}
