import { CANCEL_CHIP_LABELS, type CancelSummary } from './cancel-summary';
import './cancel-status-chip.css';

/** The order's cancel state in a list row. */
export function CancelStatusChip({ summary }: { summary: CancelSummary }) {
  return (
    <span className={`cancel-chip cancel-chip--${summary.kind}`} data-testid="cancel-chip">
      {CANCEL_CHIP_LABELS[summary.kind]}
    </span>
  );
}
