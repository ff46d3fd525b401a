// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatMoney } from '../../lib/domain/money';
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
    expect(rows[1]).toHaveTextContent('2 / 1');
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
      'in report 50017020000 (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL)',
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
    expect(await screen.findByTestId('ship-by')).toHaveTextContent('unknown — from order report');
    expect(screen.getByTestId('first-reported')).toHaveTextContent('in sync run run-1');
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
});
