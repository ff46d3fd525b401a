// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CancelDialog } from '../../components/cancel/cancel-dialog';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import { twoLineOrder } from './cancel-fixtures';
import { makeOrder } from './order-fixtures';

async function openDialog(
  built: ReturnType<typeof twoLineOrder> = twoLineOrder(),
  options: { allowZeroStock?: boolean } = {},
) {
  const user = userEvent.setup();
  const orders = new MemoryOrderSource([built.order], built.items);
  const actions = new MemoryActionSource([], { orders });
  render(
    <OrderDetail
      source={orders}
      orderId={built.order.orderId}
      actions={actions}
      allowZeroStockOnCancel={options.allowZeroStock ?? false}
    />,
  );
  const button = await screen.findByRole('button', { name: 'Cancel order…' });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  const dialog = screen.getByRole('dialog', { name: `Cancel order ${built.order.orderId}` });
  return { user, actions, dialog, button };
}

const reasonSelect = () => screen.getByRole('combobox', { name: 'Reason for cancellation' });
const submitButton = () => screen.getByRole('button', { name: 'Submit cancellation' });
const mugLine = () => screen.getByRole('checkbox', { name: /^MUG-RED — Red ceramic mug: cancel this line/ });
const teaLine = () => screen.getByRole('checkbox', { name: /^TEA-GRN — Green tea tin: cancel this line/ });

