import { gzipSync, strToU8 } from 'fflate';
import { ManualClock } from '../../../lib/clock';
import { createSpApiClient, type Transport } from '../../../lib/sp-api/client';
import { LwaError, SpApiError, SpApiNetworkError, SpApiSchemaError } from '../../../lib/sp-api/errors';
import {
  BASE_URL,
  CREDENTIALS,
  errorList,
  fakeAmazon,
  json,
  LWA_URL,
  type Handler,
} from './fake-sp-api-transport';
import { v2026OrderJson } from './v2026-order-fixture';

const NOW = Date.parse('2026-11-26T10:00:00Z');

function clientWith(handlers: Handler[], lwa?: Handler, random = () => 0.5) {
  const amazon = fakeAmazon(handlers, lwa);
  const clock = new ManualClock(NOW);
  const client = createSpApiClient({
    transport: amazon.transport,
    clock,
    credentials: CREDENTIALS,
    endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    random,
    userAgent: 'OrderManager/0.1 (Language=JavaScript)',
  });
  return { client, clock, ...amazon };
}

const page =
  (orders: unknown[], extra: Record<string, unknown> = {}) =>
  () =>
    json({ orders, pagination: { nextToken: 'NEXT' }, lastUpdatedBefore: '2026-11-26T09:58:00Z', ...extra });

describe('SP-API client: searchOrders', () => {
  it('sends SP-API headers, comma-separated arrays and the default includedData', async () => {
    const { client, spApiRequests } = clientWith([page([v2026OrderJson()])]);
    const result = await client.searchOrders({
      lastUpdatedAfter: '2026-11-25T00:00:00Z',
      marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
      fulfillmentStatuses: ['UNSHIPPED', 'PARTIALLY_SHIPPED'],
      maxResultsPerPage: 100,
    });
    const request = spApiRequests[0]!;
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`${BASE_URL}/orders/2026-01-01/orders`);
    expect(url.search).toContain('marketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2');
    expect(url.search).toContain('fulfillmentStatuses=UNSHIPPED,PARTIALLY_SHIPPED');
    expect(url.searchParams.get('includedData')).toBe('PROCEEDS,FULFILLMENT,CANCELLATION,PACKAGES');
    expect(url.searchParams.get('lastUpdatedAfter')).toBe('2026-11-25T00:00:00Z');
    expect(url.searchParams.has('createdAfter')).toBe(false);
    expect(request.headers.get('x-amz-access-token')).toMatch(/^Atza\|/);
    expect(request.headers.get('x-amz-date')).toBe('20261126T100000Z');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.has('authorization')).toBe(false);
    expect(result.orders).toHaveLength(1);
    expect(result.nextToken).toBe('NEXT');
    expect(result.lastUpdatedBefore).toBe('2026-11-26T09:58:00Z');
    expect(client.calls).toMatchObject({ total: 1, byOperation: { searchOrders: 1 }, lwa: 1, documents: 0 });
  });

  it('rejects a bad order of a page while keeping the good ones', async () => {
    const bad = v2026OrderJson({
      orderId: '113-0000000-0000002',
      fulfillment: { fulfillmentStatus: 'ON_THE_MOON' },
    });
    const { client } = clientWith([
      page([v2026OrderJson(), bad, v2026OrderJson({ orderId: '113-0000000-0000003', newAmazonField: 1 })]),
    ]);
    const result = await client.searchOrders({ createdAfter: '2026-11-01T00:00:00Z' });
    expect(result.orders.map((o) => o.orderId)).toEqual(['113-1234567-1234567', '113-0000000-0000003']);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.orderId).toBe('113-0000000-0000002');
    expect(result.rejected[0]?.reason).toContain('fulfillment.fulfillmentStatus');
    expect(result.rejected[0]?.raw).toEqual(bad);
  });

  it('fails the whole page with a clear message when the envelope is broken', async () => {
    const { client } = clientWith([() => json({ order: [] })]);
    const error = await client
      .searchOrders({ createdAfter: '2026-11-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpApiSchemaError);
    expect((error as Error).message).toMatch(/^searchOrders: .*orders: /);
  });

  it('reports a non-JSON body as a schema error', async () => {
    const { client } = clientWith([() => new Response('<html>oops</html>', { status: 200 })]);
    await expect(client.getOrder('1')).rejects.toThrow(/getOrder: .*not JSON/);
  });

  it('refuses contradictory date filters before spending a call', async () => {
    const { client, spApiRequests } = clientWith([page([])]);
    await expect(
      client.searchOrders({ createdAfter: '2026-11-01T00:00:00Z', lastUpdatedAfter: '2026-11-01T00:00:00Z' }),
    ).rejects.toThrow(RangeError);
    await expect(client.searchOrders({})).rejects.toThrow(RangeError);
    expect(spApiRequests).toHaveLength(0);
  });
});

