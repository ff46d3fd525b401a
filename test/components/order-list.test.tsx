// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatMoney } from '../../lib/domain/money';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { memoryOrderQueryStore, type OrderQueryStore } from '../../components/orders/order-query-store';
import { OrderList } from '../../components/orders/order-list';
import { cancelAction } from './cancel-fixtures';
import { fakeLayout, makeOrder, sampleShop } from './order-fixtures';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());

function renderList(queryStore: OrderQueryStore = memoryOrderQueryStore(), source?: MemoryOrderSource) {
  const shop = sampleShop();
  const orders = source ?? new MemoryOrderSource(shop.orders, shop.items);
  const onOpenOrder = vi.fn();
  const view = render(<OrderList source={orders} queryStore={queryStore} onOpenOrder={onOpenOrder} />);
  return { ...view, onOpenOrder, source: orders, queryStore };
}

function shownOrderIds(): string[] {
  return screen.queryAllByTestId('order-row').map((row) => row.getAttribute('data-order-id') ?? '');
}

async function waitForAll() {
  await waitFor(() => expect(screen.getByTestId('order-count')).toHaveTextContent(/of 6 orders$/));
}

describe('OrderList', () => {
  it('lists orders newest first with totals in each order’s currency', async () => {
    renderList();
    await waitForAll();
    expect(shownOrderIds()).toEqual([
      '113-0000005-0000005',
      '112-0000004-0000004',
      '202-0000002-0000002',
      '302-0000003-0000003',
      '111-0000001-0000001',
      '503-0000006-0000006',
    ]);
    const row = (id: string) => screen.getAllByTestId('order-row').find((r) => r.dataset.orderId === id)!;
    expect(within(row('202-0000002-0000002')).getByTestId('order-total')).toHaveTextContent(
      formatMoney({ amountMinor: 4250, currency: 'GBP' }),
    );
    expect(within(row('202-0000002-0000002')).getByTestId('order-total')).toHaveTextContent('£');
    expect(within(row('302-0000003-0000003')).getByTestId('order-total')).toHaveTextContent('€');
    expect(within(row('503-0000006-0000006')).getByTestId('order-total')).toHaveTextContent('¥');
    expect(within(row('503-0000006-0000006')).getByTestId('order-total')).toHaveTextContent('1,500');
    expect(row('202-0000002-0000002')).toHaveTextContent('UK');
    expect(row('111-0000001-0000001')).toHaveTextContent('2 units');
    expect(screen.getByTestId('order-count')).toHaveTextContent('6 of 6 orders');
  });

  it('marks an order with an open buyer cancellation request', async () => {
    renderList();
    await waitForAll();
    const markers = screen.getAllByTestId('buyer-cancel-marker');
    expect(markers).toHaveLength(1);
    expect(markers[0]!.closest('[data-order-id]')).toHaveAttribute('data-order-id', '113-0000005-0000005');
  });

  it('drops the marker once the request has closed (the order shipped)', async () => {
    const closed = makeOrder({
      orderId: '111-0000009-0000009',
      purchaseDate: '2026-11-20T10:00:00Z',
      status: 'SHIPPED',
      extra: {
        buyerCancelRequest: {
          reason: 'Found it cheaper',
          firstSeenAt: '2026-11-20T11:00:00Z',
          closed: { at: '2026-11-20T15:00:00Z', how: 'shipped' },
        },
      },
    });
    renderList(memoryOrderQueryStore(), new MemoryOrderSource([closed.order], closed.items));
    await waitFor(() => expect(shownOrderIds()).toEqual(['111-0000009-0000009']));
    expect(screen.queryByTestId('buyer-cancel-marker')).toBeNull();
  });

  it.each([
    ['order id', '0000003', ['302-0000003-0000003']],
    ['SKU', 'tea-grn', ['202-0000002-0000002']],
    ['ASIN', 'B000CHR004', ['112-0000004-0000004']],
    ['title', 'fountain', ['113-0000005-0000005']],
  ])('searches by %s', async (_what, text, expected) => {
    const user = userEvent.setup();
    renderList();
    await waitForAll();
    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), text);
    await waitFor(() => expect(shownOrderIds()).toEqual(expected));
    expect(screen.getByTestId('order-count')).toHaveTextContent(`${expected.length} of 6 orders`);
  });

  it.each([
    ['Prime', ['112-0000004-0000004', '202-0000002-0000002']],
    ['Business', ['112-0000004-0000004', '302-0000003-0000003']],
    ['Business Prime', ['112-0000004-0000004']],
    ['Second Day', ['113-0000005-0000005']],
    ['Standard', ['111-0000001-0000001', '503-0000006-0000006']],
  ])('filters by the %s sub-type chip', async (label, expected) => {
    const user = userEvent.setup();
    renderList();
    await waitForAll();
    const types = screen.getByRole('group', { name: 'Order type' });
    const chip = within(types).getByRole('button', { name: label });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    await user.click(chip);
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(shownOrderIds()).toEqual(expected));
    await user.click(chip);
    await waitFor(() => expect(shownOrderIds()).toHaveLength(6));
  });

  it('combines sub-type, status and search filters', async () => {
    const user = userEvent.setup();
    renderList();
    await waitForAll();
    const types = screen.getByRole('group', { name: 'Order type' });
    const statuses = screen.getByRole('group', { name: 'Status' });
    await user.click(within(types).getByRole('button', { name: 'Prime' }));
    await user.click(within(statuses).getByRole('button', { name: 'Shipped' }));
    await waitFor(() => expect(shownOrderIds()).toEqual(['112-0000004-0000004', '202-0000002-0000002']));
    await user.click(within(types).getByRole('button', { name: 'Business' }));
    // Two sub-types: either one; the Shipped status still applies.
    await waitFor(() => expect(shownOrderIds()).toEqual(['112-0000004-0000004', '202-0000002-0000002']));
    await user.click(within(statuses).getByRole('button', { name: 'Unshipped' }));
    await waitFor(() =>
      expect(shownOrderIds()).toEqual(['112-0000004-0000004', '202-0000002-0000002', '302-0000003-0000003']),
    );
    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'lamp');
    await waitFor(() => expect(shownOrderIds()).toEqual(['302-0000003-0000003']));
    await user.clear(screen.getByRole('searchbox', { name: 'Search orders' }));
    await user.click(within(statuses).getByRole('button', { name: 'Cancelled' }));
    await user.click(within(types).getByRole('button', { name: 'Prime' }));
    await user.click(within(types).getByRole('button', { name: 'Business' }));
    await user.click(within(types).getByRole('button', { name: 'Standard' }));
    await waitFor(() => expect(shownOrderIds()).toEqual(['111-0000001-0000001', '503-0000006-0000006']));
    await user.click(within(statuses).getByRole('button', { name: 'Unshipped' }));
    await waitFor(() => expect(shownOrderIds()).toEqual(['503-0000006-0000006']));
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(shownOrderIds()).toHaveLength(6));
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderList();
    await waitForAll();
    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'no such thing');
    expect(await screen.findByText('No orders match the search and filters.')).toBeInTheDocument();
    expect(screen.getByTestId('order-count')).toHaveTextContent('0 of 6 orders');
  });

  it('restores the last search and filters when mounted again', async () => {
    const user = userEvent.setup();
    const queryStore = memoryOrderQueryStore();
    const first = renderList(queryStore);
    await waitForAll();
    await user.click(
      within(screen.getByRole('group', { name: 'Order type' })).getByRole('button', { name: 'Prime' }),
    );
    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'chair');
    // Generous waits: under a loaded full run the debounced search can take over a second.
    await waitFor(() => expect(shownOrderIds()).toEqual(['112-0000004-0000004']), { timeout: 10_000 });
    first.unmount();

    renderList(queryStore);
    await waitForAll();
    await waitFor(
      () => {
        expect(screen.getByRole('searchbox', { name: 'Search orders' })).toHaveValue('chair');
        expect(
          within(screen.getByRole('group', { name: 'Order type' })).getByRole('button', { name: 'Prime' }),
        ).toHaveAttribute('aria-pressed', 'true');
        expect(shownOrderIds()).toEqual(['112-0000004-0000004']);
      },
      { timeout: 10_000 },
    );
  });

  it('opens an order on click and on Enter', async () => {
    const user = userEvent.setup();
    const { onOpenOrder } = renderList();
    await waitForAll();
    await user.click(screen.getByRole('button', { name: /202-0000002-0000002/ }));
    expect(onOpenOrder).toHaveBeenLastCalledWith('202-0000002-0000002');
    screen.getByRole('button', { name: /111-0000001-0000001/ }).focus();
    await user.keyboard('{Enter}');
    expect(onOpenOrder).toHaveBeenLastCalledWith('111-0000001-0000001');
  });

  it('reloads when the source reports new orders', async () => {
    const shop = sampleShop();
    const live = new MemoryOrderSource(shop.orders.slice(0, 1), shop.items);
    renderList(memoryOrderQueryStore(), live);
    await waitFor(() => expect(screen.getByTestId('order-count')).toHaveTextContent('1 of 1 orders'));
    const newer = makeOrder({ orderId: '114-0000009-0000009', purchaseDate: '2026-11-09T00:00:00Z' }).order;
    live.replace([...shop.orders.slice(0, 1), newer]);
    await waitFor(() => expect(screen.getByTestId('order-count')).toHaveTextContent('2 of 2 orders'));
    expect(shownOrderIds()).toEqual(['114-0000009-0000009', '111-0000001-0000001']);
  });

  it('renders only the rows in view for a large store', async () => {
    const many = Array.from(
      { length: 5000 },
      (_, i) =>
        makeOrder({
          orderId: `111-${String(i).padStart(7, '0')}-0000000`,
          purchaseDate: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        }).order,
    );
    renderList(memoryOrderQueryStore(), new MemoryOrderSource(many));
    await waitFor(() => expect(screen.getByTestId('order-count')).toHaveTextContent('5000 of 5000 orders'));
    const rows = screen.getAllByTestId('order-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('data-order-id', '111-0004999-0000000');
  });
});

