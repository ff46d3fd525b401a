/**
 * The SP-API sandbox: a web-standard fetch handler emulating LWA, Orders API v2026-01-01,
 * Reports API 2021-06-30, Feeds API 2021-06-30 (order acknowledgements) and Listings Items
 * 2021-08-01 (stock) on a seeded data set that evolves with its clock. No Node-only imports:
 * the same handler serves demo mode in the extension's service worker and the Node test server.
 */
import { Hono, type Context } from 'hono';
import { z } from '../zod';
import type { Clock } from '../clock';
import { matchOperation, operationSpec, type OperationName, type OperationSpec } from '../sp-api/operations';
import {
  breakBody,
  FaultQueue,
  isSandboxFault,
  SandboxConnectionDropped,
  type SandboxFault,
} from './fault-queue';
import { createFeedProcessor, ORDER_ACKNOWLEDGEMENT_FEED } from './feed-processor';
import { FeedStore, type FeedTiming, type SandboxFeedRecord } from './feed-store';
import { ListingsItems } from './listings';
import { LwaTokens } from './lwa-tokens';
import type { BuyerRequestRaising } from './buyer-cancel-requests';
import { buildOrderDataset, type OrderDataset } from './order-dataset';
import { hashSeed, mulberry32 } from './prng';
import { RateLimiter } from './rate-limiter';
import { ReportStore, type ReportTiming } from './report-store';
import { otherToolFeedInput, type OtherToolFeedRequest } from './other-tool-feed';
import { getOrder, PaginationTokens, searchOrders } from './search-orders';
import { orderTruthAt, type OrderTruth } from './order-truth';
import { SellerActions } from './seller-actions';
import {
  INTERNAL_FAILURE,
  QUOTA_EXCEEDED,
  s3ErrorXml,
  SandboxHttpError,
  SERVICE_UNAVAILABLE,
  UNAUTHORIZED_EXPIRED,
  UNAUTHORIZED_INVALID,
  type SpApiError,
} from './sp-api-errors';
import { WorldEvents } from './world-events';

export type { SandboxFault } from './fault-queue';
export { SandboxConnectionDropped } from './fault-queue';
export type { OtherToolFeedRequest } from './other-tool-feed';
export type { ReportTiming } from './report-store';
export type { FeedSource, FeedTiming, SandboxFeedRecord } from './feed-store';
export type { OrderTruth, OrderTruthLine } from './order-truth';
export type { BuyerRequestRaising } from './buyer-cancel-requests';

export const SANDBOX_CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.sandbox',
  clientSecret: 'sandbox-client-secret',
  refreshToken: 'Atzr|sandbox-refresh-token',
  sellerId: 'A1SANDBOXSELLER',
};

export interface SandboxOptions {
  clock: Clock;
  seed?: number;
  orderCount?: number;
  anchorMs?: number;
  documentOrigin?: string;
  credentials?: typeof SANDBOX_CREDENTIALS;
  enforceRateLimits?: boolean;
  control?: boolean;
  /**
   * Sees every SP-API response the sandbox gives (not LWA or document downloads), so tests can check
   * each against Amazon's models. `fault` names an injected fault that shaped the response.
   */
  onResponse?: (response: SandboxResponseRecord) => void;
  /** Report queue and processing times (default: about 30 s + 60 s, as Amazon's order reports). */
  reportTiming?: ReportTiming;
  /** Feed queue and processing times (default: about 30 s + 60 s). */
  feedTiming?: FeedTiming;
  /**
   * Buyers ask to cancel open orders at a seeded pace as the clock advances (several languages, one
   * reason with markup, one on a 6-line order, one on a Seller Fulfilled Prime order); off by default
   * so the simulator's seeds keep their worlds. Demo mode turns it on with open requests of given ages.
   */
  buyerCancellationRequests?: BuyerRequestRaising;
  /**
   * Whether the by-last-update order report carries is-buyer-requested-cancellation and
   * buyer-requested-cancel-reason (default true; sellers can remove the columns). The by-order-date
   * report never does.
   */
  buyerCancelReportColumns?: boolean;
}

export interface SandboxResponseRecord {
  readonly operation: string;
  readonly status: number;
  readonly body: unknown;
  readonly fault?: SandboxFault['kind'];
}

