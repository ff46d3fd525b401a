import { isSandboxFault, SandboxConnectionDropped } from '../../../lib/sandbox/fault-queue';
import { SANDBOX_MARKETPLACES } from '../../../lib/sandbox/marketplaces';
import { createResponseCheck } from '../../contract/sandbox-response-check';
import {
  ACK_FEED,
  ackXml,
  createDocument,
  FEEDS,
  pickOrder,
  reportResults,
  runFeed,
  statusAt,
  submitFeed,
  unshippedFor,
  upload,
  type FeedBody,
} from './feed-test-flow';
import { ANCHOR, BASE, isoAt, makeSandbox, type SearchBody, type TestSandbox } from './sandbox-test-client';

const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';
const SIX_MINUTES = 6 * 60_000;
const XML = ackXml([
  { orderId: '999-9999999-9999999', items: [{ code: '12345678901234', reason: 'NoInventory' }] },
]);
type FeedsPage = { feeds: FeedBody[]; nextToken?: string };
type ErrorBody = { errors: { code: string; message: string; details?: string }[] };

/** A sandbox whose every SP-API answer is also checked against Amazon's models. */
async function checkedSandbox(extra: Parameters<typeof makeSandbox>[0] = {}) {
  const check = createResponseCheck();
  const t = await makeSandbox({ enforceRateLimits: false, onResponse: check.onResponse, ...extra });
  return Object.assign(t, { violations: () => check.violations() });
}

/** createFeed for an uploaded document, as a raw fetch: a dropped connection shows as a rejection. */
async function createFeedRequest(t: TestSandbox): Promise<() => Promise<Response>> {
  const doc = await createDocument(t);
  expect((await upload(t, doc.url, XML)).status).toBe(200);
  return () =>
    t.call('POST', `${FEEDS}/feeds`, {
      feedType: ACK_FEED,
      marketplaceIds: [US],
      inputFeedDocumentId: doc.feedDocumentId,
    });
}

