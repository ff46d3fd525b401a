// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CancelAttentionNotice } from '../../components/app/cancel-attention-notice';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import { FEED_CANCELLED_TEXT } from '../../lib/outbox/feed-outcome';
import { SHIPPED_INSTEAD_TEXT } from '../../lib/outbox/confirm-cancel';
import { cancelAction } from './cancel-fixtures';
import { makeOrder } from './order-fixtures';

const ITEM_ID = '61568591528109';

/** The first week's order: 3 mugs on Amazon's real item id, and a tea tin. */
function firstWeekOrder() {
  return makeOrder({
    orderId: '111-2222222-3333333',
    purchaseDate: '2026-11-20T10:00:00Z',
    items: [
      { orderItemId: ITEM_ID, sku: 'MUG-RED', title: 'Red ceramic mug', quantityOrdered: 3 },
      { orderItemId: '61568591528110', sku: 'TEA-GRN', title: 'Green tea tin', quantityOrdered: 1 },
    ],
  });
}

/** A part-quantity cancel the sandbox refused (as stored before this version: no `failure` field). */
function refusedPartCancel(order = firstWeekOrder().order) {
  return cancelAction(order, {
    id: 'old-cancel',
    lines: [{ orderItemId: ITEM_ID, quantity: 2, quantityOrdered: 3, sku: 'MUG-RED' }],
    reason: 'NoInventory',
    memo: 'Supplier out until March',
    zeroStockSkus: ['MUG-RED'],
    status: 'failed',
    resultText: `Quantity 2 for item ${ITEM_ID} of order ${order.orderId} does not match the quantity ordered (3); the sandbox cancels whole lines only. (Amazon code 18107)`,
  });
}

function renderDetail(actions: MemoryActionSource, orders: MemoryOrderSource, allowZeroStock = true) {
  render(
    <OrderDetail
      source={orders}
      orderId="111-2222222-3333333"
      actions={actions}
      allowZeroStockOnCancel={allowZeroStock}
    />,
  );
  return userEvent.setup();
}

