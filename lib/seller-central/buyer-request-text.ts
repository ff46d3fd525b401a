import { formatDeadline, timeLeft } from '../domain/buyer-request';
import type { OrderSummary } from '../messaging';

export type RequestSummary = NonNullable<OrderSummary['buyerCancelRequest']>;

const HOUR_MS = 3_600_000;

export const PAST_WINDOW_TEXT = 'Past the response window';
export const NOT_SEEN_TEXT = 'The order manager has not seen this request yet.';
export const STILL_NOT_SEEN_TEXT =
  'The sync has ended and the order manager still has no open request for this order. Amazon can ' +
  'take a few minutes to show it: try Sync now again shortly.';

export const ACCEPTED_TEXT = 'You accepted: the cancel is in the order manager.';

/** A cancel answers the request, as the badge counts it (worked out by the background: requestNeedsAnswer). */
export function acceptedInManager(summary: Pick<OrderSummary, 'buyerCancelRequest'>): boolean {
  return summary.buyerCancelRequest?.answered === true;
}

/** "46 h" or "35 min": the time left, rounded down, never "0 min". */
function span(ms: number): string {
  return ms >= HOUR_MS ? `${Math.floor(ms / HOUR_MS)} h` : `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

/** What the seller has to do about the request now: the countdown, past the window, or declined. */
export function requestStatusText(request: RequestSummary, now: Date, accepted = false): string {
  if (accepted) return ACCEPTED_TEXT;
  if (request.declined) return `You declined on ${formatDeadline(request.declined.at)}`;
  const ms = timeLeft(request.deadline, now);
  return ms > 0 ? `Answer within ${span(ms)}` : PAST_WINDOW_TEXT;
}

/** The deadline in the seller's own time zone, for the order panel. */
export function requestDeadlineText(request: RequestSummary, now: Date, accepted = false): string {
  if (accepted) return '';
  if (request.declined) return 'Ship as usual: the buyer keeps the order.';
  const by = formatDeadline(request.deadline);
  return timeLeft(request.deadline, now) > 0 ? `Answer by ${by}` : `The window ended ${by}`;
}

/** Calls `update` once a minute until the signal aborts, so countdowns never go stale on an open page. */
export function everyMinute(signal: AbortSignal, update: () => void): void {
  if (signal.aborted) return;
  const timer = setInterval(update, 60_000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
