import { ManualClock } from '../../../lib/clock';
import { createSpApiClient, type SpApiClient } from '../../../lib/sp-api/client';
import type { Transport } from '../../../lib/sp-api/transport';
import { v2026OrderJson } from '../sp-api/v2026-order-fixture';

const LWA_URL = 'https://lwa.test/auth/o2/token';
const BASE = 'https://sp.test';
const S3 = 'https://s3.test';

export interface FakeFeed {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  createdTime: string;
  processingStatus: 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';
  inputFeedDocumentId: string;
  content: string;
  resultFeedDocumentId?: string;
  polls: number;
}

export interface FakeFeedsOptions {
  /** Processing report per feed; default: every message succeeds. */
  report?: (feed: FakeFeed) => string | undefined;
  /** Final status once processed (default DONE). */
  finalStatus?: FakeFeed['processingStatus'];
  /** getFeed polls before the feed is processed. */
  pollsUntilDone?: number;
  /** The orders getOrder knows: order id → its lines (item id and quantity). */
  orders?: Record<string, { orderItemId: string; quantity: number; sku?: string }[]>;
  /** Whether a processed feed's clean messages cancel the orders (default true); false = Amazon ignores them. */
  applyCancels?: boolean;
  /** Amazon's clock minus the test clock: its Date headers and feed createdTime follow Amazon's time. */
  amazonOffsetMs?: number;
  /** getFeeds leaves out feeds created less than this long ago (Amazon's listing lags its writes). */
  listingLagMs?: number;
}

const jsonAt =
  (amazonMs: number) =>
  (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-RequestId': `req-${status}`,
        date: new Date(amazonMs).toUTCString(),
      },
    });

/** Amazon's processing report for `messageCount` messages with the given error results. */
export function processingReportXml(
  messageCount: number,
  errors: { messageId: number; code?: string; description: string; orderId?: string }[] = [],
): string {
  const results = errors
    .map(
      (e) =>
        `<Result><MessageID>${e.messageId}</MessageID><ResultCode>Error</ResultCode>` +
        `<ResultMessageCode>${e.code ?? '18028'}</ResultMessageCode><ResultDescription>${e.description.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</ResultDescription>` +
        (e.orderId ? `<AdditionalInfo><AmazonOrderID>${e.orderId}</AmazonOrderID></AdditionalInfo>` : '') +
        '</Result>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:noNamespaceSchemaLocation="amzn-envelope.xsd"><Header><DocumentVersion>1.02</DocumentVersion>' +
    '<MerchantIdentifier>A1SELLER</MerchantIdentifier></Header><MessageType>ProcessingReport</MessageType>' +
    '<Message><MessageID>1</MessageID><ProcessingReport><DocumentTransactionID>50012345678</DocumentTransactionID>' +
    '<StatusCode>Complete</StatusCode><ProcessingSummary>' +
    `<MessagesProcessed>${messageCount}</MessagesProcessed><MessagesSuccessful>${messageCount - errors.length}</MessagesSuccessful>` +
    `<MessagesWithError>${errors.length}</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning>` +
    `</ProcessingSummary>${results}</ProcessingReport></Message></AmazonEnvelope>`
  );
}

/**
 * A stateful stand-in for the Feeds and Listings APIs at the transport: documents, presigned
 * upload URLs that expire after 5 minutes, feeds that finish after a few polls, processing reports.
 * `hooks` let a test fail or "kill" a call at the wire.
 */
