// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatMoney } from '../../lib/domain/money';
import type { StoredOrder } from '../../lib/domain/order';
import { formatDateTime } from '../../lib/format-time';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import { makeOrder } from './order-fixtures';

function ukOrder() {
  return makeOrder({
    orderId: '202-1234567-7654321',
    purchaseDate: '2026-11-03T10:00:00Z',
    marketplaceId: 'A1F83G8C2ARO7P',
    isPrime: true,
    total: ['57.49', 'GBP'],
    items: [
      {
        sku: 'MUG-CUSTOM',
        asin: 'B0CUSTOM01',
        title: '<img src=x onerror=alert(1)> Personalised mug',
        quantityOrdered: 2,
        quantityShipped: 1,
        unitPrice: { amountMinor: 2000, currency: 'GBP' },
        lineTotal: { amountMinor: 4000, currency: 'GBP' },
        customizedUrl: 'https://zme-caps.amazon.com/t/abc123/customization.zip',
      },
      {
        sku: 'TEA-GRN',
        asin: 'B000TEA002',
        title: 'Green tea tin',
        quantityOrdered: 1,
        unitPrice: { amountMinor: 1749, currency: 'GBP' },
        lineTotal: { amountMinor: 1749, currency: 'GBP' },
        customizedUrl: 'javascript:alert(1)',
      },
    ],
    extra: {
      firstReported: {
        at: '2026-11-03T10:05:00Z',
        source: {
          kind: 'report',
          reportId: '50017020000',
          reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
        },
      },
      shipBy: { earliest: '2026-11-04T00:00:00Z', latest: '2026-11-05T23:59:59Z' },
      buyerCancelRequest: { reason: 'Found a better price', firstSeenAt: '2026-11-03T12:00:00Z' },
    },
  });
}