const control = (t: TestSandbox, path: string, body: unknown) =>
  t.sandbox.fetch(
    new Request(`${BASE}/_sandbox/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

describe("Amazon's time in the sandbox", () => {
  it('dates every answer (SP-API, errors, LWA, documents) with the sandbox clock', async () => {
    const t = await checkedSandbox();
    const date = new Date(ANCHOR).toUTCString();
    const doc = await createDocument(t);
    const uploaded = await upload(t, doc.url, XML);
    expect(uploaded.headers.get('date')).toBe(date);
    const lwa = await t.sandbox.fetch(
      new Request('https://api.amazon.com/auth/o2/token', { method: 'POST', body: 'grant_type=x' }),
    );
    expect(lwa.headers.get('date')).toBe(date);
    const missing = await t.get(`${FEEDS}/feeds/1`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('date')).toBe(date);
    t.clock.advance(1_500);
    const feeds = await t.get(`${FEEDS}/feeds?feedTypes=${ACK_FEED}`);
    expect(feeds.headers.get('date')).toBe(new Date(ANCHOR + 1_000).toUTCString());
    expect(t.violations()).toEqual([]);
  });

  it('shifts Amazon time by a clock offset: Date headers, feed createdTime and order searches', async () => {
    const t = await checkedSandbox();
    t.sandbox.setClockOffset(SIX_MINUTES);
    expect(t.sandbox.clockOffsetMs()).toBe(SIX_MINUTES);
    expect(t.sandbox.clock.now()).toBe(ANCHOR + SIX_MINUTES);
    const feedId = await submitFeed(t, XML);
    const feed = await t.json<FeedBody>(`${FEEDS}/feeds/${feedId}`);
    expect(Date.parse(feed.createdTime)).toBe(ANCHOR + SIX_MINUTES);
    const search = await t.get(`/orders/2026-01-01/orders?createdAfter=${isoAt(ANCHOR - 86_400_000)}`);
    expect(search.headers.get('date')).toBe(new Date(ANCHOR + SIX_MINUTES).toUTCString());
    // Amazon's default createdBefore is its own now − 2 min.
    expect(Date.parse(((await search.json()) as SearchBody).createdBefore!)).toBe(
      ANCHOR + SIX_MINUTES - 120_000,
    );

    // The same through the control route, the way an end-to-end test sets it.
    const routed = await makeSandbox({ control: true });
    const res = await control(routed, 'clock', { offsetMs: -SIX_MINUTES });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ offsetMs: -SIX_MINUTES, nowMs: ANCHOR - SIX_MINUTES });
    expect((await routed.get(`${FEEDS}/feeds/1`)).headers.get('date')).toBe(
      new Date(ANCHOR - SIX_MINUTES).toUTCString(),
    );
    expect((await control(routed, 'clock', { offsetMs: 'soon' })).status).toBe(400);
    expect(t.violations()).toEqual([]);
  });
});

describe('connection faults', () => {
  it('accepts the new fault kinds and stays strict', () => {
    for (const kind of ['drop-before', 'drop-after', 'close-unanswered', 'resend', 'expire-pagination'])
      expect(isSandboxFault({ operation: 'createFeed', kind })).toBe(true);
    expect(isSandboxFault({ kind: '503', count: 2, delayMs: 0 })).toBe(true);
    expect(isSandboxFault({ kind: 'drop-sideways' })).toBe(false);
    expect(isSandboxFault({ kind: 'resend', operation: 7 })).toBe(false);
    expect(isSandboxFault({ kind: 'resend', count: 0 })).toBe(false);
    expect(isSandboxFault({ kind: 'resend', count: 1.5 })).toBe(false);
    expect(isSandboxFault({ kind: 'resend', delayMs: -1 })).toBe(false);
    expect(isSandboxFault({ kind: 'resend', phase: 'after' })).toBe(false);
    expect(isSandboxFault([{ kind: 'resend' }])).toBe(false);
    expect(isSandboxFault(null)).toBe(false);
  });

  it('drop-before: the request never arrives; fetch fails like a browser and nothing is created', async () => {
    const t = await checkedSandbox();
    t.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-before' });
    const error = await (await createFeedRequest(t))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(SandboxConnectionDropped);
    expect((error as Error).message).toBe('Failed to fetch');
    expect((error as SandboxConnectionDropped).phase).toBe('before');
    expect(t.sandbox.feeds()).toHaveLength(0);
    expect(t.sandbox.stats().calls.createFeed).toBeUndefined();
    // The fault is spent: the next createFeed goes through.
    expect((await (await createFeedRequest(t))()).status).toBe(202);
    expect(t.violations()).toEqual([]);
  });

  it('drop-after: the feed is created, then the answer is lost', async () => {
    const t = await checkedSandbox();
    t.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-after' });
    const error = await (await createFeedRequest(t))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as SandboxConnectionDropped).phase).toBe('after');
    expect(t.sandbox.feeds()).toHaveLength(1);
    expect(t.sandbox.stats().calls.createFeed).toBe(1);
    const listed = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}`);
    expect(listed.feeds.map((f) => f.feedId)).toEqual([t.sandbox.feeds()[0]!.feedId]);
    expect(t.violations()).toEqual([]);
  });

  it('resend: the request arrives twice, two feeds are created, the second answer comes back', async () => {
    const t = await checkedSandbox();
    t.sandbox.injectFault({ operation: 'createFeed', kind: 'resend' });
    const res = await (await createFeedRequest(t))();
    expect(res.status).toBe(202);
    const feeds = t.sandbox.feeds();
    expect(feeds).toHaveLength(2);
    expect(feeds.every((f) => f.source === 'createFeed')).toBe(true);
    expect(feeds[0]!.inputFeedDocumentId).toBe(feeds[1]!.inputFeedDocumentId);
    expect(((await res.json()) as { feedId: string }).feedId).toBe(feeds[1]!.feedId);
    expect(t.sandbox.stats().calls.createFeed).toBe(2);
    expect(t.violations()).toEqual([]);
  });
});

describe('searchOrders pagination tokens', () => {
  const ORDERS = '/orders/2026-01-01/orders';
  const query = `createdAfter=${isoAt(ANCHOR - 50 * 86_400_000)}&maxResultsPerPage=5`;
  const expectStale = async (res: Response) => {
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.errors[0]!.code).toBe('InvalidInput');
    expect(body.errors[0]!.message).toMatch(/paginationToken is invalid or has expired/);
  };

  it('expire-pagination invalidates every token issued so far; new searches work', async () => {
    const t = await checkedSandbox({ control: true });
    const first = await t.json<SearchBody>(`${ORDERS}?${query}`);
    const token = encodeURIComponent(first.pagination!.nextToken);
    expect((await t.get(`${ORDERS}?paginationToken=${token}`)).status).toBe(200);
    t.sandbox.injectFault({ kind: 'expire-pagination' });
    await expectStale(await t.get(`${ORDERS}?paginationToken=${token}`));
    const again = await t.json<SearchBody>(`${ORDERS}?${query}`);
    const fresh = encodeURIComponent(again.pagination!.nextToken);
    expect((await t.get(`${ORDERS}?paginationToken=${fresh}`)).status).toBe(200);
    // Through the control route too.
    expect((await control(t, 'faults', { kind: 'expire-pagination' })).status).toBe(200);
    await expectStale(await t.get(`${ORDERS}?paginationToken=${fresh}`));
    expect(t.violations()).toEqual([]);
  });

  it('refuses a token older than 24 hours', async () => {
    const t = await checkedSandbox();
    const first = await t.json<SearchBody>(`${ORDERS}?${query}`);
    const token = encodeURIComponent(first.pagination!.nextToken);
    t.clock.advance(24 * 3600_000 + 1_000);
    await t.refreshToken();
    await expectStale(await t.get(`${ORDERS}?paginationToken=${token}`));
    expect(t.violations()).toEqual([]);
  });
});

