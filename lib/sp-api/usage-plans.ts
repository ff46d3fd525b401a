/**
 * Default usage plans (token buckets) from the "Usage Plan" tables of Amazon's official models in
 * ../shared/sp-api-models. The client seeds its limiter from these and the sandbox enforces them;
 * test/unit/sp-api/usage-plans.test.ts checks every entry against the models.
 */
export interface UsagePlan {
  /** Requests per second restored to the bucket. */
  readonly rate: number;
  readonly burst: number;
}

export interface OperationSpec extends UsagePlan {
  readonly operation: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template as in the model, e.g. /orders/2026-01-01/orders/{orderId}. */
  readonly path: string;
  readonly model: string;
}

export const OPERATIONS = [
  op('orders_2026-01-01.json', 'searchOrders', 'GET', '/orders/2026-01-01/orders', 0.0056, 20),
  op('orders_2026-01-01.json', 'getOrder', 'GET', '/orders/2026-01-01/orders/{orderId}', 0.5, 30),
  op('reports_2021-06-30.json', 'getReports', 'GET', '/reports/2021-06-30/reports', 0.0222, 10),
  op('reports_2021-06-30.json', 'createReport', 'POST', '/reports/2021-06-30/reports', 0.0167, 15),
  op(
    'reports_2021-06-30.json',
    'cancelReport',
    'DELETE',
    '/reports/2021-06-30/reports/{reportId}',
    0.0222,
    10,
  ),
  op('reports_2021-06-30.json', 'getReport', 'GET', '/reports/2021-06-30/reports/{reportId}', 2, 15),
  op(
    'reports_2021-06-30.json',
    'getReportDocument',
    'GET',
    '/reports/2021-06-30/documents/{reportDocumentId}',
    0.0167,
    15,
  ),
  op('feeds_2021-06-30.json', 'getFeeds', 'GET', '/feeds/2021-06-30/feeds', 0.0222, 10),
  op('feeds_2021-06-30.json', 'createFeed', 'POST', '/feeds/2021-06-30/feeds', 0.0083, 15),
  op('feeds_2021-06-30.json', 'cancelFeed', 'DELETE', '/feeds/2021-06-30/feeds/{feedId}', 2, 15),
  op('feeds_2021-06-30.json', 'getFeed', 'GET', '/feeds/2021-06-30/feeds/{feedId}', 2, 15),
  op('feeds_2021-06-30.json', 'createFeedDocument', 'POST', '/feeds/2021-06-30/documents', 0.5, 15),
  op(
    'feeds_2021-06-30.json',
    'getFeedDocument',
    'GET',
    '/feeds/2021-06-30/documents/{feedDocumentId}',
    0.0222,
    10,
  ),
  op(
    'listingsItems_2021-08-01.json',
    'patchListingsItem',
    'PATCH',
    '/listings/2021-08-01/items/{sellerId}/{sku}',
    5,
    5,
  ),
  op(
    'listingsItems_2021-08-01.json',
    'getListingsItem',
    'GET',
    '/listings/2021-08-01/items/{sellerId}/{sku}',
    5,
    10,
  ),
  op('ordersV0.json', 'getOrders', 'GET', '/orders/v0/orders', 0.0167, 20),
  op('ordersV0.json', 'getOrderItems', 'GET', '/orders/v0/orders/{orderId}/orderItems', 0.5, 30),
  op('ordersV0.json', 'confirmShipment', 'POST', '/orders/v0/orders/{orderId}/shipmentConfirmation', 2, 10),
] as const satisfies readonly OperationSpec[];

export type OperationName = (typeof OPERATIONS)[number]['operation'];

function op<N extends string>(
  model: string,
  operation: N,
  method: OperationSpec['method'],
  path: string,
  rate: number,
  burst: number,
) {
  return { model, operation, method, path, rate, burst };
}

export function usagePlanOf(operation: OperationName): UsagePlan {
  const spec = OPERATIONS.find((o) => o.operation === operation);
  if (!spec) throw new Error(`No usage plan for ${operation}`);
  return { rate: spec.rate, burst: spec.burst };
}

/** Finds the operation a request is for, by method and concrete path. */
export function matchOperation(method: string, pathname: string): OperationSpec | undefined {
  return OPERATIONS.find((o) => {
    if (o.method !== method.toUpperCase()) return false;
    const pattern = new RegExp('^' + o.path.replace(/\{[^}]+\}/g, '[^/]+') + '/?$');
    return pattern.test(pathname);
  });
}
