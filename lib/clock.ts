/**
 * Time source shared by the SP-API client, the sandbox and the sync jobs. Tests and the benchmark
 * drive a manual clock so that rate limits and report processing run on simulated time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms` of this clock's time has passed. When `signal` aborts first, rejects at
   * once with the signal's reason (an AbortError unless the aborter gave one).
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock that only moves when told to. `sleep` advances it at once, so a simulated wait of an
 * hour costs no real time; that is what lets the benchmark report "simulated minutes".
 */
export class ManualClock implements Clock {
  #now: number;
  constructor(startMs: number) {
    this.#now = startMs;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    if (ms > 0) this.#now += ms;
  }
  set(ms: number): void {
    this.#now = ms;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    // An aborted run must not move time for everyone else sharing this clock.
    if (signal?.aborted) return Promise.reject(signal.reason as unknown);
    this.advance(ms);
    return Promise.resolve();
  }
}
