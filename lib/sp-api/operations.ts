/**
 * The SP-API operations the extension knows, each once: its model in ../shared/sp-api-models, method,
 * path template, default usage plan and the schema a success is parsed with. The client builds its
 * requests from it, the rate limiter seeds its buckets from it, and the sandbox registers its routes
 * from it; test/contract/amazon-models/usage-plans.test.ts checks every entry against the models.
 */
import type { z } from 'zod';
import {
  createFeedDocumentResponseSchema,
  createFeedResponseSchema,
  feedDocumentSchema,
  feedSchema,
  getFeedsResponseSchema,
} from './schemas/feeds';
import { listingsItemSubmissionResponseSchema } from './schemas/listings';
import { getOrderResponseSchema, searchOrdersEnvelopeSchema } from './schemas/orders';
import {
  createReportResponseSchema,
  getReportsResponseSchema,
  reportDocumentSchema,
  reportSchema,
} from './schemas/reports';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UsagePlan {
  /** Requests per second restored to the bucket. */
  readonly rate: number;
  readonly burst: number;
}

export interface OperationSpec extends UsagePlan {
  readonly operation: string;
  readonly method: HttpMethod;
  /** Path template as in the model, e.g. /orders/2026-01-01/orders/{orderId}. */
  readonly path: string;
  readonly model: string;
  /** What the client parses a success with; absent where the answer has no body the client reads. */
  readonly response?: z.ZodType;
}

const ORDERS_MODEL = 'orders_2026-01-01.json';
const REPORTS_MODEL = 'reports_2021-06-30.json';
const FEEDS_MODEL = 'feeds_2021-06-30.json';
const LISTINGS_MODEL = 'listingsItems_2021-08-01.json';
const ORDERS_V0_MODEL = 'ordersV0.json';

export const OPERATIONS = [
  op(
    ORDERS_MODEL,
    'searchOrders',
    'GET',
    '/orders/2026-01-01/orders',
    { rate: 0.0056, burst: 20 },
    searchOrdersEnvelopeSchema,
  ),
  op(
    ORDERS_MODEL,
    'getOrder',
    'GET',
    '/orders/2026-01-01/orders/{orderId}',
    { rate: 0.5, burst: 30 },
    getOrderResponseSchema,
  ),
  op(
    REPORTS_MODEL,
    'getReports',
    'GET',
    '/reports/2021-06-30/reports',
    { rate: 0.0222, burst: 10 },
    getReportsResponseSchema,
  ),
  op(
    REPORTS_MODEL,
    'createReport',
    'POST',
    '/reports/2021-06-30/reports',
    { rate: 0.0167, burst: 15 },
    createReportResponseSchema,
  ),
  op(REPORTS_MODEL, 'cancelReport', 'DELETE', '/reports/2021-06-30/reports/{reportId}', {
    rate: 0.0222,
    burst: 10,
  }),
  op(
    REPORTS_MODEL,
    'getReport',
    'GET',
    '/reports/2021-06-30/reports/{reportId}',
    { rate: 2, burst: 15 },
    reportSchema,
  ),
  op(
    REPORTS_MODEL,
    'getReportDocument',
    'GET',
    '/reports/2021-06-30/documents/{reportDocumentId}',
    { rate: 0.0167, burst: 15 },
    reportDocumentSchema,
  ),
  op(
    FEEDS_MODEL,
    'getFeeds',
    'GET',
    '/feeds/2021-06-30/feeds',
    { rate: 0.0222, burst: 10 },
    getFeedsResponseSchema,
  ),
  op(
    FEEDS_MODEL,
    'createFeed',
    'POST',
    '/feeds/2021-06-30/feeds',
    { rate: 0.0083, burst: 15 },
    createFeedResponseSchema,
  ),
  op(FEEDS_MODEL, 'cancelFeed', 'DELETE', '/feeds/2021-06-30/feeds/{feedId}', { rate: 2, burst: 15 }),
  op(FEEDS_MODEL, 'getFeed', 'GET', '/feeds/2021-06-30/feeds/{feedId}', { rate: 2, burst: 15 }, feedSchema),
  op(
    FEEDS_MODEL,
    'createFeedDocument',
    'POST',
    '/feeds/2021-06-30/documents',
    { rate: 0.5, burst: 15 },
    createFeedDocumentResponseSchema,
  ),
  op(
    FEEDS_MODEL,
    'getFeedDocument',
    'GET',
    '/feeds/2021-06-30/documents/{feedDocumentId}',
    { rate: 0.0222, burst: 10 },
    feedDocumentSchema,
  ),
  op(
    LISTINGS_MODEL,
    'patchListingsItem',
    'PATCH',
    '/listings/2021-08-01/items/{sellerId}/{sku}',
    { rate: 5, burst: 5 },
    listingsItemSubmissionResponseSchema,
  ),
  op(LISTINGS_MODEL, 'getListingsItem', 'GET', '/listings/2021-08-01/items/{sellerId}/{sku}', {
    rate: 5,
    burst: 10,
  }),
  // Not called by the extension; their plans are here so the sandbox answers them as Amazon would.
  op(ORDERS_V0_MODEL, 'getOrders', 'GET', '/orders/v0/orders', { rate: 0.0167, burst: 20 }),
  op(ORDERS_V0_MODEL, 'getOrderItems', 'GET', '/orders/v0/orders/{orderId}/orderItems', {
    rate: 0.5,
    burst: 30,
  }),
  op(ORDERS_V0_MODEL, 'confirmShipment', 'POST', '/orders/v0/orders/{orderId}/shipmentConfirmation', {
    rate: 2,
    burst: 10,
  }),
] as const;

function op<N extends string, P extends string, S extends z.ZodType | undefined = undefined>(
  model: string,
  operation: N,
  method: HttpMethod,
  path: P,
  plan: UsagePlan,
  response?: S,
) {
  return { model, operation, method, path, rate: plan.rate, burst: plan.burst, response: response as S };
}

type AnyOperation = (typeof OPERATIONS)[number];

export type OperationName = AnyOperation['operation'];

export type OperationOf<N extends OperationName> = Extract<AnyOperation, { operation: N }>;

/** The `{name}` placeholders of a path template. */
type PlaceholdersIn<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

export type PathParams<N extends OperationName> = Record<PlaceholdersIn<OperationOf<N>['path']>, string>;

/** What a success of the operation parses to (undefined for operations the client reads no body of). */
export type ResponseOf<N extends OperationName> = OperationOf<N>['response'] extends z.ZodType
  ? z.infer<OperationOf<N>['response']>
  : undefined;

export function operationSpec<N extends OperationName>(operation: N): OperationOf<N> {
  const spec = OPERATIONS.find((o): o is OperationOf<N> => o.operation === operation);
  if (!spec) throw new Error(`Unknown SP-API operation ${operation}`);
  return spec;
}

/** The operation's concrete path: every placeholder replaced by its URL-encoded value. */
export function concretePath<N extends OperationName>(operation: N, params: PathParams<N>): string {
  const values: Record<string, string> = params;
  return operationSpec(operation).path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new RangeError(`${operation}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** Finds the operation a request is for, by method and concrete path. */
export function matchOperation(method: string, pathname: string): OperationSpec | undefined {
  return OPERATIONS.find((o) => {
    if (o.method !== method.toUpperCase()) return false;
    const pattern = new RegExp('^' + o.path.replace(/\{[^}]+\}/g, '[^/]+') + '/?$');
    return pattern.test(pathname);
  });
}