describe('SP-API client: errors and retries', () => {
  it('carries Amazon code, message, details and request id', async () => {
    const { client } = clientWith([
      () =>
        new Response(
          JSON.stringify({ errors: [{ code: 'InvalidInput', message: 'Invalid date', details: 'd' }] }),
          {
            status: 400,
            headers: { 'x-amzn-RequestId': 'abc-123' },
          },
        ),
    ]);
    const error = (await client
      .searchOrders({ createdAfter: 'yesterday' })
      .catch((e: unknown) => e)) as SpApiError;
    expect(error).toBeInstanceOf(SpApiError);
    expect(error).toMatchObject({
      operation: 'searchOrders',
      status: 400,
      code: 'InvalidInput',
      amazonMessage: 'Invalid date',
      details: 'd',
      requestId: 'abc-123',
    });
    expect(error.message).toContain('abc-123');
    expect(client.calls.total).toBe(1);
  });

  it('retries 429 after draining the bucket, then succeeds', async () => {
    const { client, clock } = clientWith([
      () => errorList(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.'),
      () => json({ order: v2026OrderJson() }),
    ]);
    const order = await client.getOrder('113-1234567-1234567');
    expect(order.orderId).toBe('113-1234567-1234567');
    expect(client.calls.byOperation.getOrder).toBe(2);
    // Backoff 500 ms (jitter 0.5 of 1 s) then the drained getOrder bucket (0.5 rps) still needs 2 s - 0.5 s.
    expect(clock.now() - NOW).toBe(2000);
  });

  it('retries 503 and network errors up to maxAttempts, then throws the last error', async () => {
    let n = 0;
    const { client } = clientWith([
      () => {
        n += 1;
        if (n % 2) throw new TypeError('fetch failed');
        return errorList(503, 'ServiceUnavailable', 'down');
      },
    ]);
    const error = await client.getReport('R1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpApiNetworkError);
    expect(client.calls.byOperation.getReport).toBe(5);
  });

  it('does not retry 400 or 404', async () => {
    const { client } = clientWith([() => errorList(404, 'NotFound', 'No report')]);
    await expect(client.getReport('nope')).rejects.toMatchObject({ status: 404, code: 'NotFound' });
    expect(client.calls.total).toBe(1);
  });

  it('after a 403 throws at once and the next call exchanges a new token', async () => {
    const { client, requests, spApiRequests } = clientWith([
      () => errorList(403, 'Unauthorized', 'Access to requested resource is denied.'),
      () => json({ reports: [] }),
    ]);
    const error = (await client.getReports({ reportTypes: ['X'] }).catch((e: unknown) => e)) as SpApiError;
    expect(error.status).toBe(403);
    expect(error.plainMessage()).toMatch(/Re-authorise the app/);
    await client.getReports({ reportTypes: ['X'] });
    expect(requests.filter((r) => r.url === LWA_URL)).toHaveLength(2);
    expect(spApiRequests[0]?.headers.get('x-amz-access-token')).not.toBe(
      spApiRequests[1]?.headers.get('x-amz-access-token'),
    );
  });

  it('surfaces an LWA refusal as LwaError without the secrets', async () => {
    const { client } = clientWith([page([])], () =>
      json({ error: 'invalid_client', error_description: 'Client authentication failed' }, 401),
    );
    const error = (await client.getReport('R').catch((e: unknown) => e)) as LwaError;
    expect(error).toBeInstanceOf(LwaError);
    expect(error.error).toBe('invalid_client');
    expect(error.message).not.toContain(CREDENTIALS.clientSecret);
    expect(error.plainMessage()).toMatch(/client id or client secret/);
  });

  it('adopts the rate Amazon announces in x-amzn-RateLimit-Limit', async () => {
    const { client, clock } = clientWith([
      () => json({ reports: [] }, 200, { 'x-amzn-RateLimit-Limit': '1' }),
    ]);
    for (let i = 0; i < 10; i++) await client.getReports({ reportTypes: ['X'] });
    expect(clock.now()).toBe(NOW);
    await client.getReports({ reportTypes: ['X'] });
    expect(clock.now() - NOW).toBe(1000); // 1 rps instead of the seeded 0.0222 rps (45 s)
  });
});

describe('SP-API client: reports', () => {
  it('creates a report with a JSON body and reads the 202 answer', async () => {
    const { client, spApiRequests } = clientWith([() => json({ reportId: 'R-1' }, 202)]);
    const result = await client.createReport({
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-11-01T00:00:00Z',
    });
    expect(result).toEqual({ reportId: 'R-1' });
    const request = spApiRequests[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-11-01T00:00:00Z',
    });
  });

  it('parses getReport strictly: an unknown processingStatus is a schema error', async () => {
    const report = {
      reportId: 'R-1',
      reportType: 'T',
      createdTime: '2026-11-26T09:00:00Z',
      processingStatus: 'DONE',
      reportDocumentId: 'D-1',
    };
    const { client } = clientWith([() => json(report), () => json({ ...report, processingStatus: 'MAYBE' })]);
    expect((await client.getReport('R-1')).reportDocumentId).toBe('D-1');
    await expect(client.getReport('R-1')).rejects.toThrow(/getReport: .*processingStatus/);
  });

  it('sends nextToken alone to getReports', async () => {
    const { client, spApiRequests } = clientWith([() => json({ reports: [], nextToken: 'T2' })]);
    await client.getReports({ reportTypes: ['A', 'B'], pageSize: 5 });
    await client.getReports({ reportTypes: ['A'], nextToken: 'T2' });
    expect(new URL(spApiRequests[0]!.url).search).toBe('?reportTypes=A,B&pageSize=5');
    expect(new URL(spApiRequests[1]!.url).search).toBe('?nextToken=T2');
  });

  it('downloads and gunzips a document without SP-API headers', async () => {
    const docUrl = 'https://docs.test/doc-1?X-Amz-Signature=abc';
    const text = 'amazon-order-id\tsku\n111\tMUG\n';
    const downloads: Request[] = [];
    const transport: Transport = async (request) => {
      if (request.url === LWA_URL) return json({ access_token: 'Atza|t', expires_in: 3600 });
      if (request.url === docUrl) {
        downloads.push(request);
        return new Response(gzipSync(strToU8(text)), { status: 200 });
      }
      return json({ reportDocumentId: 'D-1', url: docUrl, compressionAlgorithm: 'GZIP' });
    };
    const client = createSpApiClient({
      transport,
      clock: new ManualClock(NOW),
      credentials: CREDENTIALS,
      endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    });
    const doc = await client.getReportDocument('D-1');
    expect(await client.downloadDocument(doc)).toBe(text);
    expect(downloads[0]?.headers.has('x-amz-access-token')).toBe(false);
    expect(client.calls).toMatchObject({ total: 1, documents: 1, lwa: 1 });
  });

  it('decodes a plain document in the charset the server names', async () => {
    const { client } = clientWith([
      () =>
        new Response(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), {
          headers: { 'content-type': 'text/plain;charset=Cp1252' },
        }),
    ]);
    expect(await client.downloadDocument({ url: 'https://docs.test/x' })).toBe('café');
  });

  it('testConnection exchanges a token and makes one getReports call of page size 1', async () => {
    const { client, spApiRequests } = clientWith([() => json({ reports: [] })]);
    const result = await client.testConnection(['ATVPDKIKX0DER']);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Amazon accepted the credentials/);
    expect(spApiRequests).toHaveLength(1);
    const url = new URL(spApiRequests[0]!.url);
    expect(url.pathname).toBe('/reports/2021-06-30/reports');
    expect(url.searchParams.get('pageSize')).toBe('1');
    expect(client.calls).toMatchObject({ total: 1, byOperation: { getReports: 1 }, lwa: 1 });
  });
});
