import type { Clock } from '../../../lib/clock';

/**
 * A clock whose sleeps never end by themselves: only their signal's abort ends one. A test that
 * aborts mid-sleep and sees the work end knows the abort ended it, with no real time involved.
 */
export class HeldClock implements Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];
  readonly #nowMs: number;
  #waiters: { count: number; wake: () => void }[] = [];

  constructor(nowMs: number) {
    this.#nowMs = nowMs;
  }

  now(): number {
    return this.#nowMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    for (const waiter of this.#waiters.filter((w) => this.sleeps.length >= w.count)) waiter.wake();
    this.#waiters = this.#waiters.filter((w) => this.sleeps.length < w.count);
    return new Promise<void>((_resolve, reject) => {
      if (signal?.aborted) reject(signal.reason as Error);
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  }

  /** Resolves once `count` sleeps have begun (at once if they already have). */
  sleeping(count = 1): Promise<void> {
    if (this.sleeps.length >= count) return Promise.resolve();
    return new Promise((wake) => this.#waiters.push({ count, wake }));
  }
}
