// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncBar } from '../../components/sync/sync-bar';
import type { SyncStatus } from '../../lib/sync/sync-status';

const NOW = new Date('2026-11-26T12:00:00Z');

function renderBar(status: SyncStatus, onSyncNow = vi.fn(async () => ({ started: true }))) {
  render(<SyncBar status={status} onSyncNow={onSyncNow} now={NOW} />);
  return onSyncNow;
}

describe('SyncBar', () => {
  it('shows last and next sync as relative times with the exact time on hover', () => {
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T11:55:00Z',
      lastSuccessAt: '2026-11-26T11:55:00Z',
      nextSyncAt: '2026-11-26T12:25:00Z',
    });
    const last = screen.getByText('5 minutes ago');
    expect(last.tagName).toBe('TIME');
    expect(last).toHaveAttribute('dateTime', '2026-11-26T11:55:00Z');
    expect(last.getAttribute('title')).toBeTruthy();
    expect(screen.getByText('in 25 minutes')).toBeInTheDocument();
    expect(screen.queryByTestId('sync-error')).toBeNull();
  });

  it('shows progress while running and disables Sync now', () => {
    renderBar({
      running: true,
      demo: true,
      phase: 'Fetching updated orders',
      progress: { done: 40, total: 120 },
    });
    expect(screen.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
    expect(screen.getByText('Fetching updated orders')).toBeInTheDocument();
    expect(screen.getByText('40 of 120')).toBeInTheDocument();
    const progress = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(progress).toHaveAttribute('value', '40');
    expect(progress).toHaveAttribute('max', '120');
  });

  it('shows the last error in plain words with Amazon’s request id', () => {
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T11:00:00Z',
      lastSuccessAt: '2026-11-25T11:00:00Z',
      lastError: {
        message: 'Amazon refused the refresh token. Authorise the app again in Seller Central.',
        code: 'invalid_grant',
        requestId: 'a1b2c3d4-req',
        at: '2026-11-26T11:00:00Z',
      },
    });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Last sync failed: Amazon refused the refresh token.');
    expect(alert).toHaveTextContent('Amazon request id: a1b2c3d4-req');
  });

  it('hides an error that a later successful sync has replaced', () => {
    renderBar({
      running: false,
      demo: false,
      lastSuccessAt: '2026-11-26T11:30:00Z',
      lastError: { message: 'Throttled', at: '2026-11-26T11:00:00Z' },
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for a sync and explains when none started', async () => {
    const user = userEvent.setup();
    const onSyncNow = renderBar(
      { running: false, demo: true },
      vi.fn(async () => ({ started: false, reason: 'Order download is turned off in Settings.' })),
    );
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSyncNow).toHaveBeenCalledOnce();
    expect(await screen.findByText('Order download is turned off in Settings.')).toBeInTheDocument();
  });
});

describe('SyncBar: full re-sync', () => {
  const failed: SyncStatus = {
    running: false,
    demo: false,
    lastSyncAt: '2026-11-26T11:00:00Z',
    lastError: {
      message:
        'The saved sync position is damaged, so the extension stopped rather than guess. Start a full re-sync to rebuild it.',
      at: '2026-11-26T11:00:00Z',
    },
  };

  it('offers a full re-sync after a failed sync, says what it does, and starts it only once confirmed', async () => {
    const user = userEvent.setup();
    const onFullResync = vi.fn(async () => ({ started: true }));
    render(<SyncBar status={failed} onSyncNow={vi.fn()} onFullResync={onFullResync} now={NOW} />);
    await user.click(screen.getByRole('button', { name: 'Start a full re-sync' }));
    expect(onFullResync).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: 'Confirm full re-sync' });
    expect(confirm).toHaveTextContent('Orders already saved and your cancellations are kept.');
    await user.click(screen.getByRole('button', { name: 'Start full re-sync' }));
    expect(onFullResync).toHaveBeenCalledOnce();
    expect(await screen.findByText('Full re-sync started.')).toBeInTheDocument();
  });

  it('can be called off at the confirm step', async () => {
    const user = userEvent.setup();
    const onFullResync = vi.fn(async () => ({ started: true }));
    render(<SyncBar status={failed} onSyncNow={vi.fn()} onFullResync={onFullResync} now={NOW} />);
    await user.click(screen.getByRole('button', { name: 'Start a full re-sync' }));
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(onFullResync).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Start a full re-sync' })).toBeInTheDocument();
  });

  it('is not offered while the last sync succeeded', () => {
    render(
      <SyncBar
        status={{ running: false, demo: false, lastSuccessAt: '2026-11-26T11:00:00Z' }}
        onSyncNow={vi.fn()}
        now={NOW}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Start a full re-sync' })).toBeNull();
  });
});
