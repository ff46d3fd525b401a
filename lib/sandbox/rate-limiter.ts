/** Token buckets per operation on the sandbox clock: `burst` tokens, refilled at `rate` per second. */
import type { Clock } from '../clock';
import type { UsagePlan } from '../sp-api/usage-plans';

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; atMs: number }>();
  constructor(private readonly clock: Clock) {}

  /** Takes a token; false when the bucket is empty (→ 429). */
  take(operation: string, plan: UsagePlan): boolean {
    const now = this.clock.now();
    const bucket = this.#buckets.get(operation) ?? { tokens: plan.burst, atMs: now };
    const refilled = Math.min(
      plan.burst,
      bucket.tokens + (Math.max(0, now - bucket.atMs) / 1000) * plan.rate,
    );
    const ok = refilled >= 1;
    this.#buckets.set(operation, { tokens: ok ? refilled - 1 : refilled, atMs: now });
    return ok;
  }
}
