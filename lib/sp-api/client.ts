import { gunzipSync } from 'fflate';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { OrderStatus } from '../domain/order';
import { errorMessage } from '../error-message';
import { describeIssues, LwaError, SpApiError, SpApiNetworkError, SpApiSchemaError } from './errors';
import { createLwaTokenProvider } from './lwa-token';
import {
  concretePath,
  operationSpec,
  type OperationName,
  type PathParams,
  type ResponseOf,
} from './operations';
import { RateLimiter } from './rate-limiter';
import {
  attachRetryAfter,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  parseRetryAfterMs,
  retryDelayMs,
  withRetry,
  type RetryPolicy,
} from './retry-policy';
import { errorListSchema } from './schemas/errors';
import {
  createFeedDocumentSpecificationSchema,
  createFeedSpecificationSchema,
  type CreateFeedDocumentResponse,
  type CreateFeedSpecification,
  type Feed,
  type FeedDocument,
  type FeedProcessingStatus,
  type GetFeedsResponse,
} from './schemas/feeds';
import {
  listingsItemPatchRequestSchema,
  type ListingsItemPatchRequest,
  type ListingsItemSubmissionResponse,
} from './schemas/listings';
import { v2026OrderSchema, type FulfilledBy, type IncludedData, type V2026Order } from './schemas/orders';
import {
  createReportSpecificationSchema,
  type CreateReportSpecification,
  type GetReportsResponse,
  type ProcessingStatus,
  type Report,
  type ReportDocument,
} from './schemas/reports';
import type { Transport } from './transport';

export type { Transport } from './transport';

export interface SpApiClientOptions {
  transport: Transport;
  clock: Clock;
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
  endpoints: { spApiBaseUrl: string; lwaTokenUrl: string };
  random?: () => number;
  maxAttempts?: number;
  /** Retry backoff base and cap; defaults 1 s and 60 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  userAgent?: string;
  /** Real-time limit for one HTTP exchange; a hung request becomes a retryable network error. 0 = none. */
  requestTimeoutMs?: number;
}

export interface SearchOrdersParams {
  createdAfter?: string;
  createdBefore?: string;
  lastUpdatedAfter?: string;
  lastUpdatedBefore?: string;
  fulfillmentStatuses?: readonly OrderStatus[];
  marketplaceIds?: readonly string[];
  fulfilledBy?: readonly FulfilledBy[];
  maxResultsPerPage?: number;
  paginationToken?: string;
  /** Defaults to DEFAULT_INCLUDED_DATA; pass [] to ask for the bare orders. */
  includedData?: readonly IncludedData[];
}

export interface RejectedOrder {
  raw: unknown;
  orderId?: string;
  reason: string;
}

export interface SearchOrdersPage {
  orders: V2026Order[];
  /** Orders of the page that failed the schema; the good ones are still in `orders`. */
  rejected: RejectedOrder[];
  nextToken?: string;
  lastUpdatedBefore?: string;
  createdBefore?: string;
  requestId?: string;
}

export interface GetReportsParams {
  reportTypes?: readonly string[];
  processingStatuses?: readonly ProcessingStatus[];
  marketplaceIds?: readonly string[];
  pageSize?: number;
  createdSince?: string;
  createdUntil?: string;
  /** When set, it is sent alone: Amazon fails a getReports call that mixes it with filters. */
  nextToken?: string;
}

export interface GetFeedsParams {
  feedTypes?: readonly string[];
  marketplaceIds?: readonly string[];
  processingStatuses?: readonly FeedProcessingStatus[];
  pageSize?: number;
  createdSince?: string;
  createdUntil?: string;
  /** When set, it is sent alone, as Amazon requires. */
  nextToken?: string;
}

export interface SpApiCallCounts {
  /** SP-API operation calls sent, retries included. */
  total: number;
  byOperation: Record<string, number>;
  /** LWA token exchanges sent. */
  lwa: number;
  /** Report document downloads sent. */
  documents: number;
}

/**
 * Amazon's time as measured from the `Date` header of its answers. Records compared with Amazon's
 * own times (a feed's createdTime) must use it: the seller's clock may be minutes off.
 */
