import type { Clock } from '../clock';
import { usagePlanOf, type OperationName, type UsagePlan } from './usage-plans';

interface Bucket {
  rate: number;
  readonly burst: number;
  /** May go negative: each waiting caller reserves its token, so waits queue up fairly. */
  tokens: number;
  updatedAt: number;
}

/**
 * Per-operation token buckets mirroring Amazon's usage plans, on the injected clock. Seeded from
 * the models' defaults; a different `x-amzn-RateLimit-Limit` from Amazon replaces the seeded rate.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #planOf: (operation: OperationName) => UsagePlan;
  readonly #buckets = new Map<OperationName, Bucket>();

  constructor(clock: Clock, planOf: (operation: OperationName) => UsagePlan = usagePlanOf) {
    this.#clock = clock;
    this.#planOf = planOf;
  }

  /**
   * Takes one token for `operation`, sleeping on the clock exactly until one is available. A wait
   * ended by `signal` gives its reserved token back, so the callers queued behind it wait no longer.
   */
  async acquire(operation: OperationName, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const bucket = this.#refilled(operation);
    bucket.tokens -= 1;
    if (bucket.tokens >= 0) return;
    const waitMs = Math.ceil((-bucket.tokens / bucket.rate) * 1000);
    try {
      await this.#clock.sleep(waitMs, signal);
    } catch (error) {
      this.#refilled(operation).tokens += 1;
      throw error;
    }
  }

  /** Milliseconds until `acquire` would return without waiting (0 when a token is ready). */
  waitTimeMs(operation: OperationName): number {
    const bucket = this.#refilled(operation);
    if (bucket.tokens >= 1) return 0;
    return Math.ceil(((1 - bucket.tokens) / bucket.rate) * 1000);
  }

  /** Tokens available now (negative while callers are queued). */
  tokens(operation: OperationName): number {
    return this.#refilled(operation).tokens;
  }

  rateOf(operation: OperationName): number {
    return this.#bucket(operation).rate;
  }

  /** Applies Amazon's `x-amzn-RateLimit-Limit` header (requests per second) when it is a usable number. */
  observeRateLimit(operation: OperationName, header: string | null | undefined): void {
    if (!header) return;
    const rate = Number(header.trim());
    if (!Number.isFinite(rate) || rate <= 0) return;
    const bucket = this.#refilled(operation);
    if (bucket.rate !== rate) bucket.rate = rate;
  }

  /** After a 429 Amazon's bucket is empty whatever ours says; start refilling from zero. */
  drain(operation: OperationName): void {
    const bucket = this.#refilled(operation);
    bucket.tokens = Math.min(bucket.tokens, 0);
  }

  #bucket(operation: OperationName): Bucket {
    let bucket = this.#buckets.get(operation);
    if (!bucket) {
      const plan = this.#planOf(operation);
      bucket = { rate: plan.rate, burst: plan.burst, tokens: plan.burst, updatedAt: this.#clock.now() };
      this.#buckets.set(operation, bucket);
    }
    return bucket;
  }

  #refilled(operation: OperationName): Bucket {
    const bucket = this.#bucket(operation);
    const now = this.#clock.now();
    const elapsedMs = now - bucket.updatedAt;
    if (elapsedMs > 0) {
      bucket.tokens = Math.min(bucket.burst, bucket.tokens + (elapsedMs / 1000) * bucket.rate);
      bucket.updatedAt = now;
    }
    return bucket;
  }
}
