// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderManagerApp } from '../../components/app/order-manager-app';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { parseManagerHash } from '../../components/app/navigation';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { cancelAction } from './cancel-fixtures';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings-schema';
import { fakeLayout, makeOrder, sampleShop } from './order-fixtures';
import { MemorySettingsSource, MemorySyncSource, memoryServices } from './memory-services';

const CONNECTED = {
  ...DEFAULT_SETTINGS,
  credentials: {
    clientId: 'amzn1.application-oa2-client.x',
    clientSecret: 'secret',
    refreshToken: 'Atzr|token',
    region: 'na' as const,
    marketplaceIds: ['ATVPDKIKX0DER'],
  },
};

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = fakeLayout();
});
afterAll(() => restoreLayout());

const DEMO_TEXT =
  'Demo data — these are made-up orders for trying things out, not your Amazon account. Connect your Amazon account in Settings to see your own orders.';

describe('OrderManagerApp', () => {
  it('shows the demo banner in demo mode, with a link to the settings', async () => {
    const user = userEvent.setup();
    const services = memoryServices({
      sync: new MemorySyncSource({ running: false, demo: true }),
      settings: new MemorySettingsSource(DEFAULT_SETTINGS),
    });
    render(<OrderManagerApp services={services} layout="popup" />);
    const banner = await screen.findByRole('region', { name: 'Demo mode' });
    expect(banner).toHaveTextContent(DEMO_TEXT);
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    expect(services.navigation.openOptions).toHaveBeenCalledOnce();
  });

  it('hides the demo banner with the seller’s own credentials', async () => {
    const services = memoryServices({
      sync: new MemorySyncSource({ running: false, demo: false, lastSyncAt: '2026-11-26T11:00:00Z' }),
      settings: new MemorySettingsSource(CONNECTED),
    });
    render(<OrderManagerApp services={services} layout="popup" />);
    await screen.findByText(/Last successful sync:/);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled());
    expect(screen.queryByRole('region', { name: 'Demo mode' })).toBeNull();
    expect(screen.queryByText(/Demo data/)).toBeNull();
  });

  it('shows the banner as soon as the background reports demo data', async () => {
    const sync = new MemorySyncSource({ running: false, demo: false });
    render(
      <OrderManagerApp
        services={memoryServices({ sync, settings: new MemorySettingsSource(CONNECTED) })}
        layout="popup"
      />,
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled());
    expect(screen.queryByRole('region', { name: 'Demo mode' })).toBeNull();
    act(() => sync.push({ running: false, demo: true }));
    expect(await screen.findByRole('region', { name: 'Demo mode' })).toBeInTheDocument();
  });

  it('opens an order in the popup and returns to the filtered list', async () => {
    const user = userEvent.setup();
    const shop = sampleShop();
    const services = memoryServices({
      orders: new MemoryOrderSource(shop.orders, shop.items),
      settings: new MemorySettingsSource(CONNECTED),
    });
    render(<OrderManagerApp services={services} layout="popup" />);
    await user.type(await screen.findByRole('searchbox', { name: 'Search orders' }), 'tea');
    await user.click(await screen.findByRole('button', { name: /202-0000002-0000002/ }));
    expect(await screen.findByRole('heading', { name: 'Order 202-0000002-0000002' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox', { name: 'Search orders' })).toBeNull();
    await user.click(screen.getByRole('button', { name: /Back to list/ }));
    expect(screen.getByRole('searchbox', { name: 'Search orders' })).toHaveValue('tea');
    expect(screen.queryByRole('heading', { name: /^Order 202/ })).toBeNull();
  });

  it('shows list and detail side by side in the manager tab', async () => {
    const user = userEvent.setup();
    const shop = sampleShop();
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) });
    render(<OrderManagerApp services={services} layout="tab" />);
    await user.click(await screen.findByRole('button', { name: /112-0000004-0000004/ }));
    expect(await screen.findByRole('heading', { name: 'Order 112-0000004-0000004' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search orders' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Back to list/ })).toBeNull();
  });

  it('opens the full-tab manager from the popup', async () => {
    const user = userEvent.setup();
    const services = memoryServices();
    render(<OrderManagerApp services={services} layout="popup" />);
    await user.click(screen.getByRole('button', { name: 'Open order manager' }));
    expect(services.navigation.openManager).toHaveBeenCalledWith();
  });

  it('notes unreadable records in the popup and lists them in the manager', async () => {
    const user = userEvent.setup();
    const record = {
      id: 7,
      at: '2026-11-26T10:00:00Z',
      source: 'report' as const,
      reference: '50017020000',
      orderId: '111-0000001-0000001',
      reason: 'purchase-date is not a date',
      raw: '{"purchase-date":"yesterday"}',
    };
    const orders = new MemoryOrderSource([], [], [record]);
    const popup = memoryServices({ orders });
    const view = render(<OrderManagerApp services={popup} layout="popup" />);
    const notice = await screen.findByTestId('quarantine-notice');
    expect(notice).toHaveTextContent('1 record could not be read.');
    await user.click(screen.getByRole('link', { name: 'Show details' }));
    expect(popup.navigation.openManager).toHaveBeenCalledWith({ view: 'quarantine' });
    view.unmount();

    render(
      <OrderManagerApp
        services={memoryServices({ orders })}
        layout="tab"
        initialTarget={{ view: 'quarantine' }}
      />,
    );
    const list = await screen.findByRole('region', { name: 'Records that could not be read' });
    await waitFor(() => expect(list).toHaveTextContent('purchase-date is not a date'));
    expect(list).toHaveTextContent('Order report');
    expect(list).toHaveTextContent('50017020000');
  });

  it('opens on the order with its cancel dialog when the hash says #order=…&action=cancel', async () => {
    const shop = sampleShop();
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) });
    render(
      <OrderManagerApp
        services={services}
        layout="tab"
        initialTarget={parseManagerHash('#order=111-0000001-0000001&action=cancel')}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Cancel order 111-0000001-0000001' });
    // Focus moves in once the dialog has rendered its fields (an effect), later under a loaded run.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    // Once: closing it and the plain hash do not reopen it.
    await userEvent.setup().keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the order without a dialog for a plain #order= hash', async () => {
    const shop = sampleShop();
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) });
    render(
      <OrderManagerApp
        services={services}
        layout="tab"
        initialTarget={parseManagerHash('#order=111-0000001-0000001')}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Cancel order…' });
    await waitFor(() => expect(button).toBeEnabled());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('marks list rows with the order’s cancel state, and updates them when the outbox changes', async () => {
    const shop = sampleShop();
    const mug = shop.orders.find((o) => o.orderId === '111-0000001-0000001')!;
    const actions = new MemoryActionSource([
      cancelAction(mug, { lines: [{ orderItemId: 'item-0', quantity: 2 }] }),
    ]);
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items), actions });
    render(<OrderManagerApp services={services} layout="tab" />);
    const row = await screen.findByRole('button', { name: /111-0000001-0000001/ });
    await waitFor(() => expect(row).toHaveTextContent('Cancel pending'));
    act(() => actions.update('action-1', { status: 'done' }));
    await waitFor(() => expect(row).toHaveTextContent('Cancelled'));
    expect(row).not.toHaveTextContent('Cancel pending');
  });

  it('passes the zero-stock setting to the cancel dialog', async () => {
    const user = userEvent.setup();
    const shop = sampleShop();
    const services = memoryServices({
      orders: new MemoryOrderSource(shop.orders, shop.items),
      settings: new MemorySettingsSource({ ...DEFAULT_SETTINGS, allowZeroStockOnCancel: true }),
    });
    render(
      <OrderManagerApp
        services={services}
        layout="tab"
        initialTarget={{ view: 'order', orderId: '111-0000001-0000001', action: 'cancel' }}
      />,
    );
    await screen.findByRole('dialog');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Reason for cancellation' }),
      'NoInventory',
    );
    // One box per merchant SKU (issue 9), named by its SKU.
    expect(await screen.findByRole('checkbox', { name: /^Set stock of SKU MUG-RED/ })).not.toBeChecked();
  });

  it('sums up the cancellations that need the seller, and one click opens one of them', async () => {
    const user = userEvent.setup();
    const shop = sampleShop();
    const order = (id: string) => shop.orders.find((o) => o.orderId === id)!;
    const actions = new MemoryActionSource([
      cancelAction(order('111-0000001-0000001'), {
        id: 'a-blocked',
        problem: {
          message: 'Amazon refused the cancellation: the app has no Feeds role.',
          at: '2026-11-21T09:05:00Z',
          attempts: 3,
          permanent: true,
        },
      }),
      cancelAction(order('302-0000003-0000003'), { id: 'a-review', status: 'needs-review' }),
      cancelAction(order('113-0000005-0000005'), {
        id: 'a-failed',
        status: 'failed',
        resultText: 'Cancel failed',
      }),
      // Still on its way: nothing for the seller to do.
      cancelAction(order('112-0000004-0000004'), {
        id: 'a-pending',
        problem: { message: 'Amazon is busy.', at: '2026-11-21T09:05:00Z', attempts: 1, permanent: false },
      }),
    ]);
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items), actions });
    render(<OrderManagerApp services={services} layout="popup" />);
    const notice = await screen.findByTestId('cancel-attention');
    expect(notice).toHaveTextContent('3 cancellations need your attention.');
    await user.click(screen.getByRole('button', { name: 'Show them' }));
    const list = screen.getByRole('list', { name: 'Cancellations needing attention' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(list).toHaveTextContent('Cancel not sent — action needed: Amazon refused the cancellation');
    await user.click(within(list).getByRole('button', { name: '302-0000003-0000003' }));
    expect(await screen.findByRole('heading', { name: 'Order 302-0000003-0000003' })).toBeInTheDocument();

    // Resolving them makes the line go away.
    act(() => {
      actions.update('a-blocked', { problem: undefined });
      actions.update('a-review', { status: 'done' });
      actions.update('a-failed', { status: 'pending' });
    });
    await waitFor(() => expect(screen.queryByTestId('cancel-attention')).toBeNull());
  });

  it('opens the one order whose cancellation needs the seller in one click', async () => {
    const user = userEvent.setup();
    const shop = sampleShop();
    const mug = shop.orders.find((o) => o.orderId === '111-0000001-0000001')!;
    const actions = new MemoryActionSource([cancelAction(mug, { status: 'needs-review' })]);
    const services = memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items), actions });
    render(<OrderManagerApp services={services} layout="tab" />);
    expect(await screen.findByTestId('cancel-attention')).toHaveTextContent(
      '1 cancellation needs your attention.',
    );
    await user.click(screen.getByRole('button', { name: 'Show order 111-0000001-0000001' }));
    expect(await screen.findByRole('heading', { name: 'Order 111-0000001-0000001' })).toBeInTheDocument();
  });

  it('tells from the sync status whether unknown order types are still loading or not coming', async () => {
    const known = makeOrder({ orderId: '111-0000000-0000001', purchaseDate: '2026-11-20T10:00:00Z' });
    const reportOnly = makeOrder({
      orderId: '111-0000000-0000002',
      purchaseDate: '2026-11-21T10:00:00Z',
      extra: { isPrime: undefined, subTypes: [], detailLevel: 'report' },
    });
    const sync = new MemorySyncSource({ running: false, demo: false, detailFill: 'running' });
    render(
      <OrderManagerApp
        services={memoryServices({
          orders: new MemoryOrderSource(
            [known.order, reportOnly.order],
            [...known.items, ...reportOnly.items],
          ),
          sync,
          settings: new MemorySettingsSource(CONNECTED),
        })}
        layout="tab"
      />,
    );
    expect(await screen.findByText(/Details still loading for 1 order\b/)).toBeInTheDocument();
    act(() => sync.push({ running: false, demo: false, detailFill: 'done' }));
    expect(await screen.findByText(/Amazon has not given the type of 1 order\b/)).toBeInTheDocument();
    expect(screen.queryByText(/Details still loading/)).toBeNull();
  });

  it('does not promise loading details while order download is off in Settings', async () => {
    const reportOnly = makeOrder({
      orderId: '111-0000000-0000002',
      purchaseDate: '2026-11-21T10:00:00Z',
      extra: { isPrime: undefined, subTypes: [], detailLevel: 'report' },
    });
    render(
      <OrderManagerApp
        services={memoryServices({
          orders: new MemoryOrderSource([reportOnly.order], reportOnly.items),
          sync: new MemorySyncSource({ running: false, demo: false, detailFill: 'running' }),
          settings: new MemorySettingsSource({ ...CONNECTED, allowOrderDownload: false }),
        })}
        layout="tab"
      />,
    );
    expect(await screen.findByText(/order download is off in Settings/)).toBeInTheDocument();
    expect(screen.queryByText(/Details still loading/)).toBeNull();
  });

  describe('keyboard', () => {
    const rowButton = (orderId: string) =>
      screen.findByRole('button', { name: new RegExp(orderId) }) as Promise<HTMLElement>;

    it('opens an order with the keyboard, focus on its heading; Back to list returns focus to its row (popup)', async () => {
      const user = userEvent.setup();
      const shop = sampleShop();
      render(
        <OrderManagerApp
          services={memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) })}
          layout="popup"
        />,
      );
      (await rowButton('202-0000002-0000002')).focus();
      await user.keyboard('{Enter}');
      const heading = await screen.findByRole('heading', { name: 'Order 202-0000002-0000002' });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      await user.click(screen.getByRole('button', { name: /Back to list/ }));
      await waitFor(() =>
        expect(document.activeElement).toBe(screen.getByRole('button', { name: /202-0000002-0000002/ })),
      );
    });

    it('Escape returns focus from the open order to its row (popup and tab)', async () => {
      const user = userEvent.setup();
      const shop = sampleShop();
      for (const layout of ['popup', 'tab'] as const) {
        const view = render(
          <OrderManagerApp
            services={memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) })}
            layout={layout}
          />,
        );
        await user.click(await rowButton('302-0000003-0000003'));
        const heading = await screen.findByRole('heading', { name: 'Order 302-0000003-0000003' });
        await waitFor(() => expect(document.activeElement).toBe(heading));
        await user.keyboard('{Escape}');
        await waitFor(() =>
          expect(document.activeElement).toBe(screen.getByRole('button', { name: /302-0000003-0000003/ })),
        );
        view.unmount();
      }
    });

    it('leaves Escape to an open dialog and to a key the page already handled', async () => {
      const user = userEvent.setup();
      const shop = sampleShop();
      render(
        <OrderManagerApp
          services={memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) })}
          layout="popup"
        />,
      );
      await user.click(await rowButton('302-0000003-0000003'));
      const heading = await screen.findByRole('heading', { name: 'Order 302-0000003-0000003' });
      const dialog = document.createElement('dialog');
      dialog.setAttribute('open', '');
      document.body.append(dialog);
      await user.keyboard('{Escape}');
      expect(screen.getByRole('heading', { name: 'Order 302-0000003-0000003' })).toBe(heading);
      dialog.remove();
      const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
      handled.preventDefault();
      act(() => {
        heading.dispatchEvent(handled);
      });
      expect(screen.getByRole('heading', { name: 'Order 302-0000003-0000003' })).toBe(heading);
    });

    it('starts the tab with skip links to the order details and the order list', async () => {
      const user = userEvent.setup();
      const shop = sampleShop();
      render(
        <OrderManagerApp
          services={memoryServices({ orders: new MemoryOrderSource(shop.orders, shop.items) })}
          layout="tab"
        />,
      );
      await user.click(await rowButton('112-0000004-0000004'));
      const heading = await screen.findByRole('heading', { name: 'Order 112-0000004-0000004' });
      (document.activeElement as HTMLElement).blur();
      await user.tab();
      const skipDetails = screen.getByRole('link', { name: 'Skip to order details' });
      expect(document.activeElement).toBe(skipDetails);
      await user.keyboard('{Enter}');
      expect(document.activeElement).toBe(heading);
      await user.click(screen.getByRole('link', { name: 'Skip to order list' }));
      expect(document.activeElement).toBe(document.getElementById('order-app-list'));
      await user.tab();
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search orders' }));
      // Landmarks in order: header, then main with the list and the detail as labelled regions.
      const main = screen.getByRole('main');
      expect(
        document.querySelector('header.order-app__header')!.compareDocumentPosition(main) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      expect(within(main).getByRole('region', { name: 'Order list' })).toBeInTheDocument();
      expect(within(main).getByRole('region', { name: 'Order 112-0000004-0000004' })).toBeInTheDocument();
    });

    it('shows "Unreadable records" only when there are some', async () => {
      const empty = render(<OrderManagerApp services={memoryServices()} layout="tab" />);
      await screen.findByRole('heading', { name: 'Order Manager' });
      await waitFor(() => expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument());
      expect(screen.queryByRole('button', { name: /Unreadable records/ })).toBeNull();
      empty.unmount();
      const record = {
        id: 1,
        at: '2026-11-26T10:00:00Z',
        source: 'report' as const,
        reference: 'R',
        reason: 'bad row',
        raw: '',
      };
      render(
        <OrderManagerApp
          services={memoryServices({ orders: new MemoryOrderSource([], [], [record]) })}
          layout="tab"
        />,
      );
      expect(await screen.findByRole('button', { name: 'Unreadable records (1)' })).toBeInTheDocument();
    });
  });
});
