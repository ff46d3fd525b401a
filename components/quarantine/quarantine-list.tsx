import type { QuarantineRecord, QuarantineSource } from '../../lib/store';
import { formatDateTime } from '../../lib/format-time';
import './quarantine.css';

const SOURCE_LABELS: Record<QuarantineSource, string> = {
  searchOrders: 'Orders API search',
  getOrder: 'Orders API order lookup',
  report: 'Order report',
  store: 'Local store',
};

export interface QuarantineListProps {
  readonly records: readonly QuarantineRecord[];
}

/** Why each unreadable record was set aside, where it came from and when. */
export function QuarantineList({ records }: QuarantineListProps) {
  return (
    <section className="quarantine-list" aria-label="Records that could not be read">
      <h2>Records that could not be read</h2>
      {records.length === 0 ? (
        <p>Every record Amazon sent could be read.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Source</th>
              <th scope="col">Order</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id}>
                <td>{formatDateTime(record.at)}</td>
                <td>
                  {SOURCE_LABELS[record.source] ?? record.source}
                  <div className="quarantine-list__reference">{record.reference}</div>
                </td>
                <td>{record.orderId ?? '—'}</td>
                <td>
                  {record.reason}
                  <details>
                    <summary>Record as received</summary>
                    <pre>{record.raw}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
