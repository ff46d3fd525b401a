import type { QuarantineRecord, QuarantineSource } from '../../lib/store';
import { formatDateTime } from '../../lib/format-time';
import './quarantine.css';

/** Where the record came from, in the seller's words. */
const SOURCE_LABELS: Record<QuarantineSource, string> = {
  searchOrders: 'Order sync',
  getOrder: 'Order check',
  report: 'Order report',
  store: 'Saved in this browser',
};

/** Why a record was set aside, in plain words; the exact reason stays under Technical details. */
const PLAIN_REASONS: Record<QuarantineSource, string> = {
  searchOrders:
    'Amazon sent this order in a form the order manager does not understand, so it was set aside.',
  getOrder: 'Amazon sent this order in a form the order manager does not understand, so it was set aside.',
  report: "A line of Amazon's order report could not be read, so it was set aside.",
  store: 'A record saved in this browser was damaged, so it was set aside rather than guessed at.',
};

/** What the seller can do about one record. */
function nextStep(record: QuarantineRecord): string {
  if (record.orderId) return 'Your other orders were saved. Check this order in Seller Central.';
  return 'Everything else was saved. Nothing is needed from you.';
}

export interface QuarantineListProps {
  readonly records: readonly QuarantineRecord[];
}

/** Why each unreadable record was set aside, where it came from and when; nothing when there are none. */
export function QuarantineList({ records }: QuarantineListProps) {
  if (records.length === 0) return null;
  return (
    <section className="quarantine-list" aria-label="Records that could not be read">
      <h2>Records that could not be read</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">Order</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id} data-testid="quarantine-record">
              <td>{formatDateTime(record.at)}</td>
              <td>{SOURCE_LABELS[record.source] ?? record.source}</td>
              <td>{record.orderId ?? '—'}</td>
              <td>
                <p className="quarantine-list__reason">
                  {PLAIN_REASONS[record.source] ?? 'This record could not be read, so it was set aside.'}{' '}
                  {nextStep(record)}
                </p>
                <details>
                  <summary>Technical details</summary>
                  <p>Reason: {record.reason}</p>
                  <p className="quarantine-list__reference">Arrived with: {record.reference}</p>
                  <pre>{record.raw}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