describe('CancelDialog', () => {
  it('is a labelled modal dialog that takes focus, and Escape closes it and returns focus', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const { user, dialog, button } = await openDialog();
    // A <dialog> shown modally: the browser keeps Tab inside and the page behind inert.
    expect(dialog.tagName).toBe('DIALOG');
    expect(showModal.mock.contexts).toEqual([dialog]);
    expect(dialog).toHaveAttribute('open');
    // Focus starts on what the seller decides first: the reason (whole order), or the first line.
    expect(reasonSelect()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
    showModal.mockRestore();
  });

  it('returns focus to the opener when closed with its Close button', async () => {
    const { user, button } = await openDialog();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
  });

  it('requires a reason: no default, Submit disabled, and "Choose a reason" when submitted without', async () => {
    const { user, actions } = await openDialog();
    expect(reasonSelect()).toHaveValue('');
    expect(reasonSelect()).toBeRequired();
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true');
    await user.click(submitButton());
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a reason');
    expect(reasonSelect()).toHaveAccessibleDescription('Choose a reason');
    expect(reasonSelect()).toHaveFocus();
    expect(actions.enqueued).toEqual([]);
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.selectOptions(reasonSelect(), 'PricingError');
    expect(submitButton()).toHaveAttribute('aria-disabled', 'false');
    expect(screen.queryByText('Choose a reason')).toBeNull();
  });

  it('offers every Amazon CancelReason with a plain label', async () => {
    await openDialog();
    const options = within(reasonSelect()).getAllByRole('option');
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual([
      '',
      'NoInventory',
      'BuyerCanceled',
      'ShippingAddressUndeliverable',
      'CustomerExchange',
      'PricingError',
      'GeneralAdjustment',
      'CarrierCreditDecision',
      'RiskAssessmentInformationNotValid',
      'CarrierCoverageFailure',
      'CustomerReturn',
      'MerchandiseNotReceived',
      'CannotVerifyInformation',
      'RejectOrder',
      'WeatherDelay',
    ]);
    expect(screen.getByRole('option', { name: 'No inventory' })).toBeInTheDocument();
  });

  it('cancels the whole order with every unshipped line, and keeps the memo', async () => {
    const { user, actions } = await openDialog();
    expect(screen.getByRole('radio', { name: 'Whole order' })).toBeChecked();
    await user.selectOptions(reasonSelect(), 'NoInventory');
    await user.type(
      screen.getByRole('textbox', { name: 'Seller memo (optional)' }),
      'Supplier out until March',
    );
    await user.click(submitButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(actions.enqueued).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        orderId: '111-2222222-3333333',
        status: 'pending',
        wholeOrder: true,
        reason: 'NoInventory',
        memo: 'Supplier out until March',
        lines: [
          { orderItemId: 'item-0', quantity: 3, quantityOrdered: 3, sku: 'MUG-RED' },
          { orderItemId: 'item-1', quantity: 1, quantityOrdered: 1, sku: 'TEA-GRN' },
        ],
      }),
    ]);
    expect(actions.enqueued[0]).not.toHaveProperty('zeroStockSkus');
  });

  it('offers each line as one checkbox for all its units, with no quantity input', async () => {
    const { user, actions } = await openDialog();
    await user.click(screen.getByRole('radio', { name: 'Chosen lines' }));
    await user.selectOptions(reasonSelect(), 'CustomerExchange');
    await user.click(submitButton());
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least one line to cancel');
    expect(actions.enqueued).toEqual([]);

    await user.click(mugLine());
    // The sandbox (and maybe Amazon) refuses part quantities: there is nothing to type a quantity into.
    expect(screen.queryByRole('spinbutton')).toBeNull();
    expect(screen.queryByText(/Quantity/)).toBeNull();
    expect(mugLine()).toHaveAccessibleName('MUG-RED — Red ceramic mug: cancel this line, all 3 units');
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).toMatchObject({
      orderId: '111-2222222-3333333',
      wholeOrder: false,
      reason: 'CustomerExchange',
      lines: [{ orderItemId: 'item-0', quantity: 3, quantityOrdered: 3, sku: 'MUG-RED' }],
    });
    expect(actions.enqueued[0]).not.toHaveProperty('memo');
  });

  it('puts focus on the first line when the dialog opens on chosen lines', async () => {
    const built = makeOrder({
      orderId: '111-2222222-4444444',
      purchaseDate: '2026-11-20T10:00:00Z',
      status: 'PARTIALLY_SHIPPED',
      items: [
        { sku: 'MUG-RED', title: 'Red ceramic mug', quantityOrdered: 1, quantityShipped: 1 },
        { sku: 'TEA-GRN', title: 'Green tea tin', quantityOrdered: 2 },
      ],
    });
    await openDialog(built);
    expect(screen.getByRole('checkbox', { name: /^TEA-GRN — Green tea tin/ })).toHaveFocus();
  });

  it('says what cancelling does, and that it counts toward the cancellation rate unless the buyer asked', async () => {
    const { user } = await openDialog();
    const effects = screen.getByRole('list', { name: 'What cancelling does' });
    expect(effects).toHaveTextContent('cannot be undone');
    expect(effects).toHaveTextContent('Amazon refunds the buyer');
    const rate = () => screen.getByTestId('cancellation-rate');
    expect(rate()).toHaveTextContent(/^It counts toward your cancellation rate/);
    await user.selectOptions(reasonSelect(), 'BuyerCanceled');
    expect(rate()).toHaveTextContent(
      'The buyer asked to cancel, so it does not count toward your cancellation rate.',
    );
    await user.selectOptions(reasonSelect(), 'NoInventory');
    expect(rate()).toHaveTextContent(/^It counts toward/);
  });

  it('queues chosen lines that take every unit of the order as a whole-order cancel, as the outbox does', async () => {
    const { user, actions } = await openDialog();
    await user.click(screen.getByRole('radio', { name: 'Chosen lines' }));
    await user.click(mugLine());
    await user.click(teaLine());
    await user.selectOptions(reasonSelect(), 'NoInventory');
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).toMatchObject({ wholeOrder: true });
  });

  it('offers only the unshipped lines of a partially shipped order, never the whole order', async () => {
    const built = makeOrder({
      orderId: '111-2222222-4444444',
      purchaseDate: '2026-11-20T10:00:00Z',
      status: 'PARTIALLY_SHIPPED',
      items: [
        { sku: 'MUG-RED', title: 'Red ceramic mug', quantityOrdered: 1, quantityShipped: 1 },
        { sku: 'TEA-GRN', title: 'Green tea tin', quantityOrdered: 1 },
      ],
    });
    const { user, actions } = await openDialog(built);
    const whole = screen.getByRole('radio', { name: 'Whole order' });
    expect(whole).toBeDisabled();
    expect(whole).toHaveAccessibleDescription(/Part of this order has shipped/);
    expect(screen.getByRole('radio', { name: 'Chosen lines' })).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: /^MUG-RED/ })).toBeNull();
    // The only cancellable line starts chosen.
    expect(teaLine()).toBeChecked();
    await user.selectOptions(reasonSelect(), 'NoInventory');
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).toMatchObject({
      wholeOrder: false,
      lines: [{ orderItemId: 'item-1', quantity: 1, quantityOrdered: 1, sku: 'TEA-GRN' }],
    });
  });

  it('offers one "Set stock to 0" box per merchant SKU, off by default, only with the setting on and reason No inventory', async () => {
    const { user, actions } = await openDialog(twoLineOrder(), { allowZeroStock: true });
    const boxes = () => screen.queryAllByRole('checkbox', { name: /^Set stock of SKU/ });
    expect(boxes()).toEqual([]);
    await user.selectOptions(reasonSelect(), 'PricingError');
    expect(boxes()).toEqual([]);
    await user.selectOptions(reasonSelect(), 'NoInventory');
    // Never one box for all: each names its SKU and title, and none starts checked.
    expect(boxes().map((box) => (box as HTMLInputElement).checked)).toEqual([false, false]);
    expect(
      screen.getByRole('checkbox', { name: 'Set stock of SKU MUG-RED (“Red ceramic mug”) to 0' }),
    ).not.toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Set stock of SKU TEA-GRN (“Green tea tin”) to 0' }),
    ).not.toBeChecked();

    // The request carries exactly the boxes checked.
    await user.click(
      screen.getByRole('checkbox', { name: 'Set stock of SKU TEA-GRN (“Green tea tin”) to 0' }),
    );
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).toMatchObject({
      reason: 'NoInventory',
      wholeOrder: true,
      zeroStockSkus: ['TEA-GRN'],
    });
  });

  it('offers stock boxes only for the lines being cancelled', async () => {
    const { user, actions } = await openDialog(twoLineOrder(), { allowZeroStock: true });
    await user.selectOptions(reasonSelect(), 'NoInventory');
    await user.click(screen.getByRole('radio', { name: 'Chosen lines' }));
    await user.click(teaLine());
    expect(
      screen
        .getAllByRole('checkbox', { name: /^Set stock of SKU/ })
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Set stock of SKU TEA-GRN (“Green tea tin”) to 0']);
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).not.toHaveProperty('zeroStockSkus');
  });

  it('never offers zero stock with the setting off', async () => {
    const { user, actions } = await openDialog(twoLineOrder(), { allowZeroStock: false });
    await user.selectOptions(reasonSelect(), 'NoInventory');
    expect(screen.queryAllByRole('checkbox', { name: /Set stock/ })).toEqual([]);
    await user.click(submitButton());
    await waitFor(() => expect(actions.enqueued).toHaveLength(1));
    expect(actions.enqueued[0]).not.toHaveProperty('zeroStockSkus');
  });

  it('never offers zero stock for Amazon-fulfilled lines', async () => {
    const user = userEvent.setup();
    const { order, items } = twoLineOrder({ extra: { fulfilledBy: 'AMAZON' } });
    render(
      <CancelDialog
        order={order}
        items={items}
        cancellableLines={[{ orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' }]}
        allowZeroStock
        onSubmit={async () => undefined}
        onClose={() => undefined}
      />,
    );
    await user.selectOptions(reasonSelect(), 'NoInventory');
    expect(screen.queryAllByRole('checkbox', { name: /Set stock/ })).toEqual([]);
  });

  it('suggests "Buyer cancelled" for an order the buyer asked to cancel', async () => {
    const built = twoLineOrder({
      extra: { buyerCancelRequest: { reason: 'Found it cheaper', firstSeenAt: '2026-11-20T12:00:00Z' } },
    });
    await openDialog(built);
    expect(reasonSelect()).toHaveValue('BuyerCanceled');
    expect(screen.getByTestId('buyer-request-note')).toHaveTextContent(
      'does not count against your cancellation rate',
    );
    expect(submitButton()).toHaveAttribute('aria-disabled', 'false');
  });

  it('stays open and shows why when the outbox refuses the cancellation', async () => {
    const built = twoLineOrder();
    const user = userEvent.setup();
    const actions = new MemoryActionSource();
    actions.rejectNext = 'A cancellation is already pending';
    render(
      <OrderDetail
        source={new MemoryOrderSource([built.order], built.items)}
        orderId={built.order.orderId}
        actions={actions}
      />,
    );
    const button = await screen.findByRole('button', { name: 'Cancel order…' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await user.selectOptions(reasonSelect(), 'NoInventory');
    await user.click(submitButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not queue the cancellation: A cancellation is already pending',
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
