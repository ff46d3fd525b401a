import { useId, useMemo, useState } from 'react';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { CANCEL_CHIP_LABELS, cancelsNeedingAttention } from '../cancel/cancel-summary';
import './cancel-attention-notice.css';

export interface CancelAttentionNoticeProps {
  /** Every outbox action. */
  readonly actions: readonly CancelAction[];
  readonly onOpenOrder: (orderId: string) => void;
}

/**
 * One line while cancellations wait for the seller (failed, under review, or not sent because of a
 * problem only they can fix): one click opens the order, or the list of them when there are several.
 */
export function CancelAttentionNotice({ actions, onOpenOrder }: CancelAttentionNoticeProps) {
  const id = useId();
  const needing = useMemo(() => cancelsNeedingAttention(actions), [actions]);
  const [expanded, setExpanded] = useState(false);
  const [first] = needing;
  if (!first) return null;
  const count = needing.length;
  return (
    <section className="cancel-attention" aria-label="Cancellations needing attention">
      <p className="cancel-attention__line" data-testid="cancel-attention">
        {count === 1 ? '1 cancellation needs your attention.' : `${count} cancellations need your attention.`}{' '}
        {count === 1 ? (
          <button type="button" className="cancel-attention__link" onClick={() => onOpenOrder(first.orderId)}>
            Show order {first.orderId}
          </button>
        ) : (
          <button
            type="button"
            className="cancel-attention__link"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? 'Hide them' : 'Show them'}
          </button>
        )}
      </p>
      {count > 1 && expanded && (
        <ul id={`${id}-list`} className="cancel-attention__list" aria-label="Cancellations needing attention">
          {needing.map((entry) => (
            <li key={entry.orderId}>
              <button
                type="button"
                className="cancel-attention__link"
                onClick={() => onOpenOrder(entry.orderId)}
              >
                {entry.orderId}
              </button>{' '}
              {CANCEL_CHIP_LABELS[entry.kind]}
              {entry.action.problem && entry.kind === 'blocked' ? `: ${entry.action.problem.message}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
