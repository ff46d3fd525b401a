/**
 * What Chromium itself does when a kept-alive connection closes after the server took a POST but
 * before it answered: it sends the POST again on a new connection, and fetch never learns of it.
 * For createFeed (no idempotency key) that is two feeds from one fetch call, which is why the
 * outbox can never assume "one createFeed call, at most one feed".
 */
import { chromium, type Browser } from 'playwright-core';
import { SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/node-server';
import { createResponseCheck } from '../contract/sandbox-response-check';
import { CHROMIUM } from './extension-harness';

const ACK_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
  `  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${SANDBOX_CREDENTIALS.sellerId}</MerchantIdentifier></Header>\n` +
  '  <MessageType>OrderAcknowledgement</MessageType>\n' +
  '  <Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>999-9999999-9999999</AmazonOrderID>' +
  '<StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>' +
  '<CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message>\n</AmazonEnvelope>\n';

/** What the page's one createFeed fetch call returned. */
type FetchOutcome = { status: number; body: string } | { error: string };

let server: SandboxServer;
let browser: Browser;
let check: ReturnType<typeof createResponseCheck>;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  check = createResponseCheck();
  server = await startSandboxServer({ port: 0, onResponse: check.onResponse });
});
afterEach(async () => {
  await server?.close();
});

/** From a page on the sandbox's origin: token, feed document, upload, then one createFeed fetch with the fault queued. */
async function createFeedFromPage(
  kind: 'close-unanswered' | 'drop-before' | 'drop-after',
): Promise<FetchOutcome> {
  const page = await browser.newPage();
  // Same origin as the API, so fetch needs no CORS and every call can share one connection.
  await page.goto(`${server.url}/_sandbox/stats`);
  const outcome = await page.evaluate(
    async ({ credentials, xml, kind }): Promise<FetchOutcome> => {
      // Warms the kept-alive connection; every call below is sent on it, one after another.
      await (await fetch('/_sandbox/stats')).text();
      const lwa = await fetch('/auth/o2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          refresh_token: credentials.refreshToken,
        }),
      });
      const { access_token: token } = (await lwa.json()) as { access_token: string };
      const headers = { 'x-amz-access-token': token, 'content-type': 'application/json' };
      const docResponse = await fetch('/feeds/2021-06-30/documents', {
        method: 'POST',
        headers,
        body: JSON.stringify({ contentType: 'text/xml; charset=UTF-8' }),
      });
      const doc = (await docResponse.json()) as { feedDocumentId: string; url: string };
      const put = await fetch(doc.url, {
        method: 'PUT',
        headers: { 'content-type': 'text/xml; charset=UTF-8' },
        body: xml,
      });
      if (put.status !== 200) return { error: `upload failed with ${put.status}` };
      await (
        await fetch('/_sandbox/faults', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ operation: 'createFeed', kind }),
        })
      ).text();
      try {
        const created = await fetch('/feeds/2021-06-30/feeds', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
            marketplaceIds: ['ATVPDKIKX0DER'],
            inputFeedDocumentId: doc.feedDocumentId,
          }),
        });
        return { status: created.status, body: await created.text() };
      } catch (error) {
        return { error: String(error) };
      }
    },
    { credentials: SANDBOX_CREDENTIALS, xml: ACK_XML, kind },
  );

  await page.close();
  return outcome;
}

describe('Chromium resends a request whose kept-alive connection closed unanswered', () => {
  it(
    'one fetch of createFeed reaches the sandbox twice and creates two feeds',
    { timeout: 30_000 },
    async () => {
      const outcome = await createFeedFromPage('close-unanswered');
      const feeds = server.sandbox.feeds();
      // Chromium's resend: the sandbox got createFeed twice and made a feed of each.
      expect(server.sandbox.stats().calls.createFeed).toBe(2);
      expect(feeds).toHaveLength(2);
      expect(feeds.every((f) => f.source === 'createFeed')).toBe(true);
      expect(feeds[0]!.inputFeedDocumentId).toBe(feeds[1]!.inputFeedDocumentId);
      // fetch itself saw nothing wrong: it returned the answer to the resent request.
      expect(outcome).toEqual({ status: 202, body: JSON.stringify({ feedId: feeds[1]!.feedId }) });
      expect(check.violations()).toEqual([]);
    },
  );

  it(
    'a createFeed that never reaches the sandbox stays lost, resend included: fetch fails, no feed',
    { timeout: 30_000 },
    async () => {
      // drop-before on the Node server cuts every copy for a moment (the browser's resend too), as an
      // outage would: the order manager's "never reached Amazon" case.
      const outcome = await createFeedFromPage('drop-before');
      expect(server.sandbox.feeds()).toHaveLength(0);
      expect(outcome).toEqual({ error: expect.stringMatching(/Failed to fetch/) });
      expect(check.violations()).toEqual([]);
    },
  );

  it(
    'an answer cut off part-way is not resent: one feed, no readable answer',
    { timeout: 30_000 },
    async () => {
      const outcome = await createFeedFromPage('drop-after');
      expect(server.sandbox.stats().calls.createFeed).toBe(1);
      expect(server.sandbox.feeds()).toHaveLength(1);
      // Chromium hands over what arrived (or fails the read); either way no feed id can be read.
      const seen = outcome as { status?: number; body?: string; error?: string };
      if (seen.error === undefined) {
        expect(seen.status).toBe(202);
        expect(() => JSON.parse(seen.body ?? '')).toThrow();
      }
    },
  );
});
