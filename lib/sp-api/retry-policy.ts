import type { Clock } from '../clock';
import { LwaError, SpApiError, SpApiNetworkError } from './errors';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Uniform in [0, 1); injectable so tests choose the jitter. */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  random: Math.random,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Throttling, server trouble and lost connections are worth another try; 400/403/404 never are. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof SpApiNetworkError) return true;
  if (error instanceof SpApiError) return RETRYABLE_STATUSES.has(error.status);
  if (error instanceof LwaError) return error.error === 'network' || RETRYABLE_STATUSES.has(error.status);
  return false;
}

/** Full jitter: uniform in [0, min(maxDelay, base * 2^(retry-1))] for the retry-th retry (1-based). */
export function backoffDelayMs(retry: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(policy.random() * ceiling);
}

/**
 * Amazon's Retry-After on an error answer, in ms. The models declare no Retry-After (UNCONFIRMED
 * whether Amazon sends one), so it rides beside the error instead of in SpApiError's fields.
 */
const retryAfterByError = new WeakMap<object, number>();

export function attachRetryAfter(error: object, retryAfterMs: number): void {
  retryAfterByError.set(error, retryAfterMs);
}

export function retryAfterMsOf(error: unknown): number | undefined {
  return error !== null && typeof error === 'object' ? retryAfterByError.get(error) : undefined;
}

/**
 * Retry-After (RFC 9110) as a wait in ms: delta-seconds, or an HTTP-date measured against the
 * answer's own Date header (Amazon's clock; `fallbackNowMs` without one). Undefined when absent,
 * unreadable or already past.
 */
export function parseRetryAfterMs(
  header: string | null,
  dateHeader: string | null,
  fallbackNowMs: number,
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const atMs = Date.parse(value);
  if (!Number.isFinite(atMs)) return undefined;
  const answeredMs = dateHeader ? Date.parse(dateHeader) : NaN;
  const waitMs = atMs - (Number.isFinite(answeredMs) ? answeredMs : fallbackNowMs);
  return waitMs > 0 ? waitMs : undefined;
}

/** The wait before the retry-th retry: the backoff, but at least Amazon's Retry-After (capped at maxDelayMs). */
export function retryDelayMs(error: unknown, retry: number, policy: RetryPolicy): number {
  const backoffMs = backoffDelayMs(retry, policy);
  const askedMs = retryAfterMsOf(error);
  return askedMs === undefined ? backoffMs : Math.max(backoffMs, Math.min(askedMs, policy.maxDelayMs));
}

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, or `maxAttempts` is used up;
 * sleeps on the clock between tries. An aborted `signal` ends a wait at once and starts no new try.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  clock: Clock,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    signal?.throwIfAborted();
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!isRetryable(error) || attemptNumber >= policy.maxAttempts) throw error;
      await clock.sleep(retryDelayMs(error, attemptNumber, policy), signal);
    }
  }
}