export interface SandboxStats {
  /** SP-API calls by operation name (every call that reached an operation, whatever its status). */
  calls: Record<string, number>;
  total: number;
  /** Calls that are not SP-API operations. */
  other: { lwaToken: number; documentDownload: number; documentUpload: number };
}

export interface Sandbox {
  /**
   * Rejects with a SandboxConnectionDropped (a TypeError "Failed to fetch", like a browser's fetch)
   * when a drop fault cuts the connection.
   */
  fetch(request: Request): Promise<Response>;
  /** Amazon's time: the clock the sandbox was given, shifted by the clock offset. */
  readonly clock: Clock;
  /** Queues a fault; expire-pagination takes effect at once instead. */
  injectFault(fault: SandboxFault): void;
  /** Shifts Amazon's time by offsetMs from the given clock (Date headers, createdTime, order times). */
  setClockOffset(offsetMs: number): void;
  clockOffsetMs(): number;
  /** Every searchOrders paginationToken issued so far stops working. */
  expirePaginationTokens(): void;
  /** A feed as if another of the seller's tools had submitted it; listed by getFeeds like any feed. */
  createOtherToolFeed(request: OtherToolFeedRequest): { feedId: string };
  revokeRefreshToken(): void;
  stats(): SandboxStats;
  /** The generated data set (read-only; for tests and the benchmark). */
  readonly dataset: OrderDataset;
  /** Every feed created so far, with its decoded input document and processing report. */
  feeds(): SandboxFeedRecord[];
  /** The world moving outside the extension, now on Amazon's clock (feeds due by now apply first). */
  world: {
    /**
     * Amazon cancels the order now (as after a payment that failed). False (nothing changed) when it
     * is unknown, not yet created, shipped or partly shipped, already cancelled, or unfulfillable.
     */
    amazonCancelsOrder(orderId: string): boolean;
    /**
     * The seller confirms shipment now in Seller Central: every line not cancelled ships now. False
     * when nothing is left to ship (unknown, pending payment, cancelled, shipped, unfulfillable) or
     * the order is fulfilled by Amazon.
     */
    shipElsewhere(orderId: string): boolean;
    /** The buyer asks to cancel now (merchant-fulfilled, unshipped, not cancelled, no request yet); else false. */
    buyerRequestsCancel(orderId: string): boolean;
    /**
     * The buyer withdraws the open cancellation request now: it disappears from the order's lines
     * while lastUpdatedTime stays, so searchOrders by lastUpdatedAfter never shows it and only a
     * getOrder re-read does. False when there is no open request (or the order is Amazon-fulfilled).
     */
    buyerWithdrawsRequest(orderId: string): boolean;
  };
  /** Every access token issued so far is expired from now on (403 Unauthorized, expired token, until a new one). */
  expireAccessTokens(): void;
  /** Drops every queued fault (the simulator's quiet tail). */
  clearFaults(): void;
  /** Amazon's view of an order at atMs (default: now on Amazon's clock); undefined if unknown or not yet created. */
  orderTruth(orderId: string, atMs?: number): OrderTruth | undefined;
}

interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (c: Context, origin: string) => Outcome | Promise<Outcome>;

/** Marks a response whose connection a drop fault cuts; the fetch wrapper turns it into a rejection. */
const DROP_HEADER = 'x-sandbox-drop';

/** HTTP-date (RFC 9110 IMF-fixdate), whole seconds, as Amazon's Date header. */
function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Control-route body of POST /_sandbox/other-tool-feed. */
const otherToolFeedBodySchema = z.strictObject({
  feedType: z.string().min(1).optional(),
  marketplaceIds: z.array(z.string()).min(1).max(25),
  atMs: z.number().int().optional(),
  orderIds: z.array(z.string()).optional(),
  cancelReason: z.string().optional(),
});

