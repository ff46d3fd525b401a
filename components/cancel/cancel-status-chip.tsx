import { CANCEL_CHIP_LABELS, type CancelSummary } from './cancel-summary';
import './cancel-status-chip.css';

/** The order's cancel state in a list row; a sending problem is its tooltip, in Amazon's or our words. */
export function CancelStatusChip({ summary }: { summary: CancelSummary }) {
  const problem = summary.kind === 'outside' ? undefined : summary.action.problem?.message;
  return (
    <span className={`cancel-chip cancel-chip--${summary.kind}`} data-testid="cancel-chip" title={problem}>
      {CANCEL_CHIP_LABELS[summary.kind]}
    </span>
  );
}
