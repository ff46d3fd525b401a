// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { QuarantineList } from '../../components/quarantine/quarantine-list';
import { QuarantineNotice } from '../../components/quarantine/quarantine-notice';
import type { QuarantineRecord } from '../../lib/store';

/** What the seller reads without opening anything: the text outside collapsed details. */
function mainText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('details').forEach((details) => details.remove());
  return copy.textContent ?? '';
}

const apiRecord: QuarantineRecord = {
  id: 1,
  at: '2026-11-26T10:00:00Z',
  source: 'searchOrders',
  reference: 'sync-run-7f3a',
  orderId: '111-0000001-0000001',
  reason: 'orderStatus: Invalid option: expected one of "PENDING"|"UNSHIPPED"',
  raw: '{"orderStatus":"HELD"}',
};
const reportRecord: QuarantineRecord = {
  id: 2,
  at: '2026-11-26T09:00:00Z',
  source: 'report',
  reference: '50017020000',
  reason: 'line 12: has 5 cells but the header has 6',
  raw: 'a\tb\tc\td\te',
};

describe('Unreadable records', () => {
  it('shows nothing, neither list nor notice, when there are none', () => {
    const { container } = render(
      <>
        <QuarantineNotice count={0} onShow={vi.fn()} />
        <QuarantineList records={[]} />
      </>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('says why in plain words, the raw reason and ids only under a collapsed Technical details', () => {
    render(<QuarantineList records={[apiRecord, reportRecord]} />);
    const [apiRow, reportRow] = screen.getAllByTestId('quarantine-record');
    expect(mainText(apiRow!)).toContain(
      'Amazon sent this order in a form the order manager does not understand, so it was set aside.',
    );
    expect(mainText(apiRow!)).toContain('Check this order in Seller Central.');
    expect(mainText(reportRow!)).toContain("A line of Amazon's order report could not be read");
    for (const [row, record] of [
      [apiRow!, apiRecord],
      [reportRow!, reportRecord],
    ] as const) {
      expect(mainText(row)).not.toContain(record.reason);
      expect(mainText(row)).not.toContain(record.reference);
      expect(mainText(row)).not.toMatch(/searchOrders|API/);
      const details = row.querySelector('details')!;
      expect(details.open).toBe(false);
      expect(details.querySelector('summary')).toHaveTextContent('Technical details');
      expect(details).toHaveTextContent(record.reason);
      expect(details).toHaveTextContent(record.reference);
    }
  });
});
