// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StoredOrder } from '../../lib/domain/order';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { memoryOrderQueryStore } from '../../components/orders/order-query-store';
import { OrderList, type OrderListProps } from '../../components/orders/order-list';
import { fakeLayout, makeOrder, sampleShop } from './order-fixtures';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());

/** An order only the flat-file report described: no Prime flag, no ship-by (older versions stored it as Standard). */
function reportOnly(orderId: string, purchaseDate: string, legacySubTypes: StoredOrder['subTypes'] = []) {
  return makeOrder({
    orderId,
    purchaseDate,
    serviceLevel: 'Standard',
    items: [{ sku: 'KETTLE-BLK', title: 'Black kettle', quantityOrdered: 3 }],
    extra: { isPrime: undefined, detailLevel: 'report', subTypes: legacySubTypes },
  }).order;
}

const REPORT_A = '114-5566778-8990011';
const REPORT_B = '114-5566778-8990022';

function shopWithReportOnly() {
  const shop = sampleShop();
  return [
    ...shop.orders,
    reportOnly(REPORT_A, '2026-11-06T10:00:00Z'),
    // Stored by an older version as Standard: still not a Standard order.
    reportOnly(REPORT_B, '2026-10-29T10:00:00Z', ['standard']),
  ];
}

function renderList(orders: readonly StoredOrder[], props: Partial<OrderListProps> = {}) {
  const queryStore = memoryOrderQueryStore();
  const view = render(
    <OrderList
      source={new MemoryOrderSource(orders)}
      queryStore={queryStore}
      onOpenOrder={vi.fn()}
      {...props}
    />,
  );
  return { ...view, queryStore };
}

const shownOrderIds = () =>
  screen.queryAllByTestId('order-row').map((row) => row.getAttribute('data-order-id') ?? '');
const row = (orderId: string) =>
  screen.getAllByTestId('order-row').find((r) => r.dataset.orderId === orderId)!;
const typeChip = (name: string) =>
  within(screen.getByRole('group', { name: 'Order type' })).getByRole('button', { name });
/** The number beside a type chip (its accessible description adds "orders"). */
const chipCount = (name: string) =>
  /^\d+/.exec(typeChip(name).parentElement!.querySelector('.filter-chip__count')?.textContent ?? '')?.[0];

async function waitForCount(total: number) {
  await waitFor(() =>
    expect(screen.getByTestId('order-count')).toHaveTextContent(new RegExp(`of ${total} orders$`)),
  );
}

describe('OrderList: an unknown type is not Standard', () => {
  it('shows "Type not known yet" on report-only rows, with no sub-type chip', async () => {
    renderList(shopWithReportOnly());
    await waitForCount(8);
    for (const id of [REPORT_A, REPORT_B]) {
      expect(within(row(id)).getByTestId('type-unknown')).toHaveTextContent('Type not known yet');
      expect(row(id).querySelector('.sub-type-chip')).toBeNull();
    }
    expect(within(row('111-0000001-0000001')).queryByTestId('type-unknown')).toBeNull();
    expect(row('111-0000001-0000001')).toHaveTextContent('Standard');
  });

  it('never lists or counts them under a sub-type chip', async () => {
    const user = userEvent.setup();
    renderList(shopWithReportOnly());
    await waitForCount(8);
    expect(chipCount('Standard')).toBe('2');
    expect(chipCount('Prime')).toBe('2');
    expect(chipCount('Business')).toBe('2');
    expect(chipCount('Business Prime')).toBe('1');
    expect(chipCount('Second Day')).toBe('1');
    expect(typeChip('Prime')).toHaveAccessibleDescription('2 orders');
    await user.click(typeChip('Standard'));
    await waitFor(() => expect(shownOrderIds()).toEqual(['111-0000001-0000001', '503-0000006-0000006']));
    for (const name of ['Prime', 'Business', 'Business Prime', 'Second Day'])
      await user.click(typeChip(name));
    await waitFor(() => expect(shownOrderIds()).toHaveLength(6));
    expect(shownOrderIds()).not.toContain(REPORT_A);
    expect(shownOrderIds()).not.toContain(REPORT_B);
  });

  it('counts over the orders matching the search and status filters', async () => {
    const user = userEvent.setup();
    renderList(shopWithReportOnly());
    await waitForCount(8);
    await user.click(
      within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name: 'Shipped' }),
    );
    await waitFor(() => expect(chipCount('Prime')).toBe('2'));
    expect(chipCount('Standard')).toBe('0');
    expect(chipCount('Second Day')).toBe('0');
    await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), 'chair');
    await waitFor(() => expect(chipCount('Prime')).toBe('1'));
    expect(chipCount('Business')).toBe('1');
  });
});

