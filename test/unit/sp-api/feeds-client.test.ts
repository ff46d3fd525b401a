import { ManualClock } from '../../../lib/clock';
import { createSpApiClient } from '../../../lib/sp-api/client';
import { SpApiError, SpApiNetworkError } from '../../../lib/sp-api/errors';
import {
  BASE_URL,
  CREDENTIALS,
  LWA_URL,
  errorList,
  fakeAmazon,
  json,
  type Handler,
} from './fake-sp-api-transport';

function clientFor(handlers: Handler[]) {
  const clock = new ManualClock(Date.parse('2026-11-20T10:00:00Z'));
  const amazon = fakeAmazon(handlers);
  const client = createSpApiClient({
    transport: amazon.transport,
    clock,
    credentials: CREDENTIALS,
    endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    random: () => 0.5,
    requestTimeoutMs: 0,
  });
  return { client, amazon, clock };
}

const FEED = {
  feedId: '50001',
  feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
  marketplaceIds: ['ATVPDKIKX0DER'],
  createdTime: '2026-11-20T10:00:00Z',
  processingStatus: 'DONE',
  resultFeedDocumentId: 'doc-r',
};

describe('Feeds API client', () => {
  it('creates a document and uploads to its URL with the same content type and no SP-API headers', async () => {
    const { client, amazon } = clientFor([
      () => json({ feedDocumentId: 'doc-1', url: 'https://s3.test/doc-1?sig=x' }, 201),
      () => new Response(null, { status: 200 }),
    ]);
    const doc = await client.createFeedDocument({ contentType: 'text/xml; charset=UTF-8' });
    expect(doc).toEqual({ feedDocumentId: 'doc-1', url: 'https://s3.test/doc-1?sig=x' });
    await client.uploadFeedDocument(doc.url, '<AmazonEnvelope/>', 'text/xml; charset=UTF-8');
    const [create, upload] = amazon.spApiRequests;
    expect(create!.method).toBe('POST');
    expect(await create!.json()).toEqual({ contentType: 'text/xml; charset=UTF-8' });
    expect(upload!.method).toBe('PUT');
    expect(upload!.url).toBe('https://s3.test/doc-1?sig=x');
    expect(upload!.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
    expect(upload!.headers.get('x-amz-access-token')).toBeNull();
    expect(await upload!.text()).toBe('<AmazonEnvelope/>');
  });

  it.each([
    ['a 500', () => errorList(500, 'InternalFailure', 'x')],
    ['a 503', () => errorList(503, 'ServiceUnavailable', 'x')],
    [
      'a network error',
      () => {
        throw new TypeError('fetch failed');
      },
    ],
    ['an unreadable 202', () => json({ nope: true }, 202)],
  ])('never retries createFeed after %s (it may have created a feed)', async (_label, first) => {
    const { client, amazon } = clientFor([first as Handler, () => json({ feedId: 'second' }, 202)]);
    await expect(
      client.createFeed({
        feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
        marketplaceIds: ['X'],
        inputFeedDocumentId: 'd',
      }),
    ).rejects.toBeInstanceOf(Error);
    expect(amazon.spApiRequests).toHaveLength(1);
  });

  it('retries createFeed after a 429 (rejected before processing)', async () => {
    const { client, amazon } = clientFor([
      () => errorList(429, 'QuotaExceeded', 'You exceeded your quota'),
      () => json({ feedId: '50001' }, 202),
    ]);
    const result = await client.createFeed({
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: 'doc-1',
    });
    expect(result).toEqual({ feedId: '50001' });
    expect(amazon.spApiRequests).toHaveLength(2);
    expect(await amazon.spApiRequests[1]!.json()).toEqual({
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: 'doc-1',
    });
  });

  it('surfaces the typed errors', async () => {
    const network = clientFor([
      () => {
        throw new TypeError('reset');
      },
    ]);
    await expect(
      network.client.createFeed({ feedType: 'T', marketplaceIds: ['X'], inputFeedDocumentId: 'd' }),
    ).rejects.toBeInstanceOf(SpApiNetworkError);
    const bad = clientFor([() => errorList(400, 'InvalidInput', 'bad document')]);
    await expect(
      bad.client.createFeed({ feedType: 'T', marketplaceIds: ['X'], inputFeedDocumentId: 'd' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'InvalidInput',
    });
    expect(bad.amazon.spApiRequests).toHaveLength(1);
  });

  it('lists feeds by type and time, pages with nextToken alone, reads a feed and its document', async () => {
    const { client, amazon } = clientFor([
      () => json({ feeds: [FEED], nextToken: 'page-2' }),
      () => json({ feeds: [] }),
      () => json(FEED),
      () => json({ feedDocumentId: 'doc-r', url: 'https://s3.test/doc-r', compressionAlgorithm: 'GZIP' }),
      () => new Response('<AmazonEnvelope/>', { status: 200 }),
      () => new Response(null, { status: 200 }),
    ]);
    const page = await client.getFeeds({
      feedTypes: ['POST_ORDER_ACKNOWLEDGEMENT_DATA'],
      createdSince: '2026-11-20T09:55:00.000Z',
      processingStatuses: ['DONE', 'IN_QUEUE'],
      pageSize: 100,
    });
    expect(page.feeds[0]?.feedId).toBe('50001');
    await client.getFeeds({ nextToken: page.nextToken! });
    expect(await client.getFeed('50001')).toMatchObject({
      processingStatus: 'DONE',
      resultFeedDocumentId: 'doc-r',
    });
    const doc = await client.getFeedDocument('doc-r');
    expect(await client.downloadDocument(doc)).toBe('<AmazonEnvelope/>');
    await client.cancelFeed('50001');
    const urls = amazon.spApiRequests.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual([
      `GET ${BASE_URL}/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA&processingStatuses=DONE,IN_QUEUE&pageSize=100&createdSince=2026-11-20T09%3A55%3A00.000Z`,
      `GET ${BASE_URL}/feeds/2021-06-30/feeds?nextToken=page-2`,
      `GET ${BASE_URL}/feeds/2021-06-30/feeds/50001`,
      `GET ${BASE_URL}/feeds/2021-06-30/documents/doc-r`,
      'GET https://s3.test/doc-r',
      `DELETE ${BASE_URL}/feeds/2021-06-30/feeds/50001`,
    ]);
    await expect(client.getFeeds({})).rejects.toThrow(/feedTypes is required/);
  });

  it('rejects a feed whose shape breaks the model', async () => {
    const { client } = clientFor([() => json({ ...FEED, processingStatus: 'FINISHED' })]);
    await expect(client.getFeed('50001')).rejects.toThrow(/processingStatus/);
  });
});

describe('patchListingsItem', () => {
  it('PATCHes the SKU (URL-encoded) with marketplaceIds and reads the submission response', async () => {
    const { client, amazon } = clientFor([
      () =>
        json({
          sku: 'A B/1',
          status: 'ACCEPTED',
          submissionId: 's-1',
          issues: [
            {
              code: '99',
              message: 'Heads up',
              severity: 'WARNING',
              attributeNames: ['fulfillment_availability'],
            },
          ],
        }),
    ]);
    const body = {
      productType: 'PRODUCT',
      patches: [
        {
          op: 'replace' as const,
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }],
        },
      ],
    };
    const response = await client.patchListingsItem('A1SELLER', 'A B/1', ['ATVPDKIKX0DER'], body);
    expect(response).toMatchObject({
      status: 'ACCEPTED',
      submissionId: 's-1',
      issues: [{ severity: 'WARNING' }],
    });
    const [request] = amazon.spApiRequests;
    expect(request!.method).toBe('PATCH');
    expect(request!.url).toBe(
      `${BASE_URL}/listings/2021-08-01/items/A1SELLER/A%20B%2F1?marketplaceIds=ATVPDKIKX0DER`,
    );
    expect(await request!.json()).toEqual(body);
  });

  it('refuses a body without patches before sending', async () => {
    const { client, amazon } = clientFor([() => json({})]);
    await expect(
      client.patchListingsItem('S', 'K', ['M'], { productType: 'PRODUCT', patches: [] }),
    ).rejects.toThrow(RangeError);
    expect(amazon.spApiRequests).toHaveLength(0);
  });

  it('turns an error status into SpApiError', async () => {
    const { client } = clientFor([() => errorList(400, 'InvalidInput', 'Unknown SKU')]);
    await expect(
      client.patchListingsItem('S', 'K', ['M'], {
        productType: 'PRODUCT',
        patches: [{ op: 'delete', path: '/x' }],
      }),
    ).rejects.toBeInstanceOf(SpApiError);
  });
});
