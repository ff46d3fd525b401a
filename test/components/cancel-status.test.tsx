// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import { CANCEL_BLOCKED_REASONS } from '../../lib/domain/cancel-eligibility';
import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { cancelAction, twoLineOrder } from './cancel-fixtures';

function renderDetail(built: { order: StoredOrder; items: StoredOrderItem[] }, given?: MemoryActionSource) {
  const orders = new MemoryOrderSource([built.order], built.items);
  const actions = given ?? new MemoryActionSource([], { orders });
  render(<OrderDetail source={orders} orderId={built.order.orderId} actions={actions} />);
  return { actions, user: userEvent.setup() };
}

const cancelButton = () => screen.findByRole('button', { name: 'Cancel order…' });

describe('Cancel order button', () => {
  it('is disabled for a shipped order and says why', async () => {
    renderDetail(twoLineOrder({ status: 'SHIPPED' }));
    const button = await cancelButton();
    await waitFor(() => expect(button).toHaveAccessibleDescription(CANCEL_BLOCKED_REASONS.shipped));
    expect(button).toBeDisabled();
    expect(screen.getByTestId('cancel-disabled-reason')).toHaveTextContent(/Already shipped/);
  });

  it('is disabled for an Amazon-fulfilled order and says why', async () => {
    renderDetail(twoLineOrder({ extra: { fulfilledBy: 'AMAZON' } }));
    const button = await cancelButton();
    await waitFor(() => expect(button).toHaveAccessibleDescription(CANCEL_BLOCKED_REASONS.amazonFulfilled));
    expect(button).toBeDisabled();
  });

  it('is disabled while a cancellation is pending, and says so', async () => {
    const built = twoLineOrder();
    const pending = cancelAction(built.order, {
      wholeOrder: true,
      lines: [
        { orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' },
        { orderItemId: 'item-1', quantity: 1, sku: 'TEA-GRN' },
      ],
    });
    renderDetail(built, new MemoryActionSource([pending]));
    const button = await cancelButton();
    await waitFor(() => expect(button).toHaveAccessibleDescription(CANCEL_BLOCKED_REASONS.pending));
    expect(button).toBeDisabled();
    expect(screen.getByTestId('cancel-state')).toHaveTextContent('Cancel pending');
  });

  it('is enabled for an unshipped merchant order, with no explanation', async () => {
    renderDetail(twoLineOrder());
    const button = await cancelButton();
    await waitFor(() => expect(button).toBeEnabled());
    expect(button).not.toHaveAttribute('aria-describedby');
  });
});

describe('Cancel status', () => {
  it('shows "Cancel pending" as soon as the cancellation is queued', async () => {
    const built = twoLineOrder();
    const { user } = renderDetail(built);
    const button = await cancelButton();
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Reason for cancellation' }),
      'PricingError',
    );
    await user.type(screen.getByRole('textbox', { name: 'Seller memo (optional)' }), 'Price typo');
    await user.click(screen.getByRole('button', { name: 'Submit cancellation' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByTestId('cancel-state')).toHaveTextContent('Cancel pending');
    expect(screen.getByTestId('cancel-action')).toHaveTextContent('Seller memo: Price typo');
    expect(screen.getByTestId('cancel-action')).toHaveTextContent('Reason: Pricing error');
    await waitFor(() => expect(button).toHaveAccessibleDescription(CANCEL_BLOCKED_REASONS.pending));
  });

  it('shows "Cancelled" when the manager’s cancellation is done', async () => {
    const built = twoLineOrder();
    renderDetail(
      built,
      new MemoryActionSource([cancelAction(built.order, { status: 'done', wholeOrder: true })]),
    );
    expect(await screen.findByTestId('cancel-state')).toHaveTextContent(/^Cancelled$/);
  });

  it('shows Amazon’s failure text as text, and Retry sends it again', async () => {
    const built = twoLineOrder();
    const failed = cancelAction(built.order, {
      status: 'failed',
      resultText: 'Error 18028: <b>The order item has already shipped</b>',
    });
    const actions = new MemoryActionSource([failed]);
    const { user } = renderDetail(built, actions);
    const state = await screen.findByTestId('cancel-state');
    expect(state).toHaveTextContent('Cancel failed: Error 18028: <b>The order item has already shipped</b>');
    expect(document.querySelector('.order-detail b')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(actions.retried).toEqual(['action-1']);
    await waitFor(() => expect(screen.getByTestId('cancel-state')).toHaveTextContent('Cancel pending'));
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('explains an action that needs review', async () => {
    const built = twoLineOrder();
    const review = cancelAction(built.order, {
      status: 'needs-review',
      resultText: 'The service worker stopped while the feed was being created',
    });
    const actions = new MemoryActionSource([review]);
    const { user } = renderDetail(built, actions);
    const entry = await screen.findByTestId('cancel-action');
    expect(within(entry).getByTestId('cancel-state')).toHaveTextContent(
      'Needs review: The service worker stopped while the feed was being created',
    );
    expect(entry).toHaveTextContent(
      'The extension could not tell whether Amazon received this cancellation. Check the order in Seller Central before retrying',
    );
    // Never a blind retry: the seller first says what Seller Central shows.
    expect(within(entry).queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(within(entry).getByRole('button', { name: 'It is not cancelled' }));
    expect(actions.resolved).toEqual([{ actionId: 'action-1', verdict: 'failed' }]);
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(actions.retried).toEqual(['action-1']);
  });

  it('shows the zero-stock result per SKU with Amazon’s issues', async () => {
    const built = twoLineOrder();
    const done = cancelAction(built.order, {
      status: 'done',
      zeroStockSkus: ['MUG-RED'],
      zeroStock: [
        {
          sku: 'MUG-RED',
          status: 'failed',
          issues: ['90220: The attribute fulfillment_availability is invalid'],
        },
      ],
    });
    renderDetail(built, new MemoryActionSource([done]));
    const results = await screen.findByRole('list', { name: 'Stock set to 0' });
    expect(results).toHaveTextContent('SKU MUG-RED: could not set stock to 0');
    expect(results).toHaveTextContent('90220: The attribute fulfillment_availability is invalid');
  });

  it('shows a cancellation made outside the order manager, with when it was seen', async () => {
    const built = twoLineOrder({
      status: 'CANCELLED',
      extra: { cancelledOutsideManager: { seenAt: '2026-11-22T08:00:00Z' } },
    });
    renderDetail(built);
    expect(await screen.findByTestId('cancelled-outside')).toHaveTextContent(
      /^Cancelled outside the order manager \(seen .*2026.*\)/,
    );
  });

  it('follows the outbox when the background changes an action', async () => {
    const built = twoLineOrder();
    const actions = new MemoryActionSource([cancelAction(built.order)]);
    renderDetail(built, actions);
    expect(await screen.findByTestId('cancel-state')).toHaveTextContent('Cancel pending');
    act(() => actions.update('action-1', { status: 'failed', resultText: 'Invalid reason' }));
    await waitFor(() =>
      expect(screen.getByTestId('cancel-state')).toHaveTextContent('Cancel failed: Invalid reason'),
    );
  });
});