describe('OrderList: details still loading', () => {
  it.each([
    [undefined, 'Details still loading for 2 orders'],
    ['running' as const, 'Details still loading for 2 orders'],
    ['done' as const, 'Amazon has not given the type of 2 orders'],
  ])('with the detail fill %s, says "%s" above the chips', async (detailFill, text) => {
    renderList(shopWithReportOnly(), { detailFill });
    await waitForCount(8);
    expect(await screen.findByTestId('type-notice')).toHaveTextContent(text);
  });

  it('says one order in the singular, and nothing once every order has its details', async () => {
    const shop = sampleShop();
    const { unmount } = renderList([...shop.orders, reportOnly(REPORT_A, '2026-11-06T10:00:00Z')]);
    await waitForCount(7);
    expect(await screen.findByTestId('type-notice')).toHaveTextContent('Details still loading for 1 order:');
    unmount();
    renderList(shop.orders, { detailFill: 'running' });
    await waitForCount(6);
    expect(screen.queryByTestId('type-notice')).toBeNull();
  });
});

describe('OrderList rows', () => {
  it('say units, the ship-by, FBA and the service level in plain words', async () => {
    const fba = makeOrder({
      orderId: '115-0000007-0000007',
      purchaseDate: '2026-11-07T10:00:00Z',
      serviceLevel: 'SECOND_DAY',
      items: [{ quantityOrdered: 1 }],
      extra: { fulfilledBy: 'AMAZON', shipBy: { latest: '2026-11-08T23:59:00Z' } },
    }).order;
    const shipped = makeOrder({
      orderId: '115-0000008-0000008',
      purchaseDate: '2026-11-06T10:00:00Z',
      status: 'SHIPPED',
      items: [{ quantityOrdered: 2 }, { quantityOrdered: 3 }],
      extra: { shipBy: { latest: '2026-11-07T23:59:00Z' } },
    }).order;
    renderList([fba, shipped, reportOnly(REPORT_A, '2026-11-05T10:00:00Z')]);
    await waitForCount(3);
    expect(row(fba.orderId)).toHaveTextContent('1 unit');
    expect(row(shipped.orderId)).toHaveTextContent('5 units');
    expect(row(REPORT_A)).toHaveTextContent('3 units');
    for (const id of [fba.orderId, shipped.orderId, REPORT_A])
      expect(row(id)).not.toHaveTextContent(/items?\b/);

    expect(within(row(fba.orderId)).getByTestId('ship-by')).toHaveTextContent(/^Ship by .*2026/);
    expect(within(row(shipped.orderId)).queryByTestId('ship-by')).toBeNull();
    expect(within(row(REPORT_A)).getByTestId('ship-by')).toHaveTextContent('Ship by not known yet');

    expect(within(row(fba.orderId)).getByTestId('fba-badge')).toHaveAttribute('title', 'Fulfilled by Amazon');
    expect(within(row(shipped.orderId)).queryByTestId('fba-badge')).toBeNull();

    expect(within(row(fba.orderId)).getByTestId('service-level')).toHaveTextContent('Second day shipping');
    expect(within(row(shipped.orderId)).getByTestId('service-level')).toHaveTextContent('Standard shipping');
    expect(row(fba.orderId)).not.toHaveTextContent('SECOND_DAY');
    expect(row(shipped.orderId)).not.toHaveTextContent('STANDARD');
  });
});