export function createSandbox(options: SandboxOptions): Sandbox {
  const givenClock = options.clock;
  let clockOffsetMs = 0;
  // Amazon's time: everything in the sandbox reads this one, so an offset moves all of it.
  const clock: Clock = {
    now: () => givenClock.now() + clockOffsetMs,
    sleep: (ms, signal) => givenClock.sleep(ms, signal),
  };
  const paginationTokens = new PaginationTokens();
  const seed = options.seed ?? 1;
  const credentials = options.credentials ?? SANDBOX_CREDENTIALS;
  const dataset = buildOrderDataset(
    seed,
    options.orderCount ?? 300,
    options.anchorMs ?? clock.now(),
    options.buyerCancellationRequests,
  );
  const lwa = new LwaTokens(clock, credentials, seed);
  const limiter = new RateLimiter(clock);
  const faults = new FaultQueue();
  const reports = new ReportStore(clock, dataset, seed, options.reportTiming, {
    buyerCancelColumns: options.buyerCancelReportColumns ?? true,
  });
  const actions = new SellerActions(dataset);
  const feeds = new FeedStore(
    clock,
    createFeedProcessor(dataset, actions, credentials.sellerId),
    seed,
    options.feedTiming,
  );
  const listings = new ListingsItems(dataset, actions, credentials.sellerId, seed);
  const world = new WorldEvents(dataset, actions, clock, () => feeds.settle());
  const enforce = options.enforceRateLimits ?? true;
  const calls: Record<string, number> = {};
  const other = { lwaToken: 0, documentDownload: 0, documentUpload: 0 };
  const idRandom = mulberry32(hashSeed(seed, 0x7e9));
  const requestId = () => {
    let s = '';
    for (let i = 0; i < 32; i++) s += Math.floor(idRandom() * 16).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };

  const errorBody = (error: SpApiError) => ({ errors: [error] });

  const respondRaw = (
    spec: OperationSpec | undefined,
    id: string,
    outcome: Outcome,
    text?: string,
  ): Response => {
    const headers = new Headers({ 'x-amzn-RequestId': id, ...outcome.headers });
    const s = outcome.status;
    if (spec && ((s >= 200 && s < 300) || s === 400 || s === 404))
      headers.set('x-amzn-RateLimit-Limit', String(spec.rate));
    if (outcome.body === undefined && text === undefined) return new Response(null, { status: s, headers });
    headers.set('content-type', 'application/json');
    return new Response(text ?? JSON.stringify(outcome.body), { status: s, headers });
  };

  /** A response marked so that fetch() cuts the connection instead of answering. */
  const drop = (response: Response, phase: SandboxConnectionDropped['phase']): Response => {
    response.headers.set(DROP_HEADER, phase);
    return response;
  };

  const spApi = (spec: OperationSpec, handler: Handler) => async (c: Context) => {
    const operation = spec.operation;
    // Lost on the way: the sandbox never sees the request, so nothing is counted or processed.
    if (faults.peek(operation)?.kind === 'drop-before') {
      faults.take(operation);
      return drop(new Response(null, { status: 502 }), 'before');
    }
    const taken: { fault?: SandboxFault } = {};
    const first = await serveOnce(spec, handler, c, taken);
    const kind = taken.fault?.kind;
    // A browser resending on a new connection: processed twice, the second answer is what it gets.
    if (kind === 'resend') return serveOnce(spec, handler, c);
    if (kind === 'drop-after') return drop(first, 'after');
    if (kind === 'close-unanswered') return drop(first, 'unanswered');
    return first;
  };

  /**
   * One pass of a request through an operation. `taken` (when given) lets it take a queued fault
   * and says which; a resent copy of a request takes none.
   */
  const serveOnce = async (
    spec: OperationSpec,
    handler: Handler,
    c: Context,
    taken?: { fault?: SandboxFault },
  ): Promise<Response> => {
    const operation = spec.operation;
    const id = requestId();
    const respond = (
      opSpec: OperationSpec | undefined,
      requestId: string,
      outcome: Outcome,
      text?: string,
    ) => {
      options.onResponse?.({
        operation,
        status: outcome.status,
        body: outcome.body,
        ...(taken?.fault ? { fault: taken.fault.kind } : {}),
      });
      return respondRaw(opSpec, requestId, outcome, text);
    };
    calls[operation] = (calls[operation] ?? 0) + 1;
    const tokenState = lwa.check(c.req.header('x-amz-access-token') ?? null);
    if (tokenState !== 'valid') {
      return respond(spec, id, {
        status: 403,
        body: errorBody(tokenState === 'expired' ? UNAUTHORIZED_EXPIRED : UNAUTHORIZED_INVALID),
      });
    }
    const fault = taken ? faults.take(operation) : undefined;
    if (taken) taken.fault = fault;
    if (fault?.kind === '429') {
      const retryAfter = fault.retryAfterSeconds;
      return respond(spec, id, {
        status: 429,
        body: errorBody(QUOTA_EXCEEDED),
        ...(retryAfter === undefined ? {} : { headers: { 'retry-after': String(retryAfter) } }),
      });
    }
    if (fault?.kind === '500') return respond(spec, id, { status: 500, body: errorBody(INTERNAL_FAILURE) });
    if (fault?.kind === '503')
      return respond(spec, id, { status: 503, body: errorBody(SERVICE_UNAVAILABLE) });
    if (fault?.kind === 'slow') await clock.sleep(fault.delayMs ?? 10_000);
    if (enforce && !limiter.take(operation, spec)) {
      return respond(spec, id, { status: 429, body: errorBody(QUOTA_EXCEEDED) });
    }
    let outcome: Outcome;
    try {
      outcome = await handler(c, new URL(c.req.url).origin);
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      outcome = { status: error.status, body: errorBody(error.error) };
    }
    if (fault && outcome.status < 300 && outcome.body !== undefined) {
      if (fault.kind === 'schema-break' || fault.kind === 'unknown-enum') {
        outcome = { ...outcome, body: breakBody(fault.kind, outcome.body) };
      } else if (fault.kind === 'malformed-json') {
        const full = JSON.stringify(outcome.body);
        return respond(spec, id, outcome, full.slice(0, Math.max(1, Math.floor(full.length / 2))));
      }
    }
    return respond(spec, id, outcome);
  };

  const params = (c: Context) => new URL(c.req.url).searchParams;
  const jsonBody = async (c: Context): Promise<unknown> => {
    try {
      return await c.req.json();
    } catch {
      throw new SandboxHttpError(400, {
        code: 'InvalidInput',
        message: 'The request body is not valid JSON.',
        details: '',
      });
    }
  };
  const s3Error = (status: number, code: string, message: string) => {
    const id = requestId().replace(/-/g, '').slice(0, 16).toUpperCase();
    return new Response(s3ErrorXml(code, message, id), {
      status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': id },
    });
  };
  const app = new Hono();

  // Feeds whose processing ended by now take effect before anything is read.
  app.use('*', async (_c, next) => {
    feeds.settle();
    await next();
  });

  app.post('/auth/o2/token', async (c) => {
    other.lwaToken += 1;
    return lwa.handle(c.req.raw);
  });

  /** Serves an SP-API operation at the method and path the operation table gives it. */
  const operation = (name: OperationName, handler: Handler) => {
    const spec = operationSpec(name);
    app.on(spec.method, spec.path.replace(/\{([^}]+)\}/g, ':$1'), spApi(spec, handler));
  };
  const param = (c: Context, name: string) => c.req.param(name) ?? '';

  operation('searchOrders', (c) => ({
    status: 200,
    body: searchOrders(dataset, params(c), clock.now(), paginationTokens),
  }));
  operation('getOrder', (c) => ({
    status: 200,
    body: getOrder(dataset, param(c, 'orderId'), params(c), clock.now()),
  }));
  operation('createReport', async (c) => ({ status: 202, body: reports.create(await jsonBody(c)) }));
  operation('getReports', (c) => ({ status: 200, body: reports.list(params(c)) }));
  operation('getReport', (c) => ({ status: 200, body: reports.get(param(c, 'reportId')) }));
  operation('cancelReport', (c) => {
    reports.cancel(param(c, 'reportId'));
    return { status: 200 };
  });
  operation('getReportDocument', (c, origin) => ({
    status: 200,
    body: reports.document(param(c, 'reportDocumentId'), options.documentOrigin ?? origin),
  }));

  operation('createFeedDocument', async (c, origin) => ({
    status: 201,
    body: feeds.createDocument(await jsonBody(c), options.documentOrigin ?? origin),
  }));
  operation('createFeed', async (c) => ({ status: 202, body: feeds.create(await jsonBody(c)) }));
  operation('getFeeds', (c) => ({ status: 200, body: feeds.list(params(c)) }));
  operation('getFeed', (c) => ({ status: 200, body: feeds.get(param(c, 'feedId')) }));
  operation('cancelFeed', (c) => {
    feeds.cancel(param(c, 'feedId'));
    return { status: 200 };
  });
  operation('getFeedDocument', (c, origin) => ({
    status: 200,
    body: feeds.document(param(c, 'feedDocumentId'), options.documentOrigin ?? origin),
  }));
  operation('patchListingsItem', async (c) => ({
    status: 200,
    body: listings.patch(param(c, 'sellerId'), param(c, 'sku'), params(c), await jsonBody(c), clock.now()),
  }));
  operation('getListingsItem', (c) => ({
    status: 200,
    body: listings.get(param(c, 'sellerId'), param(c, 'sku'), params(c)),
  }));

  app.put('/_sandbox/uploads/:documentId', async (c) => {
    other.documentUpload += 1;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = feeds.upload(
      c.req.param('documentId') ?? '',
      c.req.query('X-Amz-Signature') ?? null,
      c.req.header('content-type') ?? null,
      bytes,
    );
    if (result === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired');
    if (result === 'denied') return s3Error(403, 'AccessDenied', 'Access Denied');
    if (result === 'content-type') {
      return s3Error(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      );
    }
    const id = requestId().replace(/-/g, '').slice(0, 16).toUpperCase();
    return new Response(null, {
      status: 200,
      headers: {
        etag: `"${hashSeed(...bytes.slice(0, 4096)).toString(16)}${bytes.length.toString(16)}"`,
        'x-amz-request-id': id,
      },
    });
  });

  app.get('/_sandbox/feed-documents/:documentId', (c) => {
    other.documentDownload += 1;
    const result = feeds.download(c.req.param('documentId') ?? '', c.req.query('X-Amz-Signature') ?? null);
    if (result === 'expired') return s3Error(403, 'AccessDenied', 'Request has expired');
    if (result === 'denied') return s3Error(403, 'AccessDenied', 'Access Denied');
    const id = requestId().replace(/-/g, '').slice(0, 16).toUpperCase();
    return new Response(result.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'content-type': result.gzip ? 'application/octet-stream' : result.contentType,
        'content-length': String(result.bytes.byteLength),
        'x-amz-request-id': id,
      },
    });
  });

  app.get('/_sandbox/documents/:documentId', (c) => {
    other.documentDownload += 1;
    const id = requestId().replace(/-/g, '').slice(0, 16).toUpperCase();
    const result = reports.download(c.req.param('documentId') ?? '', c.req.query('X-Amz-Signature') ?? null);
    if (result === 'expired' || result === 'denied') {
      return new Response(
        s3ErrorXml('AccessDenied', result === 'expired' ? 'Request has expired' : 'Access Denied', id),
        {
          status: 403,
          headers: { 'content-type': 'application/xml', 'x-amz-request-id': id },
        },
      );
    }
    return new Response(result.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'content-type': result.gzip ? 'application/octet-stream' : 'text/plain;charset=UTF-8',
        'content-length': String(result.bytes.byteLength),
        'x-amz-request-id': id,
      },
    });
  });

  if (options.control) {
    app.post('/_sandbox/clock', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as {
        advanceMs?: unknown;
        setMs?: unknown;
        offsetMs?: unknown;
      };
      const manual = givenClock as Partial<{ advance(ms: number): void; set(ms: number): void }>;
      const moves = typeof body.setMs === 'number' || typeof body.advanceMs === 'number';
      if (moves && (typeof manual.advance !== 'function' || typeof manual.set !== 'function')) {
        return c.json({ error: 'The sandbox runs on the system clock; start it with --manual-clock.' }, 409);
      }
      if (body.offsetMs !== undefined && !Number.isFinite(body.offsetMs)) {
        return c.json({ error: 'offsetMs must be a number of milliseconds.' }, 400);
      }
      if (typeof body.setMs === 'number') manual.set!(body.setMs);
      if (typeof body.advanceMs === 'number') manual.advance!(body.advanceMs);
      if (typeof body.offsetMs === 'number') clockOffsetMs = body.offsetMs;
      return c.json({
        nowMs: clock.now(),
        now: new Date(clock.now()).toISOString(),
        offsetMs: clockOffsetMs,
      });
    });
    app.post('/_sandbox/faults', async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      if (!isSandboxFault(body)) return c.json({ error: 'Expected a SandboxFault JSON object.' }, 400);
      injectFault(body);
      return c.json({ queued: body });
    });
    app.post('/_sandbox/other-tool-feed', async (c) => {
      const body = otherToolFeedBodySchema.safeParse(await c.req.json().catch(() => undefined));
      if (!body.success) {
        return c.json(
          { error: `Expected {marketplaceIds, feedType?, atMs?, orderIds?}: ${body.error.message}` },
          400,
        );
      }
      try {
        return c.json(createOtherToolFeed(body.data));
      } catch (error) {
        if (!(error instanceof SandboxHttpError)) throw error;
        return c.json({ error: error.error.message }, 400);
      }
    });
    app.post('/_sandbox/revoke', (c) => {
      lwa.revoke();
      return c.json({ revoked: true });
    });
    app.get('/_sandbox/stats', (c) => c.json(stats()));
    app.get('/_sandbox/feeds', (c) => c.json({ feeds: feeds.records() }));
  }

  app.notFound((c) => {
    const spec = matchOperation(c.req.method, new URL(c.req.url).pathname);
    return respondRaw(spec, requestId(), {
      status: 404,
      body: errorBody({
        code: 'NotFound',
        message: spec ? `The sandbox does not implement ${spec.operation}.` : 'Resource not found.',
        details: '',
      }),
    });
  });

  function stats(): SandboxStats {
    return {
      calls: { ...calls },
      total: Object.values(calls).reduce((a, b) => a + b, 0),
      other: { ...other },
    };
  }

  function injectFault(fault: SandboxFault): void {
    if (fault.kind === 'expire-pagination') paginationTokens.expireAll();
    else faults.add(fault);
  }

  function createOtherToolFeed(request: OtherToolFeedRequest): { feedId: string } {
    const atMs = request.atMs ?? clock.now();
    const feedType = request.feedType ?? ORDER_ACKNOWLEDGEMENT_FEED;
    return feeds.createOtherToolFeed({
      feedType,
      marketplaceIds: request.marketplaceIds,
      atMs,
      contentType: 'text/xml; charset=UTF-8',
      input: otherToolFeedInput(dataset, credentials.sellerId, { ...request, feedType, atMs }),
    });
  }

  async function fetchWithFaults(request: Request): Promise<Response> {
    const response = await app.fetch(request);
    const dropped = response.headers.get(DROP_HEADER);
    if (dropped === 'before' || dropped === 'after' || dropped === 'unanswered') {
      await response.body?.cancel();
      throw new SandboxConnectionDropped(
        dropped,
        matchOperation(request.method, new URL(request.url).pathname)?.operation ?? '',
      );
    }
    // Every answer says Amazon's time, as Amazon's do (the client measures its clock offset from it).
    try {
      response.headers.set('date', httpDate(clock.now()));
      return response;
    } catch {
      const headers = new Headers(response.headers);
      headers.set('date', httpDate(clock.now()));
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      });
    }
  }

  return {
    fetch: fetchWithFaults,
    clock,
    dataset,
    injectFault,
    setClockOffset: (offsetMs) => {
      clockOffsetMs = offsetMs;
    },
    clockOffsetMs: () => clockOffsetMs,
    expirePaginationTokens: () => paginationTokens.expireAll(),
    createOtherToolFeed,
    feeds: () => feeds.records(),
    revokeRefreshToken: () => lwa.revoke(),
    stats,
    world: {
      amazonCancelsOrder: (orderId) => world.amazonCancelsOrder(orderId),
      shipElsewhere: (orderId) => world.shipElsewhere(orderId),
      buyerRequestsCancel: (orderId) => world.buyerRequestsCancel(orderId),
      buyerWithdrawsRequest: (orderId) => world.buyerWithdrawsRequest(orderId),
    },
    expireAccessTokens: () => lwa.expireAll(),
    clearFaults: () => faults.clear(),
    orderTruth: (orderId, atMs) => {
      // What getOrder would answer now includes feeds processed by now.
      feeds.settle();
      return orderTruthAt(dataset, orderId, atMs ?? clock.now());
    },
  };
}
