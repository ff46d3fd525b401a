import { ManualClock } from '../../../lib/clock';
import { createSpApiClient } from '../../../lib/sp-api/client';
import { SpApiNetworkError } from '../../../lib/sp-api/errors';
import {
  BASE_URL,
  CREDENTIALS,
  fakeAmazon,
  json,
  LWA_URL,
  tokenResponse,
  type Handler,
} from './fake-sp-api-transport';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const SIX_MINUTES = 6 * 60_000;
const FEED = {
  feedId: '60000018421',
  feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
  createdTime: '2026-11-26T10:00:00Z',
  processingStatus: 'IN_QUEUE',
};
const SPEC = {
  feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
  marketplaceIds: ['ATVPDKIKX0DER'],
  inputFeedDocumentId: 'amzn1.tortuga.4.na.doc',
};

function clientWith(handlers: Handler[], options: { requestTimeoutMs?: number; lwa?: Handler } = {}) {
  const amazon = fakeAmazon(handlers, options.lwa);
  const clock = new ManualClock(NOW);
  const client = createSpApiClient({
    transport: amazon.transport,
    clock,
    credentials: CREDENTIALS,
    endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    random: () => 0.5,
    maxAttempts: 1,
    requestTimeoutMs: options.requestTimeoutMs ?? 0,
  });
  return { client, clock, ...amazon };
}

/** An answer carrying Amazon's Date header (HTTP-date, whole seconds). */
const dated = (body: unknown, amazonMs: number) => () =>
  json(body, 200, { date: new Date(amazonMs).toUTCString() });

describe('SP-API client: a request that times out is aborted', () => {
  it('aborts createFeed on timeout and reports a retryable network error that says it timed out', async () => {
    const signals: AbortSignal[] = [];
    // Like a server that took the request and never answers: only the abort ends it.
    const hang: Handler = (request) => {
      signals.push(request.signal);
      return new Promise<Response>((_, reject) => {
        request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    };
    const { client } = clientWith([hang], { requestTimeoutMs: 30 });
    const error = await client.createFeed(SPEC).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpApiNetworkError);
    expect((error as SpApiNetworkError).timedOut).toBe(true);
    expect((error as Error).message).toMatch(/createFeed: network error: timed out/);
    expect((error as SpApiNetworkError).plainMessage()).toMatch(/did not answer in time/);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('leaves an answered request alone (its signal is never aborted)', async () => {
    const signals: AbortSignal[] = [];
    const { client } = clientWith(
      [
        (request) => {
          signals.push(request.signal);
          return json(FEED);
        },
      ],
      { requestTimeoutMs: 30 },
    );
    await client.getFeed(FEED.feedId);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(signals[0]!.aborted).toBe(false);
  });

  it('aborts a hung LWA token exchange too', async () => {
    const signals: AbortSignal[] = [];
    const { client } = clientWith([() => json(FEED)], {
      requestTimeoutMs: 30,
      lwa: (request) => {
        signals.push(request.signal);
        return new Promise<Response>(() => undefined);
      },
    });
    await expect(client.getFeed(FEED.feedId)).rejects.toThrow(/timed out/);
    expect(signals[0]!.aborted).toBe(true);
  });
});

describe("SP-API client: Amazon's time from the Date header", () => {
  it('is the local clock until an answer carries a Date header', async () => {
    const { client } = clientWith([() => json(FEED)]);
    expect(client.amazonClock().offsetMs).toBeUndefined();
    expect(client.amazonClock().now()).toBe(NOW);
    await client.getFeed(FEED.feedId);
    expect(client.amazonClock().offsetMs).toBeUndefined();
  });

  it('follows Amazon when the local clock is 6 minutes slow', async () => {
    const { client, clock } = clientWith([dated(FEED, NOW + SIX_MINUTES)]);
    await client.getFeed(FEED.feedId);
    const amazon = client.amazonClock();
    expect(amazon.offsetMs).toBe(SIX_MINUTES);
    expect(amazon.now()).toBe(NOW + SIX_MINUTES);
    clock.advance(10_000);
    expect(amazon.now()).toBe(NOW + SIX_MINUTES + 10_000);
  });

  it('follows Amazon when the local clock is 6 minutes fast, from an error answer too', async () => {
    const { client } = clientWith([
      () =>
        json({ errors: [{ code: 'NotFound', message: 'no such feed' }] }, 404, {
          date: new Date(NOW - SIX_MINUTES).toUTCString(),
        }),
    ]);
    await expect(client.getFeed('1')).rejects.toThrow(/404/);
    expect(client.amazonClock().offsetMs).toBe(-SIX_MINUTES);
    expect(client.amazonClock().now()).toBe(NOW - SIX_MINUTES);
  });

  it('keeps the newest measurement, rounded down to the second as the header is', async () => {
    const { client, clock } = clientWith([dated(FEED, NOW + SIX_MINUTES), dated(FEED, NOW + 5_000 + 999)]);
    await client.getFeed(FEED.feedId);
    clock.advance(5_000);
    await client.getFeed(FEED.feedId);
    // HTTP-date holds whole seconds: 10:00:05.999 reads as 10:00:05, one second behind at worst.
    expect(client.amazonClock().offsetMs).toBe(0);
  });

  it("measures from the LWA token answer, Amazon's login service", async () => {
    const { client } = clientWith([() => json(FEED)], {
      lwa: () => {
        const answer = tokenResponse();
        answer.headers.set('date', new Date(NOW + SIX_MINUTES).toUTCString());
        return answer;
      },
    });
    await client.getFeed(FEED.feedId);
    expect(client.amazonClock().offsetMs).toBe(SIX_MINUTES);
  });
});
