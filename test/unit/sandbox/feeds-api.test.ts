import {
  ACK_FEED,
  ackXml,
  createDocument,
  FEEDS,
  submitFeed,
  upload,
  XML_CT,
  type FeedBody,
} from './feed-test-flow';
import { isoAt, makeSandbox } from './sandbox-test-client';

const XML = ackXml([
  { orderId: '999-9999999-9999999', items: [{ code: '12345678901234', reason: 'NoInventory' }] },
]);
type FeedsPage = { feeds: FeedBody[]; nextToken?: string };

describe('Feeds API operations', () => {
  it('uploads only with the same Content-Type and before the URL expires (S3-style 403 XML)', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const doc = await createDocument(t);
    expect(doc.feedDocumentId).toMatch(/^amzn1\.tortuga\./);
    expect(doc.url).toContain('/_sandbox/uploads/');
    expect(doc.url).toContain('X-Amz-Expires=300');

    const wrongType = await upload(t, doc.url, XML, 'application/xml');
    expect(wrongType.status).toBe(403);
    expect(wrongType.headers.get('content-type')).toBe('application/xml');
    expect(await wrongType.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>/);

    const forged = await upload(t, doc.url.replace(/X-Amz-Signature=\w+/, 'X-Amz-Signature=abc'), XML);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/<Code>AccessDenied<\/Code>/);

    // Not uploaded yet: createFeed refuses the document.
    const early = await t.call('POST', `${FEEDS}/feeds`, {
      feedType: ACK_FEED,
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.feedDocumentId,
    });
    expect(early.status).toBe(400);
    expect(((await early.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /no content/,
    );

    t.clock.advance(5 * 60_000 + 1);
    const late = await upload(t, doc.url, XML);
    expect(late.status).toBe(403);
    expect(await late.text()).toMatch(/Request has expired/);

    const fresh = await createDocument(t);
    t.clock.advance(4 * 60_000);
    expect((await upload(t, fresh.url, XML)).status).toBe(200);
    expect(t.sandbox.stats().other.documentUpload).toBe(4);
  });

  it('validates createFeedDocument and createFeed bodies', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    expect((await t.call('POST', `${FEEDS}/documents`, {})).status).toBe(400);
    const doc = await createDocument(t);
    await upload(t, doc.url, XML);
    const bad = async (body: Record<string, unknown>) =>
      (
        await t.call('POST', `${FEEDS}/feeds`, {
          feedType: ACK_FEED,
          marketplaceIds: ['ATVPDKIKX0DER'],
          inputFeedDocumentId: doc.feedDocumentId,
          ...body,
        })
      ).status;
    expect(await bad({ feedType: '' })).toBe(400);
    expect(await bad({ marketplaceIds: [] })).toBe(400);
    expect(await bad({ marketplaceIds: Array(26).fill('ATVPDKIKX0DER') })).toBe(400);
    expect(await bad({ marketplaceIds: ['NOPE'] })).toBe(400);
    expect(await bad({ inputFeedDocumentId: 'amzn1.tortuga.4.na.unknown' })).toBe(400);
    expect(await bad({ feedOptions: { a: 1 } })).toBe(400);
    expect(await bad({ feedOptions: { a: 'b' } })).toBe(202);
    expect((await t.call('GET', `${FEEDS}/feeds/1`)).status).toBe(404);
    expect((await t.call('GET', `${FEEDS}/documents/unknown`)).status).toBe(404);
  });

  it('cancels a feed only while IN_QUEUE', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const first = await submitFeed(t, XML);
    const cancel = await t.call('DELETE', `${FEEDS}/feeds/${first}`);
    expect(cancel.status).toBe(200);
    expect(cancel.headers.get('x-amzn-RateLimit-Limit')).toBe('2');
    t.clock.advance(120_000);
    const cancelled = await t.json<FeedBody>(`${FEEDS}/feeds/${first}`);
    expect(cancelled.processingStatus).toBe('CANCELLED');
    expect(cancelled.resultFeedDocumentId).toBeUndefined();
    expect(t.sandbox.feeds()[0]!.processingReport).toBeUndefined();

    const second = await submitFeed(t, XML);
    t.clock.advance(31_000);
    const late = await t.call('DELETE', `${FEEDS}/feeds/${second}`);
    expect(late.status).toBe(400);
    expect(((await late.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /IN_PROGRESS/,
    );
    expect((await t.call('DELETE', `${FEEDS}/feeds/424242`)).status).toBe(404);
  });

  it('getFeeds filters by feedTypes, createdSince and status, and pages with nextToken', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const start = t.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await submitFeed(t, XML));
      t.clock.advance(60_000);
    }
    const other = await submitFeed(t, XML, 'POST_ORDER_FULFILLMENT_DATA');
    expect((await t.call('GET', `${FEEDS}/feeds`)).status).toBe(400);
    expect((await t.call('GET', `${FEEDS}/feeds?feedTypes=${ACK_FEED}&pageSize=0`)).status).toBe(400);
    expect((await t.call('GET', `${FEEDS}/feeds?feedTypes=${ACK_FEED}&processingStatuses=LOST`)).status).toBe(
      400,
    );
    expect(
      (
        await t.call(
          'GET',
          `${FEEDS}/feeds?feedTypes=${ACK_FEED}&createdSince=${isoAt(start - 91 * 86_400_000)}`,
        )
      ).status,
    ).toBe(400);

    const all = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}`);
    expect(all.feeds.map((f) => f.feedId)).toEqual([...ids].reverse());
    const since = await t.json<FeedsPage>(
      `${FEEDS}/feeds?feedTypes=${ACK_FEED}&createdSince=${isoAt(start + 150_000)}`,
    );
    expect(since.feeds.map((f) => f.feedId)).toEqual([ids[4], ids[3]]);
    const queued = await t.json<FeedsPage>(
      `${FEEDS}/feeds?feedTypes=${ACK_FEED},POST_ORDER_FULFILLMENT_DATA&processingStatuses=IN_QUEUE,IN_PROGRESS`,
    );
    expect(queued.feeds.map((f) => [f.feedId, f.processingStatus])).toEqual([
      [other, 'IN_QUEUE'],
      [ids[4], 'IN_PROGRESS'],
    ]);
    const done = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}&processingStatuses=DONE`);
    expect(done.feeds.map((f) => f.feedId)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(done.feeds.every((f) => f.processingStatus === 'DONE')).toBe(true);

    const page1 = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}&pageSize=2`);
    expect(page1.feeds).toHaveLength(2);
    expect(page1.nextToken).toBeDefined();
    const page2 = await t.json<FeedsPage>(`${FEEDS}/feeds?nextToken=${encodeURIComponent(page1.nextToken!)}`);
    const page3 = await t.json<FeedsPage>(`${FEEDS}/feeds?nextToken=${encodeURIComponent(page2.nextToken!)}`);
    expect(page3.nextToken).toBeUndefined();
    expect([...page1.feeds, ...page2.feeds, ...page3.feeds].map((f) => f.feedId)).toEqual([...ids].reverse());
    expect(
      (await t.call('GET', `${FEEDS}/feeds?nextToken=${encodeURIComponent(page1.nextToken!)}&pageSize=2`))
        .status,
    ).toBe(400);
  });

  it('rate-limits createFeed: burst 15, then 429 until a token refills (~120 s)', async () => {
    const t = await makeSandbox();
    const doc = await createDocument(t);
    await upload(t, doc.url, XML);
    const create = () =>
      t.call('POST', `${FEEDS}/feeds`, {
        feedType: ACK_FEED,
        marketplaceIds: ['ATVPDKIKX0DER'],
        inputFeedDocumentId: doc.feedDocumentId,
      });
    for (let i = 0; i < 15; i++) {
      const res = await create();
      expect(res.status).toBe(202);
      expect(res.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0083');
      expect(res.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const limited = await create();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-amzn-RateLimit-Limit')).toBeNull();
    expect(((await limited.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('QuotaExceeded');
    t.clock.advance(60_000);
    expect((await create()).status).toBe(429);
    t.clock.advance(61_000);
    expect((await create()).status).toBe(202);
    expect(t.sandbox.stats().calls.createFeed).toBe(18);
    expect(t.sandbox.stats().calls.createFeedDocument).toBe(1);
  });

  it('injects faults into feed operations by operationId', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const feedId = await submitFeed(t, XML);
    t.sandbox.injectFault({ operation: 'getFeed', kind: '503' });
    expect((await t.call('GET', `${FEEDS}/feeds/${feedId}`)).status).toBe(503);
    t.sandbox.injectFault({ operation: 'getFeed', kind: 'schema-break' });
    const broken = await t.json<Record<string, unknown>>(`${FEEDS}/feeds/${feedId}`);
    expect(broken.processingStatus).toBeUndefined();
    t.sandbox.injectFault({ operation: 'getFeeds', kind: 'unknown-enum' });
    const odd = await t.json<FeedsPage>(`${FEEDS}/feeds?feedTypes=${ACK_FEED}`);
    expect(odd.feeds[0]!.processingStatus).toBe('TELEPORTED');
    t.sandbox.injectFault({ operation: 'createFeedDocument', kind: '429' });
    expect((await t.call('POST', `${FEEDS}/documents`, { contentType: XML_CT })).status).toBe(429);
  });
});
