// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { OrderDetail } from '../../components/orders/order-detail';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { cancelAction, twoLineOrder } from './cancel-fixtures';

const FEEDS_ROLE =
  'Amazon refused the cancellation: the app has no Feeds role. Add the role in Seller Central (Develop Apps → Edit app), then it is sent again automatically.';

function renderWith(patch: Partial<CancelAction>) {
  const built = twoLineOrder();
  const actions = new MemoryActionSource([cancelAction(built.order, patch)]);
  render(
    <OrderDetail
      source={new MemoryOrderSource([built.order], built.items)}
      orderId={built.order.orderId}
      actions={actions}
    />,
  );
  return { actions, user: userEvent.setup() };
}

const state = () => screen.findByTestId('cancel-state');
const entry = async () => (await screen.findAllByTestId('cancel-action'))[0]!;

describe('Cancel status: problems getting the cancellation to Amazon', () => {
  it('shows a permanent problem in plain words with what to do, not "Waiting for Amazon"', async () => {
    renderWith({
      problem: { message: FEEDS_ROLE, at: '2026-11-21T09:05:00Z', attempts: 3, permanent: true },
    });
    expect(await state()).toHaveTextContent(`Cancel not sent: ${FEEDS_ROLE}`);
    const shown = await entry();
    expect(shown).toHaveTextContent('Waiting will not fix this');
    expect(shown).not.toHaveTextContent('Waiting for Amazon to process');
  });

  it('shows a passing problem, with the tries so far and that it retries on its own', async () => {
    renderWith({
      problem: {
        message: "Amazon's service had a temporary problem (status 503).",
        at: '2026-11-21T09:05:00Z',
        attempts: 2,
        permanent: false,
      },
    });
    expect(await state()).toHaveTextContent(
      "Cancel pending — not sent yet: Amazon's service had a temporary problem (status 503).",
    );
    expect(await entry()).toHaveTextContent('keeps trying on its own (2 tries so far)');
  });

  it('says Amazon accepted the cancellation while the order does not show it yet', async () => {
    renderWith({ confirming: { since: '2026-11-21T09:10:00Z' }, feedId: '50001' });
    expect(await state()).toHaveTextContent(
      'Amazon accepted the cancellation; waiting for the order to show it (usually a few minutes).',
    );
  });

  it('keeps the last sending problem visible on a failed cancellation', async () => {
    renderWith({
      status: 'failed',
      resultText: 'Cancel failed',
      problem: {
        message: 'Feed 50001 was cancelled by Amazon.',
        at: '2026-11-21T09:05:00Z',
        attempts: 1,
        permanent: false,
      },
    });
    expect(await screen.findByTestId('cancel-problem')).toHaveTextContent(
      'Feed 50001 was cancelled by Amazon.',
    );
  });
});

describe('Cancel status: needs review', () => {
  it('offers "Send again" only when the outbox marked it safe, and sends it again', async () => {
    const { actions, user } = renderWith({
      status: 'needs-review',
      resultText: 'The feed was never created at Amazon.',
      sendAgainAllowed: true,
    });
    expect(await state()).toHaveTextContent('Needs review: The feed was never created at Amazon.');
    const review = screen.getByRole('group', { name: 'After checking Seller Central' });
    // The seller's own verdict stays available alongside.
    expect(within(review).getByRole('button', { name: 'It is cancelled in Seller Central' })).toBeEnabled();
    await user.click(within(review).getByRole('button', { name: 'Send again' }));
    expect(actions.sentAgain).toEqual(['action-1']);
    await waitFor(async () => expect(await state()).toHaveTextContent('Cancel pending'));
  });

  it('has no "Send again" while a feed of ours may still be on its way', async () => {
    renderWith({ status: 'needs-review', resultText: 'The send was interrupted.' });
    await state();
    expect(screen.queryByRole('button', { name: 'Send again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'It is not cancelled' })).toBeEnabled();
  });

  it('notes other feeds Amazon lists from the same moment (a possible browser resend)', async () => {
    renderWith({
      status: 'needs-review',
      resultText: 'Two feeds were created.',
      suspectedDuplicateFeedIds: ['50002', '50003'],
    });
    expect(await screen.findByTestId('suspected-duplicates')).toHaveTextContent(
      'Amazon lists other order feeds sent around the same time (feed 50002, 50003)',
    );
  });

  it('shows the refusal in plain words when sending again is refused', async () => {
    const { actions, user } = renderWith({ status: 'needs-review', sendAgainAllowed: true });
    actions.sendAgain = async () => {
      throw new Error(
        'This cancellation cannot be sent again: a feed of the order manager may still be on its way at Amazon',
      );
    };
    await user.click(await screen.findByRole('button', { name: 'Send again' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot be sent again');
  });
});
