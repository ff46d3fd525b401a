import { SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { startSandboxServer, type SandboxServer } from '../../../lib/sandbox/node-server';
import { ACK_FEED, ackXml, XML_CT } from './feed-test-flow';

const XML = ackXml([
  { orderId: '999-9999999-9999999', items: [{ code: '12345678901234', reason: 'NoInventory' }] },
]);

let server: SandboxServer;
beforeEach(async () => {
  server = await startSandboxServer({ port: 0, manualClock: true, enforceRateLimits: false });
});
afterEach(async () => {
  await server.close();
});

async function accessToken(url = server.url): Promise<string> {
  const res = await fetch(`${url}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: SANDBOX_CREDENTIALS.clientId,
      client_secret: SANDBOX_CREDENTIALS.clientSecret,
      refresh_token: SANDBOX_CREDENTIALS.refreshToken,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Uploads a document and returns the createFeed call for it. */
async function prepareCreateFeed(token: string): Promise<() => Promise<Response>> {
  const headers = { 'x-amz-access-token': token, 'content-type': 'application/json' };
  const doc = (await (
    await fetch(`${server.url}/feeds/2021-06-30/documents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ contentType: XML_CT }),
    })
  ).json()) as { feedDocumentId: string; url: string };
  expect(
    (await fetch(doc.url, { method: 'PUT', headers: { 'content-type': XML_CT }, body: XML })).status,
  ).toBe(200);
  return () =>
    fetch(`${server.url}/feeds/2021-06-30/feeds`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        feedType: ACK_FEED,
        marketplaceIds: ['ATVPDKIKX0DER'],
        inputFeedDocumentId: doc.feedDocumentId,
      }),
    });
}

const control = (path: string, body: unknown) =>
  fetch(`${server.url}/_sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('Node sandbox server: connection faults cut the socket', () => {
  it('close-unanswered: processes createFeed, then closes the connection without an answer', async () => {
    const createFeed = await prepareCreateFeed(await accessToken());
    expect((await control('faults', { operation: 'createFeed', kind: 'close-unanswered' })).status).toBe(200);
    await expect(createFeed()).rejects.toThrow(TypeError);
    expect(server.sandbox.feeds()).toHaveLength(1);
    expect(server.sandbox.stats().calls.createFeed).toBe(1);
    // The server goes on answering on new connections.
    expect((await createFeed()).status).toBe(202);
  });

  it('drop-before: closes the connection and processes nothing', async () => {
    const createFeed = await prepareCreateFeed(await accessToken());
    expect((await control('faults', { operation: 'createFeed', kind: 'drop-before' })).status).toBe(200);
    await expect(createFeed()).rejects.toThrow(TypeError);
    expect(server.sandbox.feeds()).toHaveLength(0);
    expect(server.sandbox.stats().calls.createFeed).toBeUndefined();
  });

  it("answers with Amazon's time in the Date header, shifted by POST /_sandbox/clock {offsetMs}", async () => {
    const start = server.clock.now();
    const res = await control('clock', { offsetMs: 6 * 60_000 });
    expect(Date.parse(res.headers.get('date')!)).toBe(Math.floor((start + 6 * 60_000) / 1000) * 1000);
    expect(((await res.json()) as { offsetMs: number }).offsetMs).toBe(6 * 60_000);
  });
});

describe('the sandbox server with buyer requests on', () => {
  it('serves orders with an open buyer cancellation request (for end-to-end tests of the requests view)', async () => {
    const start = Date.parse('2026-11-20T12:00:00Z');
    const withRequests = await startSandboxServer({
      port: 0,
      manualClock: true,
      startMs: start,
      enforceRateLimits: false,
      buyerCancellationRequests: { openAgesHours: [2, 20] },
    });
    try {
      const token = await accessToken(withRequests.url);
      const query = new URLSearchParams({
        marketplaceIds: 'ATVPDKIKX0DER',
        createdAfter: new Date(start - 30 * 86_400_000).toISOString(),
        fulfillmentStatuses: 'UNSHIPPED',
        includedData: 'CANCELLATION,FULFILLMENT',
        maxResultsPerPage: '100',
      });
      const res = await fetch(`${withRequests.url}/orders/2026-01-01/orders?${query}`, {
        headers: { 'x-amz-access-token': token },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        orders: { orderItems: { cancellation?: { cancellationRequest?: unknown } }[] }[];
      };
      const asked = body.orders.filter((order) =>
        order.orderItems.some((item) => item.cancellation?.cancellationRequest),
      );
      expect(asked.length).toBeGreaterThan(0);
    } finally {
      await withRequests.close();
    }
  });
});