describe('OrderList sort', () => {
  const withShipBy = (orderId: string, purchaseDate: string, latest?: string) =>
    makeOrder({ orderId, purchaseDate, extra: latest ? { shipBy: { latest } } : {} }).order;
  const orders = [
    withShipBy('111-0000001-0000001', '2026-11-01T10:00:00Z', '2026-11-09T23:59:00Z'),
    withShipBy('111-0000002-0000002', '2026-11-02T10:00:00Z', '2026-11-04T23:59:00Z'),
    withShipBy('111-0000003-0000003', '2026-11-03T10:00:00Z'),
    withShipBy('111-0000004-0000004', '2026-11-04T10:00:00Z', '2026-11-06T23:59:00Z'),
  ];

  it('is newest purchase first by default, and sorts by ship-by or oldest purchase when chosen, kept with the query', async () => {
    const user = userEvent.setup();
    const { queryStore } = renderList(orders);
    await waitForCount(4);
    const sort = screen.getByRole('combobox', { name: 'Sort' });
    expect(sort).toHaveDisplayValue('Purchase date, newest first');
    expect(shownOrderIds()).toEqual([
      '111-0000004-0000004',
      '111-0000003-0000003',
      '111-0000002-0000002',
      '111-0000001-0000001',
    ]);
    await user.selectOptions(sort, 'Ship by, soonest first');
    await waitFor(() =>
      expect(shownOrderIds()).toEqual([
        '111-0000002-0000002',
        '111-0000004-0000004',
        '111-0000001-0000001',
        '111-0000003-0000003',
      ]),
    );
    expect(queryStore.current).toMatchObject({ sort: 'ship-by' });
    await user.selectOptions(sort, 'Purchase date, oldest first');
    await waitFor(() =>
      expect(shownOrderIds()).toEqual([
        '111-0000001-0000001',
        '111-0000002-0000002',
        '111-0000003-0000003',
        '111-0000004-0000004',
      ]),
    );
  });

  it('restores a saved sort', async () => {
    render(
      <OrderList
        source={new MemoryOrderSource(orders)}
        queryStore={memoryOrderQueryStore({ sort: 'ship-by' })}
        onOpenOrder={vi.fn()}
      />,
    );
    await waitFor(() => expect(shownOrderIds()[0]).toBe('111-0000002-0000002'));
    expect(screen.getByRole('combobox', { name: 'Sort' })).toHaveDisplayValue('Ship by, soonest first');
  });
});

describe('OrderList search by order id', () => {
  it.each(['11455667788990011', '114 5566778 8990011', '114-5566778-8990011'])(
    'finds the order for "%s"',
    async (text) => {
      const user = userEvent.setup();
      renderList(shopWithReportOnly());
      await waitForCount(8);
      await user.type(screen.getByRole('searchbox', { name: 'Search orders' }), text);
      await waitFor(() => expect(shownOrderIds()).toEqual([REPORT_A]));
    },
  );
});

describe('OrderList focus request', () => {
  const many = Array.from(
    { length: 400 },
    (_, i) =>
      makeOrder({
        orderId: `111-${String(i).padStart(7, '0')}-0000000`,
        purchaseDate: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      }).order,
  );

  function renderFocusable() {
    const source = new MemoryOrderSource(many);
    const queryStore = memoryOrderQueryStore();
    const ui = (focusOrderId: string | undefined, focusRequest: number) => (
      <OrderList
        source={source}
        queryStore={queryStore}
        onOpenOrder={vi.fn()}
        focusOrderId={focusOrderId}
        focusRequest={focusRequest}
      />
    );
    const view = render(ui(undefined, 0));
    return { rerender: (id: string | undefined, request: number) => view.rerender(ui(id, request)) };
  }

  it('focuses the row of a rendered order when the request changes, not before', async () => {
    const { rerender } = renderFocusable();
    await waitForCount(400);
    const id = '111-0000397-0000000';
    rerender(id, 0);
    expect(document.activeElement).toBe(document.body);
    rerender(id, 1);
    await waitFor(() => expect(document.activeElement).toBe(row(id)));
    expect(document.activeElement?.tagName).toBe('BUTTON');
  });

  it('puts focus on the search box, not on nothing, when the order is no longer in the list (filtered away)', async () => {
    const { rerender } = renderFocusable();
    await waitForCount(400);
    // The Back button that had focus is gone with the order's detail: focus sits on the page.
    rerender('999-0000000-0000000', 1);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search orders' })),
    );
  });

  it('brings a row scrolled out of the rendered window back and focuses it, again on each request', async () => {
    const { rerender } = renderFocusable();
    await waitForCount(400);
    const far = '111-0000010-0000000';
    expect(shownOrderIds()).not.toContain(far);
    rerender(far, 1);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-order-id', far));
    (document.activeElement as HTMLElement).blur();
    const other = '111-0000005-0000000';
    rerender(other, 2);
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-order-id', other));
  });
});
