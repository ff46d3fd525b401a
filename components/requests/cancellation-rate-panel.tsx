import {
  CANCELLATION_RATE_EXPLANATION,
  cancellationRate,
  formatBasisPoints,
} from '../../lib/domain/cancellation-rate';
import type { CancelAction } from '../../lib/domain/outbox-action';
import type { OrderWithItems } from '../../lib/store';

export interface CancellationRatePanelProps {
  /** Orders placed in the last 7 days; undefined while they are read. */
  readonly orders: readonly OrderWithItems[] | undefined;
  readonly actions: readonly CancelAction[];
  readonly now: Date;
  readonly error?: string;
}

/** The seller-initiated cancellation rate estimate beside Amazon's 2.5 % target. */
export function CancellationRatePanel({ orders, actions, now, error }: CancellationRatePanelProps) {
  if (error)
    return (
      <section className="requests-rate" aria-label="Cancellation rate">
        <p>Could not work out the cancellation rate: {error}</p>
      </section>
    );
  if (!orders) return null;
  const rate = cancellationRate(orders, actions, now);
  return (
    <section
      className={rate.overTarget ? 'requests-rate requests-rate--over' : 'requests-rate'}
      aria-label="Cancellation rate"
      data-testid="cancellation-rate-panel"
    >
      <p className="requests-rate__figure">
        Cancellation rate (estimate, last 7 days): {formatBasisPoints(rate.basisPoints)} — Amazon’s target:
        under {formatBasisPoints(rate.targetBasisPoints)}
        {rate.overTarget ? '. Above Amazon’s target: cancel only when you must.' : ''}
      </p>
      <p className="requests-rate__counts">
        {rate.sellerCancelled} of {rate.orders} orders cancelled by you
        {rate.buyerRequestedExcluded > 0
          ? `; ${rate.buyerRequestedExcluded} the buyer asked for left out`
          : ''}
        .
      </p>
      <p className="requests-rate__explanation">{CANCELLATION_RATE_EXPLANATION}</p>
    </section>
  );
}