describe('a failed cancellation a retry cannot fix', () => {
  it('names the SKU and title instead of the item id, and keeps Amazon’s raw text and code in Technical details', async () => {
    const built = firstWeekOrder();
    const orders = new MemoryOrderSource([built.order], built.items);
    renderDetail(new MemoryActionSource([refusedPartCancel()], { orders }), orders);
    const state = await screen.findByTestId('cancel-state');
    expect(state).toHaveTextContent(
      'Cancel failed: Quantity 2 for SKU MUG-RED (“Red ceramic mug”) of order 111-2222222-3333333 does not match',
    );
    expect(state.textContent).not.toContain(ITEM_ID);
    expect(state.textContent).not.toContain('18107');
    const entry = screen.getByTestId('cancel-action');
    const details = within(entry).getByText('Technical details').closest('details')!;
    // Outside the collapsed details, no item id and no code.
    const mainText = entry.textContent!.replace(details.textContent!, '');
    expect(mainText).not.toContain(ITEM_ID);
    expect(mainText).not.toContain('Amazon code');
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByTestId('amazon-raw-text')).toHaveTextContent(ITEM_ID);
    expect(within(details).getByTestId('amazon-raw-text')).toHaveTextContent('(Amazon code 18107)');
  });

  it('offers "Edit cancellation", not Retry; the dialog opens filled from it and its submit replaces it', async () => {
    const built = firstWeekOrder();
    const orders = new MemoryOrderSource([built.order], built.items);
    const actions = new MemoryActionSource([refusedPartCancel()], { orders });
    const user = renderDetail(actions, orders);
    const edit = await screen.findByRole('button', { name: 'Edit cancellation' }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByTestId('refused-explain')).toHaveTextContent(
      'Sending it again would get the same answer',
    );

    await user.click(edit);
    const dialog = screen.getByRole('dialog', { name: 'Edit cancellation of order 111-2222222-3333333' });
    // Prefilled: the line (now whole), the reason, the memo and the stock SKU.
    expect(within(dialog).getByRole('radio', { name: 'Chosen lines' })).toBeChecked();
    const mug = within(dialog).getByRole('checkbox', {
      name: /^MUG-RED — Red ceramic mug: cancel this line, all 3 units/,
    });
    expect(mug).toBeChecked();
    expect(mug).toHaveFocus();
    expect(within(dialog).getByRole('checkbox', { name: /^TEA-GRN/ })).not.toBeChecked();
    expect(within(dialog).getByRole('combobox', { name: 'Reason for cancellation' })).toHaveValue(
      'NoInventory',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Seller memo (optional)' })).toHaveValue(
      'Supplier out until March',
    );
    expect(
      within(dialog).getByRole('checkbox', { name: 'Set stock of SKU MUG-RED (“Red ceramic mug”) to 0' }),
    ).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Submit cancellation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(actions.enqueued).toEqual([]);
    expect(actions.replaced).toHaveLength(1);
    const [{ failedActionId, replacement }] = actions.replaced as [(typeof actions.replaced)[number]];
    expect(failedActionId).toBe('old-cancel');
    expect(replacement).toMatchObject({
      status: 'pending',
      replaces: 'old-cancel',
      lines: [{ orderItemId: ITEM_ID, quantity: 3, quantityOrdered: 3, sku: 'MUG-RED' }],
      reason: 'NoInventory',
      memo: 'Supplier out until March',
      zeroStockSkus: ['MUG-RED'],
    });
    const all = await actions.all();
    // The old one keeps its history, marked replaced; it no longer needs the seller's attention.
    expect(all.find((a) => a.id === 'old-cancel')).toMatchObject({
      status: 'failed',
      replacedBy: replacement.id,
    });
    await waitFor(() =>
      expect(screen.getAllByTestId('cancel-state').map((s) => s.textContent)).toEqual([
        'Cancel pending',
        'Cancel failed, and replaced by an edited cancellation',
      ]),
    );
    expect(screen.queryByRole('button', { name: 'Edit cancellation' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('leaves the attention list once replaced', () => {
    const { order } = firstWeekOrder();
    const failed = refusedPartCancel(order);
    const onOpenOrder = () => undefined;
    const { rerender } = render(<CancelAttentionNotice actions={[failed]} onOpenOrder={onOpenOrder} />);
    expect(screen.getByTestId('cancel-attention')).toHaveTextContent('1 cancellation needs your attention');
    const replacement = cancelAction(order, { id: 'new', status: 'pending', replaces: failed.id });
    rerender(
      <CancelAttentionNotice
        actions={[{ ...failed, replacedBy: 'new' }, replacement]}
        onOpenOrder={onOpenOrder}
      />,
    );
    expect(screen.queryByTestId('cancel-attention')).toBeNull();
  });
});

describe('a failed cancellation a retry can fix', () => {
  it('keeps Retry for a feed Amazon cancelled before processing it', async () => {
    const built = firstWeekOrder();
    const orders = new MemoryOrderSource([built.order], built.items);
    const failed = cancelAction(built.order, {
      lines: [{ orderItemId: ITEM_ID, quantity: 3, sku: 'MUG-RED' }],
      status: 'failed',
      failure: 'not-applied',
      resultText: FEED_CANCELLED_TEXT,
    });
    const actions = new MemoryActionSource([failed], { orders });
    const user = renderDetail(actions, orders);
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(screen.queryByRole('button', { name: 'Edit cancellation' })).toBeNull();
    expect(actions.retried).toEqual(['action-1']);
  });
});

describe('a cancellation that failed because the order shipped', () => {
  it.each([
    ['recorded as shipped', { failure: 'shipped' as const }],
    ['stored before the failure kind was kept', {}],
  ])('offers neither Retry nor Edit (%s): there is nothing left to cancel', async (_, extra) => {
    const built = firstWeekOrder();
    const orders = new MemoryOrderSource([built.order], built.items);
    const failed = cancelAction(built.order, {
      lines: [{ orderItemId: ITEM_ID, quantity: 3, sku: 'MUG-RED' }],
      status: 'failed',
      ...extra,
      resultText: SHIPPED_INSTEAD_TEXT,
    });
    renderDetail(new MemoryActionSource([failed], { orders }), orders);
    expect(await screen.findByTestId('cancel-state')).toHaveTextContent('Amazon shows this order shipped');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit cancellation' })).toBeNull();
  });
});
