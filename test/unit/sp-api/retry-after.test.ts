import { ManualClock } from '../../../lib/clock';
import { createSpApiClient } from '../../../lib/sp-api/client';
import { SpApiError } from '../../../lib/sp-api/errors';
import { BASE_URL, CREDENTIALS, fakeAmazon, json, LWA_URL, type Handler } from './fake-sp-api-transport';
import { sandboxWithClient } from './sandbox-client';
import { v2026OrderJson } from './v2026-order-fixture';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const ORDER_ID = '113-1234567-1234567';

/** Jitter 0: without a Retry-After the first retry waits no backoff at all, only for the bucket. */
function clientWith(handlers: Handler[], maxDelayMs?: number) {
  const amazon = fakeAmazon(handlers);
  const clock = new ManualClock(NOW);
  const client = createSpApiClient({
    transport: amazon.transport,
    clock,
    credentials: CREDENTIALS,
    endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    random: () => 0,
    ...(maxDelayMs === undefined ? {} : { maxDelayMs }),
  });
  return { client, clock, ...amazon };
}

const throttled =
  (headers: Record<string, string>): Handler =>
  () =>
    json(
      {
        errors: [
          {
            code: 'QuotaExceeded',
            message: 'You exceeded your quota for the requested resource.',
            details: '',
          },
        ],
      },
      429,
      headers,
    );

const orderAnswer: Handler = () => json({ order: v2026OrderJson() });

/** A client whose fake Amazon notes the clock at each request it gets (`times`). */
function stampedClient(handlers: Handler[], maxDelayMs?: number) {
  const clockRef: { clock?: ManualClock } = {};
  const times: number[] = [];
  const stamp =
    (handler: Handler): Handler =>
    (request, url) => {
      times.push(clockRef.clock!.now());
      return handler(request, url);
    };
  const built = clientWith(handlers.map(stamp), maxDelayMs);
  clockRef.clock = built.clock;
  return { ...built, times };
}

async function retryWait(first: Handler, maxDelayMs?: number): Promise<number> {
  const { client, times } = stampedClient([first, orderAnswer], maxDelayMs);
  const order = await client.getOrder(ORDER_ID);
  expect(order.orderId).toBe(ORDER_ID);
  expect(times).toHaveLength(2);
  return times[1]! - times[0]!;
}

describe('SP-API client: Retry-After on 429 (UNCONFIRMED whether Amazon sends one)', () => {
  it('without Retry-After keeps its backoff and bucket wait (the drained getOrder bucket: 2 s)', async () => {
    expect(await retryWait(throttled({}))).toBe(2000);
  });

  it('waits the delta-seconds Amazon asks for before retrying', async () => {
    expect(await retryWait(throttled({ 'retry-after': '30' }))).toBe(30_000);
  });

  it('reads an HTTP-date against the answer’s own Date, so a local clock minutes off does not matter', async () => {
    // Amazon's clock is 5 minutes ahead of this machine's.
    const wait = await retryWait(
      throttled({
        date: 'Thu, 26 Nov 2026 10:05:00 GMT',
        'retry-after': 'Thu, 26 Nov 2026 10:05:45 GMT',
      }),
    );
    expect(wait).toBe(45_000);
  });

  it('never waits longer than the policy’s maxDelayMs for it', async () => {
    expect(await retryWait(throttled({ 'retry-after': '3600' }), 20_000)).toBe(20_000);
  });

  it('ignores a Retry-After it cannot read, or one in the past', async () => {
    expect(await retryWait(throttled({ 'retry-after': 'soon' }))).toBe(2000);
    expect(
      await retryWait(
        throttled({ date: 'Thu, 26 Nov 2026 10:00:00 GMT', 'retry-after': 'Thu, 26 Nov 2026 09:59:00 GMT' }),
      ),
    ).toBe(2000);
  });

  it('createFeed, retried only after a 429, waits for it too', async () => {
    // Longer than the 120 s the drained createFeed bucket (0.0083 rps) alone would wait.
    const { client, times } = stampedClient(
      [throttled({ 'retry-after': '200' }), () => json({ feedId: '50001' }, 202)],
      300_000,
    );
    await client.createFeed({
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: 'amzn1.tortuga.4.na.doc',
    });
    expect(times[1]! - times[0]!).toBe(200_000);
  });

  it('gives up after maxAttempts like any 429, with the seller-facing message', async () => {
    const { client } = clientWith([throttled({ 'retry-after': '1' })]);
    const error = (await client.getOrder(ORDER_ID).catch((e: unknown) => e)) as SpApiError;
    expect(error).toBeInstanceOf(SpApiError);
    expect(error.plainMessage()).toMatch(/limiting how often/);
    expect(client.calls.byOperation.getOrder).toBe(5);
  });

  it('against the sandbox: a 429 fault with retryAfterSeconds holds the retry back that long', async () => {
    const { clock, sandbox, client } = sandboxWithClient(NOW, { orderCount: 40, enforceRateLimits: false });
    const orderId = sandbox.dataset.plans.find((p) => p.createdMs < NOW - 3_600_000)!.orderId;
    await client.getOrder(orderId);
    sandbox.injectFault({ kind: '429', operation: 'getOrder', retryAfterSeconds: 25 });
    const start = clock.now();
    await client.getOrder(orderId);
    expect(clock.now() - start).toBeGreaterThanOrEqual(25_000);
    expect(sandbox.stats().calls.getOrder).toBe(3);
  });
});