export function fakeFeedsAmazon(clock: ManualClock, options: FakeFeedsOptions = {}) {
  const documents = new Map<string, { createdAt: number; content?: string; contentType: string }>();
  const feeds: FakeFeed[] = [];
  const resultDocs = new Map<string, string>();
  const calls: Record<string, number> = {};
  const patches: { sku: string; body: unknown; marketplaceIds: string | null }[] = [];
  const hooks: {
    /** Runs when createFeed arrives: 'create-then-fail' makes the feed and answers with a network error. */
    createFeed?: () =>
      | 'fail-before'
      | 'create-then-fail'
      | '500-after-create'
      | '429'
      | '403'
      | 'resend'
      | 'resend-then-fail'
      | undefined;
    getFeeds?: () => 'fail' | 'endless' | undefined;
    createFeedDocument?: () => '403' | '503' | undefined;
    getOrder?: () => '503' | undefined;
  } = {};
  let counter = 0;
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);

  /** Lines Amazon shows cancelled: order id → item ids. */
  const cancelledLines = new Map<string, Set<string>>();
  const shippedOrders = new Set<string>();

  const amazonNow = () => clock.now() + (options.amazonOffsetMs ?? 0);
  const transport: Transport = async (request) => {
    const json = jsonAt(amazonNow());
    const url = new URL(request.url);
    if (request.url === LWA_URL) {
      return json({ access_token: `Atza|t${++counter}`, token_type: 'bearer', expires_in: 3600 });
    }
    if (url.origin === S3) {
      const id = url.pathname.slice(1);
      if (request.method === 'PUT') {
        count('upload');
        expectNoSpApiHeaders(request);
        const doc = documents.get(id);
        if (!doc || clock.now() - doc.createdAt > 5 * 60_000)
          return new Response('<Error>AccessDenied</Error>', { status: 403 });
        doc.content = await request.text();
        return new Response(null, { status: 200 });
      }
      count('download');
      const text = resultDocs.get(id);
      return text === undefined ? new Response('no', { status: 404 }) : new Response(text, { status: 200 });
    }
    const path = url.pathname;
    if (request.method === 'POST' && path === '/feeds/2021-06-30/documents') {
      count('createFeedDocument');
      const hook = hooks.createFeedDocument?.();
      if (hook)
        return json(
          { errors: [{ code: hook === '403' ? 'Unauthorized' : 'ServiceUnavailable', message: 'refused' }] },
          Number(hook),
        );
      const body = (await request.json()) as { contentType: string };
      const id = `amzn1.tortuga.doc.${++counter}`;
      documents.set(id, { createdAt: clock.now(), contentType: body.contentType });
      return json({ feedDocumentId: id, url: `${S3}/${id}` }, 201);
    }
    if (request.method === 'POST' && path === '/feeds/2021-06-30/feeds') {
      count('createFeed');
      const hook = hooks.createFeed?.();
      if (hook === 'fail-before') throw new TypeError('fetch failed');
      if (hook === '429')
        return json({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota' }] }, 429);
      if (hook === '403')
        return json(
          { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] },
          403,
        );
      const body = (await request.json()) as {
        feedType: string;
        marketplaceIds: string[];
        inputFeedDocumentId: string;
      };
      const doc = documents.get(body.inputFeedDocumentId);
      if (!doc?.content)
        return json({ errors: [{ code: 'InvalidInput', message: 'Document not uploaded' }] }, 400);
      const makeFeed = (): FakeFeed => ({
        feedId: String(50000 + feeds.length),
        feedType: body.feedType,
        marketplaceIds: body.marketplaceIds,
        createdTime: new Date(amazonNow()).toISOString(),
        processingStatus: 'IN_QUEUE',
        inputFeedDocumentId: body.inputFeedDocumentId,
        content: doc.content!,
        polls: 0,
      });
      // A browser-level resend: the same POST reaches Amazon twice; fetch sees the second answer.
      if (hook === 'resend' || hook === 'resend-then-fail') feeds.push(makeFeed());
      const feed = makeFeed();
      feeds.push(feed);
      if (hook === 'resend-then-fail') throw new TypeError('connection reset');
      if (hook === 'create-then-fail') throw new TypeError('connection reset');
      if (hook === '500-after-create')
        return json({ errors: [{ code: 'InternalFailure', message: 'oops' }] }, 500);
      return json({ feedId: feed.feedId }, 202);
    }
    if (request.method === 'GET' && path === '/feeds/2021-06-30/feeds') {
      count('getFeeds');
      const hook = hooks.getFeeds?.();
      if (hook === 'fail') return json({ errors: [{ code: 'InternalFailure', message: 'down' }] }, 500);
      if (hook === 'endless') return json({ feeds: [], nextToken: `page-${++counter}` });
      const types = url.searchParams.get('feedTypes')?.split(',') ?? [];
      const since = Date.parse(url.searchParams.get('createdSince') ?? '1970-01-01T00:00:00Z');
      const until = Date.parse(url.searchParams.get('createdUntil') ?? '2999-01-01T00:00:00Z');
      const markets = url.searchParams.get('marketplaceIds')?.split(',');
      const list = feeds.filter(
        (f) =>
          types.includes(f.feedType) &&
          Date.parse(f.createdTime) >= since &&
          Date.parse(f.createdTime) <= until &&
          Date.parse(f.createdTime) <= amazonNow() - (options.listingLagMs ?? 0) &&
          (!markets || f.marketplaceIds.some((m) => markets.includes(m))),
      );
      return json({ feeds: list.map(feedView) });
    }
    const feedMatch = /^\/feeds\/2021-06-30\/feeds\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && feedMatch) {
      count('getFeed');
      const feed = feeds.find((f) => f.feedId === feedMatch[1]);
      if (!feed) return json({ errors: [{ code: 'NotFound', message: 'no feed' }] }, 404);
      feed.polls += 1;
      if (feed.processingStatus === 'IN_QUEUE' || feed.processingStatus === 'IN_PROGRESS') {
        if (feed.polls > (options.pollsUntilDone ?? 1)) finish(feed);
        else feed.processingStatus = 'IN_PROGRESS';
      }
      return json(feedView(feed));
    }
    const orderMatch = /^\/orders\/2026-01-01\/orders\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && orderMatch) {
      count('getOrder');
      if (hooks.getOrder?.() === '503')
        return json({ errors: [{ code: 'ServiceUnavailable', message: 'down' }] }, 503);
      const orderId = decodeURIComponent(orderMatch[1]!);
      const lines = options.orders?.[orderId];
      if (!lines) return json({ errors: [{ code: 'NotFound', message: 'no order' }] }, 404);
      return json({ order: orderJson(orderId, lines) });
    }
    const docMatch = /^\/feeds\/2021-06-30\/documents\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && docMatch) {
      count('getFeedDocument');
      return json({ feedDocumentId: docMatch[1], url: `${S3}/${docMatch[1]}` });
    }
    const listing = /^\/listings\/2021-08-01\/items\/([^/]+)\/([^/]+)$/.exec(path);
    if (request.method === 'PATCH' && listing) {
      count('patchListingsItem');
      const sku = decodeURIComponent(listing[2]!);
      patches.push({
        sku,
        body: await request.json(),
        marketplaceIds: url.searchParams.get('marketplaceIds'),
      });
      if (sku.startsWith('BAD')) {
        return json({
          sku,
          status: 'INVALID',
          submissionId: `sub-${sku}`,
          issues: [{ code: '90220', message: 'Unknown SKU', severity: 'ERROR' }],
        });
      }
      return json({ sku, status: 'ACCEPTED', submissionId: `sub-${sku}`, issues: [] });
    }
    return json({ errors: [{ code: 'NotFound', message: `${request.method} ${path}` }] }, 404);
  };

  function finish(feed: FakeFeed) {
    feed.processingStatus = options.finalStatus ?? 'DONE';
    if (feed.processingStatus !== 'DONE') return;
    const messages = (feed.content.match(/<MessageID>/g) ?? []).length;
    const report = options.report?.(feed) ?? processingReportXml(messages);
    const id = `amzn1.tortuga.result.${feed.feedId}`;
    resultDocs.set(id, report);
    feed.resultFeedDocumentId = id;
    if (options.applyCancels !== false) applyCancels(feed.content, report);
  }

  /** Cancels the lines of every message the report does not list as an error, as Amazon would. */
  function applyCancels(content: string, report: string) {
    const failed = new Set(
      [...report.matchAll(/<MessageID>(\d+)<\/MessageID><ResultCode>Error/g)].map((m) => m[1]),
    );
    for (const message of content.split('<Message>').slice(1)) {
      const messageId = /<MessageID>(\d+)<\/MessageID>/.exec(message)?.[1];
      const orderId = /<AmazonOrderID>([^<]+)<\/AmazonOrderID>/.exec(message)?.[1];
      if (!messageId || !orderId || failed.has(messageId) || shippedOrders.has(orderId)) continue;
      const lines = cancelledLines.get(orderId) ?? new Set<string>();
      for (const item of message.matchAll(/<AmazonOrderItemCode>([^<]+)<\/AmazonOrderItemCode>/g))
        lines.add(item[1]!);
      cancelledLines.set(orderId, lines);
    }
  }

  function orderJson(orderId: string, lines: { orderItemId: string; quantity: number; sku?: string }[]) {
    const cancelled = cancelledLines.get(orderId) ?? new Set<string>();
    const shipped = shippedOrders.has(orderId);
    const allCancelled = lines.every((line) => cancelled.has(line.orderItemId));
    return v2026OrderJson({
      orderId,
      fulfillment: {
        fulfillmentStatus: shipped ? 'SHIPPED' : allCancelled ? 'CANCELLED' : 'UNSHIPPED',
        fulfilledBy: 'MERCHANT',
        fulfillmentServiceLevel: 'STANDARD',
      },
      orderItems: lines.map((line) => ({
        orderItemId: line.orderItemId,
        quantityOrdered: line.quantity,
        product: {
          asin: 'B000TEST01',
          title: `Item ${line.orderItemId}`,
          ...(line.sku ? { sellerSku: line.sku } : {}),
        },
        fulfillment: {
          quantityFulfilled: shipped ? line.quantity : 0,
          quantityUnfulfilled: shipped || cancelled.has(line.orderItemId) ? 0 : line.quantity,
        },
        ...(cancelled.has(line.orderItemId)
          ? {
              cancellation: {
                cancellationExecution: { cancelledBy: 'MERCHANT', cancelReason: 'NoInventory' },
              },
            }
          : {}),
      })),
    });
  }

  function feedView(feed: FakeFeed) {
    return {
      feedId: feed.feedId,
      feedType: feed.feedType,
      marketplaceIds: feed.marketplaceIds,
      createdTime: feed.createdTime,
      processingStatus: feed.processingStatus,
      ...(feed.resultFeedDocumentId ? { resultFeedDocumentId: feed.resultFeedDocumentId } : {}),
    };
  }

  /** Another tool of the seller creating a feed of the same type. */
  function foreignFeed(feedType: string, marketplaceIds: string[], atMs = amazonNow(), content = '') {
    feeds.push({
      feedId: String(90000 + feeds.length),
      feedType,
      marketplaceIds,
      createdTime: new Date(atMs).toISOString(),
      processingStatus: 'IN_QUEUE',
      inputFeedDocumentId: 'elsewhere',
      content,
      polls: 0,
    });
  }

  function client(): SpApiClient {
    return createSpApiClient({
      transport,
      clock,
      credentials: { clientId: 'id', clientSecret: 'secret', refreshToken: 'Atzr|r' },
      endpoints: { spApiBaseUrl: BASE, lwaTokenUrl: LWA_URL },
      random: () => 0.5,
      requestTimeoutMs: 0,
    });
  }

  /** The seller shipped the order elsewhere (Seller Central): Amazon now shows it shipped. */
  function shipOrder(orderId: string) {
    shippedOrders.add(orderId);
  }

  return {
    transport,
    client,
    feeds,
    calls,
    hooks,
    patches,
    documents,
    foreignFeed,
    shipOrder,
    cancelledLines,
    amazonNow,
  };
}

function expectNoSpApiHeaders(request: Request) {
  if (request.headers.get('x-amz-access-token')) throw new Error('SP-API token sent to the upload URL');
}