describe("another tool's feeds", () => {
  it('are listed by getFeeds like any feed, processed with a clean report, and marked other-tool', async () => {
    const t = await checkedSandbox();
    const ours = await submitFeed(t, XML);
    const { feedId } = t.sandbox.createOtherToolFeed({ marketplaceIds: [US], atMs: ANCHOR - 60_000 });
    const listed = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}`);
    expect(listed.feeds.map((f) => [f.feedId, Date.parse(f.createdTime)])).toEqual([
      [ours, ANCHOR],
      [feedId, ANCHOR - 60_000],
    ]);
    const { feed } = await runFeed(t, feedId);
    expect(feed.processingStatus).toBe('DONE');
    const record = t.sandbox.feeds().find((f) => f.feedId === feedId)!;
    expect(record.source).toBe('other-tool');
    expect(t.sandbox.feeds().find((f) => f.feedId === ours)!.source).toBe('createFeed');
    expect(record.input).toMatch(/<StatusCode>Success<\/StatusCode>/);
    const report = reportResults(record.processingReport!);
    expect(report).toMatchObject({ processed: 1, successful: 1, withError: 0 });
    expect(t.violations()).toEqual([]);
  });

  it('cancels the given orders when asked, through the control route too', async () => {
    const t = await checkedSandbox({ control: true });
    const now = t.clock.now();
    const { plan } = pickOrder(
      t,
      now,
      (p, items) =>
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          items.map((_, i) => i),
        ),
    );
    const marketplaceId = SANDBOX_MARKETPLACES[plan.marketplaceIndex]!.id;
    const res = await control(t, 'other-tool-feed', {
      marketplaceIds: [marketplaceId],
      orderIds: [plan.orderId],
    });
    expect(res.status).toBe(200);
    const { feedId } = (await res.json()) as { feedId: string };
    await runFeed(t, feedId);
    const report = reportResults(t.sandbox.feeds().find((f) => f.feedId === feedId)!.processingReport!);
    expect(report).toMatchObject({ processed: 1, successful: 1, withError: 0 });
    const order = await t.json<{ order: { fulfillment: { fulfillmentStatus: string } } }>(
      `/orders/2026-01-01/orders/${plan.orderId}?includedData=FULFILLMENT`,
    );
    expect(order.order.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    const records = (await (await t.sandbox.fetch(new Request(`${BASE}/_sandbox/feeds`))).json()) as {
      feeds: { feedId: string; source: string }[];
    };
    expect(records.feeds).toEqual([expect.objectContaining({ feedId, source: 'other-tool' })]);
    expect((await control(t, 'other-tool-feed', { marketplaceIds: [] })).status).toBe(400);
    expect((await control(t, 'other-tool-feed', { marketplaceIds: ['NOPE'] })).status).toBe(400);
    expect(t.violations()).toEqual([]);
  });
});

describe('getFeeds filters', () => {
  it('honours createdUntil and marketplaceIds, and carries them in nextToken', async () => {
    const t = await checkedSandbox();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await submitFeed(t, XML, ACK_FEED, [i % 2 === 0 ? US : CA]));
      t.clock.advance(60_000);
    }
    const until = await t.json<FeedsPage>(
      `${FEEDS}/feeds?feedTypes=${ACK_FEED}&createdUntil=${isoAt(ANCHOR + 60_000)}`,
    );
    expect(until.feeds.map((f) => f.feedId)).toEqual([ids[1], ids[0]]);
    const canada = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}&marketplaceIds=${CA}`);
    expect(canada.feeds.map((f) => f.feedId)).toEqual([ids[3], ids[1]]);
    const page1 = await t.json<FeedsPage>(
      `${FEEDS}/feeds?feedTypes=${ACK_FEED}&marketplaceIds=${US}&createdSince=${isoAt(ANCHOR)}&createdUntil=${isoAt(ANCHOR + 180_000)}&pageSize=1`,
    );
    const page2 = await t.json<FeedsPage>(`${FEEDS}/feeds?nextToken=${encodeURIComponent(page1.nextToken!)}`);
    expect([...page1.feeds, ...page2.feeds].map((f) => f.feedId)).toEqual([ids[2], ids[0]]);
    expect(page2.nextToken).toBeUndefined();
    expect(
      (
        await t.get(
          `${FEEDS}/feeds?feedTypes=${ACK_FEED}&createdSince=${isoAt(ANCHOR + 1)}&createdUntil=${isoAt(ANCHOR)}`,
        )
      ).status,
    ).toBe(400);
    expect(
      (await t.get(`${FEEDS}/feeds?feedTypes=${ACK_FEED}&marketplaceIds=${Array(11).fill(US).join(',')}`))
        .status,
    ).toBe(400);
    expect(t.violations()).toEqual([]);
  });
});
