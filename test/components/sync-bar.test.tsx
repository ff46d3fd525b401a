// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SyncBar } from '../../components/sync/sync-bar';
import { describeError } from '../../lib/background/describe-error';
import { LwaError } from '../../lib/sp-api/errors';
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
    expect(screen.getByText('Syncing now: Fetching updated orders')).toBeInTheDocument();
    expect(screen.getByText('40 of 120')).toBeInTheDocument();
    const progress = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(progress).toHaveAttribute('value', '40');
    expect(progress).toHaveAttribute('max', '120');
  });

  it('shows the last error in plain words with Amazon’s code and request id under Technical details', () => {
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
    expect(alert).toHaveTextContent('Last attempt: 1 hour ago — failed. Amazon refused the refresh token.');
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')).toHaveTextContent('Technical details');
    expect(details).toHaveTextContent('Error code: invalid_grant');
    expect(details).toHaveTextContent('Amazon request id: a1b2c3d4-req');
    expect(mainText(alert)).not.toMatch(/invalid_grant|a1b2c3d4-req/);
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

/** What the seller reads without opening anything: the text outside collapsed details. */
function mainText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('details').forEach((details) => details.remove());
  return copy.textContent ?? '';
}

describe('SyncBar: the sync line cannot be misread', () => {
  it('says a sync that just finished happened "just now", even when the view’s clock lags it', () => {
    // useNow ticks every 30 s, so a sync that ended since the last tick lies ahead of `now`.
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T12:00:05Z',
      lastSuccessAt: '2026-11-26T12:00:05Z',
    });
    const bar = screen.getByTestId('sync-bar');
    expect(bar).toHaveTextContent('Last successful sync: just now');
    expect(bar).not.toHaveTextContent('in a moment');
  });

  it('shows no error once a sync succeeded after an older failure', () => {
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T11:55:00Z',
      lastSuccessAt: '2026-11-26T11:55:00Z',
      lastError: { message: 'Could not reach Amazon.', at: '2026-11-26T11:30:00Z' },
    });
    expect(screen.getByTestId('sync-bar')).toHaveTextContent('Last successful sync: 5 minutes ago');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('sync-bar')).not.toHaveTextContent(/failed/);
  });

  it('keeps the last success apart from a failed attempt after it', () => {
    renderBar({
      running: false,
      demo: false,
      lastSuccessAt: '2026-11-26T11:00:00Z',
      lastSyncAt: '2026-11-26T11:59:58Z',
      lastError: { message: 'Could not reach Amazon.', at: '2026-11-26T12:00:10Z' },
    });
    const bar = screen.getByTestId('sync-bar');
    expect(screen.getByTestId('sync-last-success')).toHaveTextContent('Last successful sync: 1 hour ago');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Last attempt: just now — failed. Could not reach Amazon.',
    );
    expect(bar).not.toHaveTextContent(/Last sync:/);
    expect(bar).not.toHaveTextContent('in a moment');
  });

  it('says there has been no successful sync yet when the first attempt failed', () => {
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T11:58:00Z',
      lastError: { message: 'Could not reach Amazon.', at: '2026-11-26T11:58:30Z' },
    });
    expect(screen.getByTestId('sync-last-success')).toHaveTextContent('Last successful sync: never');
    expect(screen.getByRole('alert')).toHaveTextContent('Last attempt: 1 minute ago — failed.');
  });

  it('says "Syncing now" with the phase instead of an attempt line while running', () => {
    renderBar({
      running: true,
      demo: false,
      phase: 'Downloading order report',
      lastSuccessAt: '2026-11-26T11:00:00Z',
      lastSyncAt: '2026-11-26T11:30:00Z',
      lastError: { message: 'Could not reach Amazon.', at: '2026-11-26T11:30:00Z' },
    });
    expect(screen.getByTestId('sync-bar')).toHaveTextContent('Syncing now: Downloading order report');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a login failure in plain words, its raw code only under Technical details', () => {
    const described = describeError(new LwaError({ status: 404, error: 'http_404' }));
    renderBar({
      running: false,
      demo: false,
      lastSyncAt: '2026-11-26T11:58:00Z',
      lastError: { ...described, at: '2026-11-26T11:58:00Z' },
    });
    const alert = screen.getByRole('alert');
    expect(mainText(alert)).not.toMatch(/http_|404/);
    expect(mainText(alert)).toMatch(/Amazon's login service/);
    const details = alert.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details).toHaveTextContent('http_404');
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
