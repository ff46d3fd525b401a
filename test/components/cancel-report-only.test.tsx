// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import type { StoredOrderItem } from '../../lib/domain/order';
import { twoLineOrder } from './cancel-fixtures';

/** The same order as the order report holds it (placeholder item ids) and as getOrder returns it. */
function reportOnlyOrder() {
  const full = twoLineOrder();
  const reportItems: StoredOrderItem[] = full.items.map((item, index) => ({
    ...item,
    orderItemId: `report:${item.sku}:${index + 1}`,
  }));
  const realItems = full.items.map((item, index) => ({
    ...item,
    orderItemId: `6${index}1234567890${index}`,
  }));
  return {
    reportOrder: { ...full.order, detailLevel: 'report' as const },
    reportItems,
    fullOrder: full.order,
    realItems,
  };
}

async function openCancel(
  read: (orders: MemoryOrderSource, built: ReturnType<typeof reportOnlyOrder>) => Promise<void>,
) {
  const built = reportOnlyOrder();
  const orders = new MemoryOrderSource([built.reportOrder], built.reportItems);
  const actions = new MemoryActionSource([], { orders });
  actions.readOrder = () => read(orders, built);
  const user = userEvent.setup();
  render(<OrderDetail source={orders} orderId={built.reportOrder.orderId} actions={actions} />);
  const button = await screen.findByRole('button', { name: 'Cancel order…' });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  return { user, actions, orders, built };
}

describe('Cancel of an order known only from the order report', () => {
  it('reads the order from Amazon first, then offers its real lines and queues those ids', async () => {
    let finishRead!: () => void;
    const { user, actions, built } = await openCancel(
      (orders, b) =>
        new Promise<void>((resolve) => {
          finishRead = () => {
            // The background stored getOrder's answer; the store tells the views.
            orders.replace([b.fullOrder], b.realItems);
            resolve();
          };
        }),
    );
    const dialog = screen.getByRole('dialog', { name: `Cancel order ${built.reportOrder.orderId}` });
    expect(within(dialog).getByRole('status')).toHaveTextContent('Reading this order’s items from Amazon…');
    expect(within(dialog).queryByRole('combobox', { name: 'Reason for cancellation' })).toBeNull();
    expect(actions.ordersRead).toEqual([built.reportOrder.orderId]);

    finishRead();
    const reason = await screen.findByRole('combobox', { name: 'Reason for cancellation' });
    await user.selectOptions(reason, 'NoInventory');
    await user.click(screen.getByRole('button', { name: 'Submit cancellation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(actions.enqueued).toHaveLength(1);
    expect(actions.enqueued[0]!.lines.map((line) => line.orderItemId)).toEqual(
      built.realItems.map((item) => item.orderItemId),
    );
  });

  it('refuses in plain words when Amazon cannot be read, and Try again reads again', async () => {
    let fail = true;
    const { user, actions, built } = await openCancel(async (orders, b) => {
      if (fail) throw new Error("Amazon's service had a temporary problem (status 503)");
      orders.replace([b.fullOrder], b.realItems);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The order manager could not read this order’s items from Amazon: Amazon's service had a temporary problem (status 503). Try again in a minute.",
    );
    expect(screen.queryByRole('combobox', { name: 'Reason for cancellation' })).toBeNull();
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('combobox', { name: 'Reason for cancellation' })).toBeInTheDocument();
    expect(actions.ordersRead).toEqual([built.reportOrder.orderId, built.reportOrder.orderId]);
    expect(actions.enqueued).toEqual([]);
  });

  it('does not read an order that already has its Orders API details', async () => {
    const full = twoLineOrder();
    const actions = new MemoryActionSource();
    render(
      <OrderDetail
        source={new MemoryOrderSource([full.order], full.items)}
        orderId={full.order.orderId}
        actions={actions}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Cancel order…' });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.setup().click(button);
    expect(screen.getByRole('combobox', { name: 'Reason for cancellation' })).toBeInTheDocument();
    expect(actions.ordersRead).toEqual([]);
  });
});
