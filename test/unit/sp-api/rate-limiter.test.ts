import { ManualClock } from '../../../lib/clock';
import { RateLimiter } from '../../../lib/sp-api/rate-limiter';
import { HeldClock } from './held-clock';

describe('RateLimiter', () => {
  it('lets a full burst through without waiting, then waits exactly one refill per call', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 0.5, burst: 3 }));
    for (let i = 0; i < 3; i++) await limiter.acquire('getOrder');
    expect(clock.now()).toBe(0);
    await limiter.acquire('getOrder');
    expect(clock.now()).toBe(2000); // 1 token at 0.5 rps
    await limiter.acquire('getOrder');
    expect(clock.now()).toBe(4000);
  });

  it('seeds from the usage plans (searchOrders: 20 burst at 0.0056 rps)', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock);
    for (let i = 0; i < 20; i++) await limiter.acquire('searchOrders');
    expect(clock.now()).toBe(0);
    expect(limiter.waitTimeMs('searchOrders')).toBe(Math.ceil(1000 / 0.0056));
    await limiter.acquire('searchOrders');
    expect(clock.now()).toBe(Math.ceil(1000 / 0.0056));
  });

  it('refills with elapsed time but never beyond the burst', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 1, burst: 2 }));
    await limiter.acquire('getReport');
    await limiter.acquire('getReport');
    expect(limiter.tokens('getReport')).toBe(0);
    clock.advance(1500);
    expect(limiter.tokens('getReport')).toBeCloseTo(1.5);
    clock.advance(10_000);
    expect(limiter.tokens('getReport')).toBe(2);
  });

  it('waits only for the missing fraction of a token', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 2, burst: 1 }));
    await limiter.acquire('getReport');
    clock.advance(300); // 0.6 token back
    await limiter.acquire('getReport');
    expect(clock.now()).toBe(500);
  });

  it('keeps one bucket per operation', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 1, burst: 1 }));
    await limiter.acquire('getReport');
    await limiter.acquire('getReports');
    expect(clock.now()).toBe(0);
  });

  it('replaces the seeded rate when Amazon announces a different one', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 0.0056, burst: 1 }));
    limiter.observeRateLimit('searchOrders', '0.5');
    expect(limiter.rateOf('searchOrders')).toBe(0.5);
    await limiter.acquire('searchOrders');
    await limiter.acquire('searchOrders');
    expect(clock.now()).toBe(2000);
    limiter.observeRateLimit('searchOrders', 'garbage');
    limiter.observeRateLimit('searchOrders', null);
    expect(limiter.rateOf('searchOrders')).toBe(0.5);
  });

  it('drain empties the bucket so the next call waits a full token', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 0.25, burst: 10 }));
    limiter.drain('getFeeds');
    expect(limiter.tokens('getFeeds')).toBe(0);
    await limiter.acquire('getFeeds');
    expect(clock.now()).toBe(4000);
  });

  it('ends a wait for quota at once when its signal aborts, giving the reserved token back', async () => {
    const clock = new HeldClock(0);
    const limiter = new RateLimiter(clock, () => ({ rate: 0.5, burst: 1 }));
    await limiter.acquire('getOrder');
    const controller = new AbortController();
    const waiting = limiter.acquire('getOrder', controller.signal);
    await clock.sleeping();
    expect(limiter.tokens('getOrder')).toBe(-1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.sleeps).toEqual([2000]);
    // The next caller waits for one token, not for the aborted caller's too.
    expect(limiter.waitTimeMs('getOrder')).toBe(2000);
  });
});