describe('OrderDetail', () => {
  it('shows items, amounts, first-reported and a Seller Central link on the order’s own domain', async () => {
    const { order, items } = ukOrder();
    render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
    expect(await screen.findByRole('heading', { name: 'Order 202-1234567-7654321' })).toBeInTheDocument();

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    // Header, two items, total.
    expect(rows).toHaveLength(4);
    // Buyer text is text: the tag is shown, never parsed.
    expect(within(rows[1]!).getByText('<img src=x onerror=alert(1)> Personalised mug')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(rows[1]).toHaveTextContent('SKU MUG-CUSTOM · ASIN B0CUSTOM01');
    expect(rows[1]).toHaveTextContent('21 shipped');
    expect(rows[1]).toHaveTextContent(formatMoney({ amountMinor: 2000, currency: 'GBP' }));
    expect(rows[1]).toHaveTextContent(formatMoney({ amountMinor: 4000, currency: 'GBP' }));
    expect(rows[3]).toHaveTextContent(formatMoney({ amountMinor: 5749, currency: 'GBP' }));

    const custom = within(rows[1]!).getByRole('link', { name: /customization\.zip/ });
    expect(custom).toHaveAttribute('href', 'https://zme-caps.amazon.com/t/abc123/customization.zip');
    expect(custom).toHaveAttribute('rel', 'noopener noreferrer');
    // A non-web URL stays text.
    expect(within(rows[2]!).queryByRole('link')).toBeNull();
    expect(rows[2]).toHaveTextContent('Amazon Custom: javascript:alert(1)');

    expect(screen.getByTestId('first-reported')).toHaveTextContent(
      `First seen by the order manager: ${formatDateTime('2026-11-03T10:05:00Z')} (initial import)`,
    );
    const link = screen.getByRole('link', { name: 'Open in Seller Central' });
    expect(link).toHaveAttribute(
      'href',
      'https://sellercentral.amazon.co.uk/orders-v3/order/202-1234567-7654321',
    );
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByTestId('buyer-cancel-request')).toHaveTextContent('reason: Found a better price');
    expect(screen.getByTestId('ship-by')).not.toHaveTextContent('unknown');
    expect(screen.getByText('Amazon.co.uk (UK)')).toBeInTheDocument();
  });

  it('says the ship-by window is unknown for an order known only from a report', async () => {
    const { order, items } = makeOrder({
      orderId: '111-0000001-0000001',
      purchaseDate: '2026-11-01T10:00:00Z',
      extra: { detailLevel: 'report', isPrime: undefined, shipBy: undefined },
    });
    render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
    expect(await screen.findByTestId('ship-by')).toHaveTextContent(
      'Not known yet (the order report leaves it out)',
    );
    expect(screen.getByTestId('first-reported')).toHaveTextContent('First seen in a sync on');
    expect(screen.getByRole('link', { name: 'Open in Seller Central' })).toHaveAttribute(
      'href',
      'https://sellercentral.amazon.com/orders-v3/order/111-0000001-0000001',
    );
  });

  it('goes back to the list', async () => {
    const user = userEvent.setup();
    const { order, items } = ukOrder();
    const onBack = vi.fn();
    render(
      <OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} onBack={onBack} />,
    );
    await screen.findByRole('heading', { name: 'Order 202-1234567-7654321' });
    await user.click(screen.getByRole('button', { name: /Back to list/ }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('says when the order is not stored', async () => {
    render(<OrderDetail source={new MemoryOrderSource([])} orderId="111-9999999-9999999" />);
    expect(await screen.findByText('Order 111-9999999-9999999 is not stored.')).toBeInTheDocument();
  });

  describe('money that adds up', () => {
    const gbp = (amountMinor: number) => ({ amountMinor, currency: 'GBP' });
    const pounds = (amountMinor: number) => formatMoney(gbp(amountMinor));
    // Line 1: 1 × £36.99 + £4.99 shipping = £41.98 (the line that read "1 × £36.99 = £41.98").
    // Line 2: 2 × £10.00 + £4.00 tax − £2.00 promotion = £22.00. Order: £63.98.
    function pricedOrder(total = '63.98') {
      return makeOrder({
        orderId: '202-5550001-0000001',
        purchaseDate: '2026-11-03T10:00:00Z',
        marketplaceId: 'A1F83G8C2ARO7P',
        total: [total, 'GBP'],
        items: [
          {
            sku: 'LAMP',
            title: 'Desk lamp',
            quantityOrdered: 1,
            unitPrice: gbp(3699),
            lineTotal: gbp(4198),
            charges: { item: gbp(3699), shipping: gbp(499) },
          },
          {
            sku: 'BULB',
            title: 'Bulb',
            quantityOrdered: 2,
            unitPrice: gbp(1000),
            lineTotal: gbp(2200),
            charges: { item: gbp(2000), tax: gbp(400), promotions: gbp(-200) },
          },
        ],
      });
    }
    const cell = (row: HTMLElement, part: string) => row.querySelector(`[data-part="${part}"]`)!;

    it('shows units × unit price, each part and the line total, and a foot that sums each part', async () => {
      const { order, items } = pricedOrder();
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      const table = await screen.findByRole('table', { name: '2 lines, 3 units' });
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent);
      expect(headers).toEqual([
        'Item',
        'Units',
        'Unit price',
        'Item price',
        'Shipping',
        'Tax',
        'Promotions',
        'Line total',
      ]);
      const [, lamp, bulb, foot] = within(table).getAllByRole('row') as HTMLElement[];
      expect(cell(lamp!, 'item')).toHaveTextContent(pounds(3699));
      expect(cell(lamp!, 'shipping')).toHaveTextContent(pounds(499));
      expect(cell(lamp!, 'total')).toHaveTextContent(pounds(4198));
      expect(bulb).toHaveTextContent(pounds(1000));
      expect(cell(bulb!, 'item')).toHaveTextContent(pounds(2000));
      expect(cell(bulb!, 'tax')).toHaveTextContent(pounds(400));
      expect(cell(bulb!, 'promotions')).toHaveTextContent(pounds(-200));
      expect(cell(bulb!, 'total')).toHaveTextContent(pounds(2200));
      expect(foot).toHaveAttribute('data-testid', 'order-total-row');
      expect(foot).toHaveTextContent('Order total');
      expect(cell(foot!, 'item')).toHaveTextContent(pounds(5699));
      expect(cell(foot!, 'shipping')).toHaveTextContent(pounds(499));
      expect(cell(foot!, 'tax')).toHaveTextContent(pounds(400));
      expect(cell(foot!, 'promotions')).toHaveTextContent(pounds(-200));
      expect(cell(foot!, 'total')).toHaveTextContent(pounds(6398));
      expect(screen.queryByText(/not broken down/)).toBeNull();
    });

    it('says how much of Amazon’s total no part explains instead of showing sums that do not add up', async () => {
      const { order, items } = pricedOrder('65.98');
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      expect(await screen.findByTestId('order-not-broken-down')).toHaveTextContent(
        `Amazon’s total includes ${pounds(200)} not broken down`,
      );
      expect(cell(screen.getByTestId('lines-total-row'), 'total')).toHaveTextContent(pounds(6398));
      expect(screen.getByTestId('order-total-row')).toHaveTextContent(pounds(6598));
    });

    it('says plainly when Amazon’s total is less than the parts (never "includes −£2.00")', async () => {
      const { order, items } = pricedOrder('61.98');
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      const row = await screen.findByTestId('order-not-broken-down');
      expect(row).toHaveTextContent(`Amazon’s total is ${pounds(200)} less than the parts shown`);
      expect(row).not.toHaveTextContent('includes');
      expect(screen.getByTestId('order-total-row')).toHaveTextContent(pounds(6198));
    });

    it('says what of a line total an order stored before parts were kept does not explain', async () => {
      const { order, items } = makeOrder({
        orderId: '202-5550002-0000002',
        purchaseDate: '2026-11-03T10:00:00Z',
        marketplaceId: 'A1F83G8C2ARO7P',
        total: ['41.98', 'GBP'],
        items: [{ quantityOrdered: 1, unitPrice: gbp(3699), lineTotal: gbp(4198) }],
      });
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      expect(await screen.findByTestId('line-not-broken-down')).toHaveTextContent(
        `Amazon’s line total includes ${pounds(499)} not broken down`,
      );
      expect(screen.getByRole('table', { name: '1 line, 1 unit' })).toBeInTheDocument();
    });

    it.each<StoredOrder['status']>(['PENDING', 'PENDING_AVAILABILITY'])(
      'says why a %s order has no price',
      async (status) => {
        const { order, items } = makeOrder({
          orderId: '202-5550003-0000003',
          purchaseDate: '2026-11-03T10:00:00Z',
          status,
          items: [{ quantityOrdered: 2 }],
        });
        render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
        expect(await screen.findByTestId('order-total')).toHaveTextContent(
          'Price not known until Amazon confirms payment',
        );
        expect(screen.getByTestId('order-total-row')).toHaveTextContent(
          'Price not known until Amazon confirms payment',
        );
      },
    );
  });

  describe('when the order arrived', () => {
    const REPORT_TYPE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';
    const at = '2026-11-03T10:05:00Z';
    function arrived(source: StoredOrder['firstReported']['source']) {
      return makeOrder({
        orderId: '111-5550004-0000004',
        purchaseDate: '2026-11-01T10:00:00Z',
        extra: { firstReported: { at, source } },
      });
    }

    it('says an order of the first import was first seen by the order manager, ids only in Technical details', async () => {
      const { order, items } = arrived({
        kind: 'report',
        reportId: '50017020000',
        reportType: REPORT_TYPE,
        initialImport: true,
      });
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      const fact = await screen.findByTestId('first-reported');
      expect(fact).toHaveTextContent(
        `First seen by the order manager: ${formatDateTime(at)} (initial import)`,
      );
      const technical = within(fact).getByText('Technical details').closest('details')!;
      expect(technical).not.toHaveAttribute('open');
      expect(technical).toHaveTextContent(`Report 50017020000 (${REPORT_TYPE})`);
      // Outside the collapsed details, no report id or report type name.
      const main = fact.cloneNode(true) as HTMLElement;
      main.querySelector('details')!.remove();
      expect(main.textContent).not.toMatch(/50017020000|GET_FLAT_FILE/);
      expect(screen.getByTestId('order-detail').textContent?.split('Technical details')[0]).not.toMatch(
        /GET_FLAT_FILE/,
      );
    });

    it('says an order a later report brought was first reported in an order report', async () => {
      const { order, items } = arrived({
        kind: 'report',
        reportId: '50017020001',
        reportType: REPORT_TYPE,
        initialImport: false,
      });
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      const fact = await screen.findByTestId('first-reported');
      expect(fact).toHaveTextContent(`First reported in an order report on ${formatDateTime(at)}`);
      expect(fact).not.toHaveTextContent('initial import');
    });

    it('says an order a sync brought was first seen in a sync', async () => {
      const { order, items } = arrived({ kind: 'search', syncRunId: 'run-7' });
      render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
      const fact = await screen.findByTestId('first-reported');
      expect(fact).toHaveTextContent(`First seen in a sync on ${formatDateTime(at)}`);
      expect(within(fact).getByText('Technical details').closest('details')).toHaveTextContent(
        'Sync run run-7',
      );
    });
  });

  it('shows the type an order report gave (is-prime column) while the other details still load, as the row does', async () => {
    const { order, items } = makeOrder({
      orderId: '111-5550006-0000006',
      purchaseDate: '2026-11-01T10:00:00Z',
      extra: { detailLevel: 'report', isPrime: true, subTypes: ['prime'] },
    });
    render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
    expect(await screen.findByTestId('order-type')).toHaveTextContent('Prime');
    expect(screen.getByTestId('order-type')).not.toHaveTextContent('Type not known yet');
  });

  it('says the type is not known yet while the Prime flag is unknown, and names the service level plainly', async () => {
    const { order, items } = makeOrder({
      orderId: '111-5550005-0000005',
      purchaseDate: '2026-11-01T10:00:00Z',
      serviceLevel: 'SECOND_DAY',
      extra: { detailLevel: 'report', isPrime: undefined, subTypes: ['standard'], fulfilledBy: 'AMAZON' },
    });
    render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
    expect(await screen.findByTestId('order-type')).toHaveTextContent('Type not known yet');
    expect(screen.getByTestId('order-type')).not.toHaveTextContent('Standard');
    expect(screen.getByTestId('shipping-service')).toHaveTextContent('Second day');
    expect(screen.getByText('Fulfilled by Amazon (FBA)')).toBeInTheDocument();
    expect(screen.getByTestId('order-detail')).not.toHaveTextContent('SECOND_DAY');
  });

  it('moves focus to the order’s heading when it opens', async () => {
    const { order, items } = ukOrder();
    render(<OrderDetail source={new MemoryOrderSource([order], items)} orderId={order.orderId} />);
    const heading = await screen.findByRole('heading', { name: 'Order 202-1234567-7654321' });
    // Focus moves in an effect once the heading is drawn, not in the same instant.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading).toHaveAttribute('tabindex', '-1');
  });
});
