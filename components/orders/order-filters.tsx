import { ORDER_STATUSES, ORDER_SUB_TYPES, type OrderStatus, type OrderSubType } from '../../lib/domain/order';
import { SUB_TYPE_LABELS } from '../../lib/domain/order-sub-type';
import type { OrderQuery } from '../../lib/store';
import { ORDER_STATUS_LABELS } from '../../lib/domain/order-status-label';

export interface OrderFiltersProps {
  readonly query: OrderQuery;
  readonly onChange: (query: OrderQuery) => void;
}

function toggle<T>(list: readonly T[] | undefined, value: T): T[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

function Chip({ label, pressed, onToggle }: { label: string; pressed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className={pressed ? 'filter-chip filter-chip--on' : 'filter-chip'}
      aria-pressed={pressed}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}

/** Search box plus status and order-type toggle chips; chips in a group are "any of", groups combine. */
export function OrderFilters({ query, onChange }: OrderFiltersProps) {
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
        {filtered && (
          <button type="button" className="order-filters__clear" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
      <div className="order-filters__group" role="group" aria-label="Order type">
        <span className="order-filters__legend" aria-hidden="true">
          Type
        </span>
        {ORDER_SUB_TYPES.map((subType: OrderSubType) => (
          <Chip
            key={subType}
            label={SUB_TYPE_LABELS[subType]}
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