describe('OrderList cancel chips', () => {
  it('tells a cancel that cannot be sent, one being retried and one Amazon accepted from a plain pending one', async () => {
    const shop = sampleShop();
    const order = (id: string) => shop.orders.find((o) => o.orderId === id)!;
    const problem = (permanent: boolean) => ({
      message: permanent ? 'Amazon refused the cancellation: the app has no Feeds role.' : 'Amazon is busy.',
      at: '2026-11-21T09:05:00Z',
      attempts: 2,
      permanent,
    });
    const actions = new MemoryActionSource([
      cancelAction(order('111-0000001-0000001'), { id: 'a-1', problem: problem(true) }),
      cancelAction(order('302-0000003-0000003'), { id: 'a-2', problem: problem(false) }),
      cancelAction(order('113-0000005-0000005'), {
        id: 'a-3',
        confirming: { since: '2026-11-21T09:10:00Z' },
      }),
    ]);
    render(
      <OrderList
        source={new MemoryOrderSource(shop.orders, shop.items)}
        queryStore={memoryOrderQueryStore()}
        onOpenOrder={vi.fn()}
        actions={actions}
      />,
    );
    await waitForAll();
    const chip = (id: string) =>
      within(screen.getAllByTestId('order-row').find((r) => r.dataset.orderId === id)!).getByTestId(
        'cancel-chip',
      );
    await waitFor(() =>
      expect(chip('111-0000001-0000001')).toHaveTextContent('Cancel not sent — action needed'),
    );
    expect(chip('111-0000001-0000001')).toHaveAttribute(
      'title',
      'Amazon refused the cancellation: the app has no Feeds role.',
    );
    expect(chip('302-0000003-0000003')).toHaveTextContent('Cancel pending — retrying');
    expect(chip('113-0000005-0000005')).toHaveTextContent('Cancel accepted by Amazon');
  });
});