export interface AmazonClock {
  /**
   * Amazon's time now: the local clock plus offsetMs (the local clock alone until a measurement).
   * Never later than Amazon's real time: the Date header is rounded down to the second and was made
   * before the answer arrived, so a query "created since amazonClock.now()" cannot miss a feed.
   */
  now(): number;
  /** Amazon's Date minus the local time the answer arrived, from the newest answer; undefined before one. */
  readonly offsetMs: number | undefined;
}

export interface SpApiClient {
  searchOrders(params: SearchOrdersParams): Promise<SearchOrdersPage>;
  getOrder(orderId: string, includedData?: readonly IncludedData[]): Promise<V2026Order>;
  createReport(spec: CreateReportSpecification): Promise<{ reportId: string }>;
  getReport(reportId: string): Promise<Report>;
  getReports(params: GetReportsParams): Promise<GetReportsResponse>;
  getReportDocument(reportDocumentId: string): Promise<ReportDocument>;
  downloadDocument(doc: { url: string; compressionAlgorithm?: 'GZIP' }): Promise<string>;
  testConnection(marketplaceIds: readonly string[]): Promise<{ ok: true; message: string }>;
  createFeedDocument(spec: { contentType: string }): Promise<CreateFeedDocumentResponse>;
  /** PUTs the feed content to the presigned URL createFeedDocument returned (no SP-API headers). */
  uploadFeedDocument(url: string, content: string, contentType: string): Promise<void>;
  /**
   * Never retried once the request may have reached Amazon (network error, 5xx, unreadable 202):
   * Amazon has no idempotency key for feeds, so the caller decides (lib/outbox adopts via getFeeds).
   * Only a 429 or a failed token exchange, which prove nothing was created, are tried again.
   */
  createFeed(
    spec: CreateFeedSpecification,
    options?: {
      /**
       * Runs right before each attempt leaves, after any wait for quota, a token or a 429 backoff
       * (the outbox records "creating since T" here); a throw stops the attempt unsent.
       */
      beforeSend?: () => Promise<void>;
    },
  ): Promise<{ feedId: string }>;
  getFeed(feedId: string): Promise<Feed>;
  getFeeds(params: GetFeedsParams): Promise<GetFeedsResponse>;
  getFeedDocument(feedDocumentId: string): Promise<FeedDocument>;
  cancelFeed(feedId: string): Promise<void>;
  patchListingsItem(
    sellerId: string,
    sku: string,
    marketplaceIds: readonly string[],
    body: ListingsItemPatchRequest,
  ): Promise<ListingsItemSubmissionResponse>;
  readonly calls: SpApiCallCounts;
  /** Amazon's time, from the Date header of the newest SP-API or LWA answer (any status). */
  amazonClock(): AmazonClock;
  /**
   * The same client (quota, token, counts and Amazon's time shared) whose waits for quota and
   * retry backoffs end at once, rejecting with the signal's reason, when `signal` aborts; no
   * request leaves after that. A request already sent runs to its answer or its time limit.
   */
  withSignal(signal: AbortSignal): SpApiClient;
}

/** What the mappers need: status (FULFILLMENT), totals (PROCEEDS), buyer requests (CANCELLATION), tracking. */
export const DEFAULT_INCLUDED_DATA: readonly IncludedData[] = [
  'PROCEEDS',
  'FULFILLMENT',
  'CANCELLATION',
  'PACKAGES',
];

/** The report type testConnection lists (any order report type would do). */
const CONNECTION_TEST_REPORT_TYPE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';

type QueryValue = string | number | readonly string[] | undefined;

interface CallInit {
  readonly query?: Record<string, QueryValue>;
  readonly body?: unknown;
}

interface CallResult {
  readonly json: unknown;
  readonly requestId?: string;
}

interface Parsed<N extends OperationName> {
  readonly value: ResponseOf<N>;
  readonly requestId?: string;
}

/** Query string with arrays comma-separated (the models' `collectionFormat: csv`, as Amazon's clients send). */
export function buildQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      parts.push(`${encodeURIComponent(name)}=${value.map((v: string) => encodeURIComponent(v)).join(',')}`);
    } else {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** `x-amz-date` in the basic ISO 8601 form Amazon documents (20261126T101500Z). */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseWith<S extends z.ZodType>(
  schema: S,
  json: unknown,
  operation: string,
  requestId?: string,
): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SpApiSchemaError(operation, describeIssues(parsed.error.issues), requestId);
  return parsed.data;
}

function orderIdOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'orderId' in raw) {
    const id = (raw as { orderId: unknown }).orderId;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

function charsetOf(contentType: string | null): string {
  const match = contentType ? /charset=([^;]+)/i.exec(contentType) : null;
  const charset = match?.[1]?.trim().replace(/^"|"$/g, '').toLowerCase();
  if (!charset) return 'utf-8';
  // Java-style names appear on Amazon's documents (e.g. Cp1252).
  if (charset === 'cp1252') return 'windows-1252';
  if (charset === 'ms932' || charset === 'windows-31j') return 'shift_jis';
  return charset;
}

function decodeText(bytes: Uint8Array, contentType: string | null): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A connection cut while the body streams in is a network failure (retryable), not a bug. */
async function readBody<T>(operation: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new SpApiNetworkError(operation, `body cut off: ${errorMessage(error)}`);
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Aborts when either signal does, with its reason (AbortSignal.any needs Firefox 124; we support 121). */
function eitherAborted(first: AbortSignal, second: AbortSignal): AbortSignal {
  const controller = new AbortController();
  for (const signal of [first, second]) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}

export function createSpApiClient(options: SpApiClientOptions): SpApiClient {
  const { transport, clock } = options;
  const baseUrl = options.endpoints.spApiBaseUrl.replace(/\/+$/, '');
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    random: options.random ?? DEFAULT_RETRY_POLICY.random,
  };
  const timeoutMs = options.requestTimeoutMs ?? 60_000;
  const calls: SpApiCallCounts = { total: 0, byOperation: {}, lwa: 0, documents: 0 };
  const limiter = new RateLimiter(clock);
  let amazonOffsetMs: number | undefined;
  const amazonClock: AmazonClock = {
    now: () => clock.now() + (amazonOffsetMs ?? 0),
    get offsetMs() {
      return amazonOffsetMs;
    },
  };
  /** Keeps the newest offset; an answer without a readable HTTP-date changes nothing. */
  function observeAmazonDate(response: Response): void {
    const date = response.headers.get('date');
    const amazonMs = date ? Date.parse(date) : NaN;
    if (Number.isFinite(amazonMs)) amazonOffsetMs = amazonMs - clock.now();
  }
  const tokens = createLwaTokenProvider({
    // The token exchange gets the same time limit (and abort) and tells Amazon's time too.
    transport: (request) => send('lwaToken', request, { amazonTime: true }),
    clock,
    credentials: options.credentials,
    lwaTokenUrl: options.endpoints.lwaTokenUrl,
    onExchange: () => {
      calls.lwa += 1;
    },
  });

  /**
   * One HTTP exchange within the time limit. On timeout the request's AbortSignal fires so fetch
   * really stops it: a createFeed left running could create a feed after the caller gave up on it.
   */
  async function send(
    operation: string,
    request: Request,
    { amazonTime = false }: { amazonTime?: boolean } = {},
  ): Promise<Response> {
    const controller = new AbortController();
    const abortable = new Request(request, { signal: controller.signal });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const exchange = transport(abortable);
      let response: Response;
      if (!timeoutMs) {
        response = await exchange;
      } else {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new SpApiNetworkError(
              operation,
              `timed out: no answer within ${timeoutMs} ms, so the request was aborted`,
              { timedOut: true },
            );
            controller.abort(error);
            reject(error);
          }, timeoutMs);
        });
        response = await Promise.race([exchange, timeout]);
      }
      if (amazonTime) observeAmazonDate(response);
      return response;
    } catch (error) {
      if (error instanceof SpApiNetworkError) throw error;
      throw new SpApiNetworkError(operation, errorMessage(error));
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  async function errorFrom(operation: string, response: Response): Promise<SpApiError> {
    const requestId = response.headers.get('x-amzn-RequestId') ?? undefined;
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const parsed = errorListSchema.safeParse(json);
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    const error = new SpApiError({
      operation,
      status: response.status,
      code: first?.code ?? `HTTP_${response.status}`,
      message: first?.message ?? (response.statusText || 'Amazon gave no error details'),
      details: first?.details || undefined,
      requestId,
    });
    const retryAfterMs = parseRetryAfterMs(
      response.headers.get('retry-after'),
      response.headers.get('date'),
      amazonClock.now(),
    );
    if (retryAfterMs !== undefined) attachRetryAfter(error, retryAfterMs);
    return error;
  }

  /** One try of an operation: waits for quota and a token, sends, and reads the JSON answer. */
  async function attemptCall<N extends OperationName>(
    operation: N,
    params: PathParams<N>,
    init: CallInit,
    signal: AbortSignal | undefined,
    beforeSend?: () => Promise<void>,
  ): Promise<CallResult> {
    await limiter.acquire(operation, signal);
    const accessToken = await tokens.getAccessToken();
    // A stopped run sends nothing more, whatever it was waiting for.
    signal?.throwIfAborted();
    // After every wait (quota, token): what the caller records here is true of the request that leaves.
    await beforeSend?.();
    const headers = new Headers({
      'x-amz-access-token': accessToken,
      'x-amz-date': amzDate(clock.now()),
      accept: 'application/json',
    });
    if (options.userAgent) headers.set('user-agent', options.userAgent);
    let body: string | undefined;
    if (init.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.body);
    }
    const url = baseUrl + concretePath(operation, params) + buildQuery(init.query ?? {});
    calls.total += 1;
    calls.byOperation[operation] = (calls.byOperation[operation] ?? 0) + 1;
    const { method } = operationSpec(operation);
    const response = await send(operation, new Request(url, { method, headers, body }), {
      amazonTime: true,
    });
    const requestId = response.headers.get('x-amzn-RequestId') ?? undefined;
    limiter.observeRateLimit(operation, response.headers.get('x-amzn-RateLimit-Limit'));
    if (!response.ok) {
      if (response.status === 403) tokens.invalidate(accessToken);
      if (response.status === 429) limiter.drain(operation);
      throw await errorFrom(operation, response);
    }
    const text = await readBody(operation, () => response.text());
    if (!text.trim()) return { json: undefined, requestId };
    try {
      return { json: JSON.parse(text), requestId };
    } catch {
      throw new SpApiSchemaError(operation, ['(body): not JSON'], requestId);
    }
  }

  /** The answer parsed with the operation's response schema from the table. */
  function parsed<N extends OperationName>(operation: N, result: CallResult): Parsed<N> {
    const schema: z.ZodType | undefined = operationSpec(operation).response;
    const value = schema ? parseWith(schema, result.json, operation, result.requestId) : undefined;
    // The table ties each operation to its schema; TypeScript cannot follow that through the lookup.
    return { value: value as ResponseOf<N>, requestId: result.requestId };
  }

  /** An operation safe to repeat: retried on throttling, server trouble and lost connections. */
  async function call<N extends OperationName>(
    operation: N,
    params: PathParams<N>,
    init: CallInit,
    signal: AbortSignal | undefined,
  ): Promise<Parsed<N>> {
    const result = await withRetry(() => attemptCall(operation, params, init, signal), clock, policy, signal);
    return parsed(operation, result);
  }

  /** For requests that must not be sent twice: retries only errors that prove Amazon did nothing. */
  async function callNotRepeatable<N extends OperationName>(
    operation: N,
    params: PathParams<N>,
    init: CallInit,
    signal: AbortSignal | undefined,
    beforeSend?: () => Promise<void>,
  ): Promise<Parsed<N>> {
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      try {
        return parsed(operation, await attemptCall(operation, params, init, signal, beforeSend));
      } catch (error) {
        const unprocessed =
          (error instanceof SpApiError && error.status === 429) ||
          (error instanceof LwaError && isRetryable(error));
        if (!unprocessed || attempt >= policy.maxAttempts) throw error;
        await clock.sleep(retryDelayMs(error, attempt, policy), signal);
      }
    }
  }

  /** The client's methods; every wait of theirs (quota, retry backoff) ends when `signal` aborts. */
  function clientWith(signal: AbortSignal | undefined): SpApiClient {
    const client: SpApiClient = {
      calls,
      amazonClock: () => amazonClock,
      withSignal: (another) => clientWith(signal ? eitherAborted(signal, another) : another),

      async searchOrders(params) {
        const operation = 'searchOrders';
        if (params.createdAfter && params.lastUpdatedAfter) {
          throw new RangeError('searchOrders: give createdAfter or lastUpdatedAfter, not both');
        }
        if (!params.createdAfter && !params.lastUpdatedAfter && !params.paginationToken) {
          throw new RangeError('searchOrders: createdAfter or lastUpdatedAfter is required');
        }
        if (params.createdAfter && params.lastUpdatedBefore) {
          throw new RangeError('searchOrders: lastUpdatedBefore cannot be combined with createdAfter');
        }
        if (params.lastUpdatedAfter && params.createdBefore) {
          throw new RangeError('searchOrders: createdBefore cannot be combined with lastUpdatedAfter');
        }
        const query = {
          createdAfter: params.createdAfter,
          createdBefore: params.createdBefore,
          lastUpdatedAfter: params.lastUpdatedAfter,
          lastUpdatedBefore: params.lastUpdatedBefore,
          fulfillmentStatuses: params.fulfillmentStatuses,
          marketplaceIds: params.marketplaceIds,
          fulfilledBy: params.fulfilledBy,
          maxResultsPerPage: params.maxResultsPerPage,
          paginationToken: params.paginationToken,
          includedData: params.includedData ?? DEFAULT_INCLUDED_DATA,
        };
        const { value: envelope, requestId } = await call(operation, {}, { query }, signal);
        const page: SearchOrdersPage = { orders: [], rejected: [], requestId };
        envelope.orders.forEach((raw, index) => {
          const order = v2026OrderSchema.safeParse(raw);
          if (order.success) {
            page.orders.push(order.data);
          } else {
            const orderId = orderIdOf(raw);
            page.rejected.push({
              raw,
              orderId,
              reason: `orders[${index}]${orderId ? ` (${orderId})` : ''}: ${describeIssues(order.error.issues).slice(0, 3).join('; ')}`,
            });
          }
        });
        if (envelope.pagination?.nextToken) page.nextToken = envelope.pagination.nextToken;
        if (envelope.lastUpdatedBefore) page.lastUpdatedBefore = envelope.lastUpdatedBefore;
        if (envelope.createdBefore) page.createdBefore = envelope.createdBefore;
        return page;
      },

      async getOrder(orderId, includedData = DEFAULT_INCLUDED_DATA) {
        return (await call('getOrder', { orderId }, { query: { includedData } }, signal)).value.order;
      },

      async createReport(spec) {
        // Checked before sending: a bad spec would waste a token of a 0.0167 rps bucket.
        const body = createReportSpecificationSchema.safeParse(spec);
        if (!body.success) {
          throw new RangeError(`createReport: ${describeIssues(body.error.issues).join('; ')}`);
        }
        const { value } = await call('createReport', {}, { body: body.data }, signal);
        return { reportId: value.reportId };
      },

      async getReport(reportId) {
        return (await call('getReport', { reportId }, {}, signal)).value;
      },

      async getReports(params) {
        const query: Record<string, QueryValue> = params.nextToken
          ? { nextToken: params.nextToken }
          : {
              reportTypes: params.reportTypes,
              processingStatuses: params.processingStatuses,
              marketplaceIds: params.marketplaceIds,
              pageSize: params.pageSize,
              createdSince: params.createdSince,
              createdUntil: params.createdUntil,
            };
        return (await call('getReports', {}, { query }, signal)).value;
      },

      async getReportDocument(reportDocumentId) {
        return (await call('getReportDocument', { reportDocumentId }, {}, signal)).value;
      },

      async downloadDocument(doc) {
        const operation = 'downloadDocument';
        return withRetry(
          async () => {
            calls.documents += 1;
            // A presigned URL: sending SP-API headers (the access token above all) there is wrong.
            const response = await send(operation, new Request(doc.url, { method: 'GET' }));
            if (!response.ok) throw await errorFrom(operation, response);
            const bytes = new Uint8Array(await readBody(operation, () => response.arrayBuffer()));
            const contentType = response.headers.get('content-type');
            // The transport may already have inflated it (Content-Encoding: gzip), so trust the bytes.
            if (doc.compressionAlgorithm === 'GZIP' && isGzip(bytes)) {
              try {
                return decodeText(gunzipSync(bytes), contentType);
              } catch (error) {
                throw new SpApiSchemaError(operation, [`(body): broken gzip: ${errorMessage(error)}`]);
              }
            }
            return decodeText(bytes, contentType);
          },
          clock,
          policy,
          signal,
        );
      },

      async createFeedDocument(spec) {
        const body = createFeedDocumentSpecificationSchema.parse(spec);
        return (await call('createFeedDocument', {}, { body }, signal)).value;
      },

      async uploadFeedDocument(url, content, contentType) {
        const operation = 'uploadFeedDocument';
        await withRetry(
          async () => {
            calls.documents += 1;
            // A presigned URL: the same Content-Type as the document was created with, and no SP-API headers.
            const response = await send(
              operation,
              new Request(url, { method: 'PUT', headers: { 'content-type': contentType }, body: content }),
            );
            if (!response.ok) throw await errorFrom(operation, response);
            await response.arrayBuffer().catch(() => undefined);
          },
          clock,
          policy,
          signal,
        );
      },

      async createFeed(spec, createOptions) {
        const body = createFeedSpecificationSchema.safeParse(spec);
        if (!body.success)
          throw new RangeError(`createFeed: ${describeIssues(body.error.issues).join('; ')}`);
        const { value } = await callNotRepeatable(
          'createFeed',
          {},
          { body: body.data },
          signal,
          createOptions?.beforeSend,
        );
        return { feedId: value.feedId };
      },

      async getFeed(feedId) {
        return (await call('getFeed', { feedId }, {}, signal)).value;
      },

      async getFeeds(params) {
        if (!params.nextToken && !params.feedTypes?.length) {
          throw new RangeError('getFeeds: feedTypes is required unless nextToken is given');
        }
        const query: Record<string, QueryValue> = params.nextToken
          ? { nextToken: params.nextToken }
          : {
              feedTypes: params.feedTypes,
              marketplaceIds: params.marketplaceIds,
              processingStatuses: params.processingStatuses,
              pageSize: params.pageSize,
              createdSince: params.createdSince,
              createdUntil: params.createdUntil,
            };
        return (await call('getFeeds', {}, { query }, signal)).value;
      },

      async getFeedDocument(feedDocumentId) {
        return (await call('getFeedDocument', { feedDocumentId }, {}, signal)).value;
      },

      async cancelFeed(feedId) {
        await call('cancelFeed', { feedId }, {}, signal);
      },

      async patchListingsItem(sellerId, sku, marketplaceIds, body) {
        const request = listingsItemPatchRequestSchema.safeParse(body);
        if (!request.success) {
          throw new RangeError(`patchListingsItem: ${describeIssues(request.error.issues).join('; ')}`);
        }
        if (marketplaceIds.length === 0)
          throw new RangeError('patchListingsItem: marketplaceIds is required');
        const answer = await call(
          'patchListingsItem',
          { sellerId, sku },
          { query: { marketplaceIds }, body: request.data },
          signal,
        );
        return answer.value;
      },

      async testConnection(marketplaceIds) {
        await tokens.getAccessToken();
        // getReports costs a token of a 0.0222 rps bucket (refills in 45 s) where searchOrders costs one
        // of 0.0056 rps (3 min) that the order sync needs; getOrder is cheaper but needs a real order id.
        const { reports } = await client.getReports({
          reportTypes: [CONNECTION_TEST_REPORT_TYPE],
          marketplaceIds: marketplaceIds.slice(0, 10),
          pageSize: 1,
        });
        return {
          ok: true,
          message:
            // Settings says "Connected:" before it; a message starting with it read "Connected: Connected:".
            'Amazon accepted the credentials and answered a Reports API call' +
            (reports.length ? ' (recent order reports found).' : '.'),
        };
      },
    };
    return client;
  }

  return clientWith(undefined);
}
