import { useState } from 'react';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorMessage } from '../../lib/error-message';
import { formatDateTime, formatRelativeTime } from '../../lib/format-time';
import { requestFullResync } from './browser-sync-source';
import type { SyncNowAnswer } from './sync-source';
import './sync-bar.css';

export interface SyncBarProps {
  readonly status: SyncStatus | undefined;
  readonly onSyncNow: () => Promise<SyncNowAnswer>;
  /** Offered when the last sync failed; defaults to asking the background. */
  readonly onFullResync?: () => Promise<SyncNowAnswer>;
  readonly now: Date;
}

function TimeAgo({ iso, now, event }: { iso: string; now: Date; event: 'past' | 'future' }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelativeTime(iso, now, event)}
    </time>
  );
}

/**
 * The failure of the last attempt, or undefined when the last attempt succeeded. The background
 * writes lastSyncAt (start of the last finished attempt) and lastSuccessAt (start of the last
 * successful one) together on success, so they differ only after a failure.
 */
function currentError(status: SyncStatus) {
  const error = status.lastError;
  if (!error) return undefined;
  if (status.lastSuccessAt && Date.parse(status.lastSuccessAt) > Date.parse(error.at)) return undefined;
  if (status.lastSyncAt && status.lastSyncAt === status.lastSuccessAt) return undefined;
  return error;
}

/**
 * The last successful sync, the next one, a Sync now button, the phase while running, and a failed
 * last attempt on its own line in plain words (Amazon's code and request id under Technical details).
 */
export function SyncBar({ status, onSyncNow, onFullResync = requestFullResync, now }: SyncBarProps) {
  const [requesting, setRequesting] = useState(false);
  const [confirmingResync, setConfirmingResync] = useState(false);
  const [notice, setNotice] = useState<string>();
  const running = status?.running ?? false;
  const error = status ? currentError(status) : undefined;
  const progress = status?.progress;

  async function syncNow() {
    setRequesting(true);
    setNotice(undefined);
    try {
      const answer = await onSyncNow();
      if (!answer.started) setNotice(answer.reason ?? 'A sync is already running.');
    } catch (failure) {
      setNotice(`Could not start a sync: ${errorMessage(failure)}`);
    } finally {
      setRequesting(false);
    }
  }

  async function fullResync() {
    setConfirmingResync(false);
    setRequesting(true);
    setNotice(undefined);
    try {
      const answer = await onFullResync();
      setNotice(
        answer.started ? 'Full re-sync started.' : (answer.reason ?? 'The full re-sync could not start.'),
      );
    } catch (failure) {
      setNotice(`Could not start a full re-sync: ${errorMessage(failure)}`);
    } finally {
      setRequesting(false);
    }
  }

  return (
    <section className="sync-bar" aria-label="Sync" data-testid="sync-bar">
      <div className="sync-bar__row">
        <span className="sync-bar__fact" data-testid="sync-last-success">
          Last successful sync:{' '}
          {status?.lastSuccessAt ? <TimeAgo iso={status.lastSuccessAt} now={now} event="past" /> : 'never'}
        </span>
        {status?.nextSyncAt && !running && (
          <span className="sync-bar__fact">
            Next sync: <TimeAgo iso={status.nextSyncAt} now={now} event="future" />
          </span>
        )}
        <button
          type="button"
          className="sync-bar__button"
          onClick={() => void syncNow()}
          disabled={running || requesting || !status}
        >
          {running ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {running && (
        <div className="sync-bar__progress" data-testid="sync-progress">
          <span>Syncing now: {status?.phase ?? 'starting'}</span>
          {progress && (
            <span>
              {progress.total !== undefined
                ? `${progress.done} of ${progress.total}`
                : `${progress.done} done`}
            </span>
          )}
          <progress
            aria-label="Sync progress"
            max={progress?.total || undefined}
            value={progress?.total ? progress.done : undefined}
            aria-valuetext={
              progress
                ? progress.total !== undefined
                  ? `${progress.done} of ${progress.total}`
                  : `${progress.done} done`
                : undefined
            }
          />
        </div>
      )}
      {error && !running && (
        <div className="sync-bar__error" role="alert" data-testid="sync-error">
          <p className="sync-bar__attempt">
            Last attempt: <TimeAgo iso={error.at} now={now} event="past" /> — failed. {error.message}
          </p>
          {(error.requestId || error.code) && (
            <details className="sync-bar__technical">
              <summary>Technical details</summary>
              {error.code && <p>Error code: {error.code}</p>}
              {error.requestId && <p>Amazon request id: {error.requestId}</p>}
            </details>
          )}
          {!confirmingResync && (
            <button
              type="button"
              className="sync-bar__button"
              onClick={() => setConfirmingResync(true)}
              disabled={requesting}
            >
              Start a full re-sync
            </button>
          )}
          {confirmingResync && (
            <div className="sync-bar__confirm" role="group" aria-label="Confirm full re-sync">
              <p>
                A full re-sync forgets where the sync stopped and downloads your orders of the backfill window
                again from Amazon, as on the first sync; it can take a while. Orders already saved and your
                cancellations are kept.
              </p>
              <button type="button" className="sync-bar__button" onClick={() => void fullResync()}>
                Start full re-sync
              </button>
              <button type="button" className="sync-bar__button" onClick={() => setConfirmingResync(false)}>
                Not now
              </button>
            </div>
          )}
        </div>
      )}
      {notice && (
        <p className="sync-bar__notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
