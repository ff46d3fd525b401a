import { ManualClock } from '../../../lib/clock';
import { LwaError, SpApiError, SpApiNetworkError, SpApiSchemaError } from '../../../lib/sp-api/errors';
import { backoffDelayMs, isRetryable, withRetry, type RetryPolicy } from '../../../lib/sp-api/retry-policy';
import { HeldClock } from './held-clock';

const policy = (random = () => 0.5): RetryPolicy => ({
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  random,
});
const http = (status: number) => new SpApiError({ operation: 'op', status, code: 'X', message: 'x' });

describe('retry policy', () => {
  it('retries 429, 5xx and network errors but never 400, 403, 404 or schema errors', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryable(http(status))).toBe(true);
    for (const status of [400, 401, 403, 404, 413, 415]) expect(isRetryable(http(status))).toBe(false);
    expect(isRetryable(new SpApiNetworkError('op', 'reset'))).toBe(true);
    expect(isRetryable(new SpApiSchemaError('op', ['x']))).toBe(false);
    expect(isRetryable(new LwaError({ status: 0, error: 'network' }))).toBe(true);
    expect(isRetryable(new LwaError({ status: 400, error: 'invalid_grant' }))).toBe(false);
  });

  it('uses full jitter on an exponential ceiling capped at maxDelay', () => {
    expect(
      backoffDelayMs(
        1,
        policy(() => 0.999),
      ),
    ).toBe(999);
    expect(
      backoffDelayMs(
        3,
        policy(() => 0.5),
      ),
    ).toBe(2000);
    expect(
      backoffDelayMs(
        20,
        policy(() => 0.5),
      ),
    ).toBe(30_000);
    expect(
      backoffDelayMs(
        4,
        policy(() => 0),
      ),
    ).toBe(0);
  });

  it('stops after maxAttempts and rethrows the last error, sleeping between tries', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw http(503);
        },
        clock,
        policy(),
      ),
    ).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(5);
    expect(clock.now()).toBe(500 + 1000 + 2000 + 4000);
  });

  it('does not retry a 400', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw http(400);
        },
        new ManualClock(0),
        policy(),
      ),
    ).rejects.toBeInstanceOf(SpApiError);
    expect(calls).toBe(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw new SpApiNetworkError('op', 'reset');
        return 'ok';
      },
      new ManualClock(0),
      policy(),
    );
    expect(value).toBe('ok');
    expect(calls).toBe(3);
  });

  it('ends a backoff wait at once when its signal aborts, and tries no more', async () => {
    const clock = new HeldClock(0);
    const controller = new AbortController();
    let calls = 0;
    const retrying = withRetry(
      async () => {
        calls += 1;
        throw http(503);
      },
      clock,
      policy(),
      controller.signal,
    );
    await clock.sleeping();
    controller.abort();
    await expect(retrying).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
    expect(clock.sleeps).toEqual([500]);
  });
});
