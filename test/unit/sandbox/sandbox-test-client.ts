/** Test helper: a sandbox on a manual clock plus small request helpers. */
import { ManualClock } from '../../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS, type Sandbox, type SandboxOptions } from '../../../lib/sandbox';

export const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
export const BASE = 'https://sellingpartnerapi-na.amazon.com';

export interface TestSandbox {
  sandbox: Sandbox;
  clock: ManualClock;
  token: string;
  get(path: string): Promise<Response>;
  call(method: string, path: string, body?: unknown): Promise<Response>;
  json<T = Record<string, unknown>>(path: string): Promise<T>;
  refreshToken(): Promise<string>;
}

export function lwaRequest(fields: Record<string, string>): Request {
  return new Request('https://api.amazon.com/auth/o2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(fields).toString(),
  });
}

export const GOOD_LWA = {
  grant_type: 'refresh_token',
  client_id: SANDBOX_CREDENTIALS.clientId,
  client_secret: SANDBOX_CREDENTIALS.clientSecret,
  refresh_token: SANDBOX_CREDENTIALS.refreshToken,
};

export async function makeSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const clock = new ManualClock(ANCHOR);
  const sandbox = createSandbox({ clock, orderCount: 300, ...options });
  const t: TestSandbox = {
    sandbox,
    clock,
    token: '',
    refreshToken: async () => {
      const res = await sandbox.fetch(lwaRequest(GOOD_LWA));
      const body = (await res.json()) as { access_token: string };
      t.token = body.access_token;
      return t.token;
    },
    call: (method, path, body) =>
      sandbox.fetch(
        new Request(BASE + path, {
          method,
          headers: { 'x-amz-access-token': t.token, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    get: (path) => t.call('GET', path),
    json: async <T>(path: string) => (await (await t.get(path)).json()) as T,
  };
  await t.refreshToken();
  return t;
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

export type ApiOrder = {
  orderId: string;
  createdTime: string;
  lastUpdatedTime: string;
  programs?: string[];
  salesChannel: { channelName: string; marketplaceId?: string };
  fulfillment?: { fulfillmentStatus: string; fulfilledBy: string; fulfillmentServiceLevel?: string };
  proceeds?: { grandTotal: { amount: string; currencyCode: string } };
  buyer?: Record<string, unknown>;
  recipient?: Record<string, unknown>;
  packages?: unknown[];
  orderItems: {
    orderItemId: string;
    quantityOrdered: number;
    product: { asin: string; sellerSku: string; price?: unknown; customization?: { customizedUrl: string } };
    proceeds?: unknown;
    cancellation?: { cancellationRequest?: { requester: string; cancelReason: string } };
  }[];
};
export type SearchBody = {
  orders: ApiOrder[];
  pagination?: { nextToken: string };
  createdBefore?: string;
  lastUpdatedBefore?: string;
};

/** Follows nextToken to the end (rate limits off in the caller). */
export async function searchAll(t: TestSandbox, query: string): Promise<ApiOrder[]> {
  const orders: ApiOrder[] = [];
  let body = await t.json<SearchBody>(`/orders/2026-01-01/orders?${query}`);
  orders.push(...body.orders);
  while (body.pagination) {
    body = await t.json<SearchBody>(
      `/orders/2026-01-01/orders?${query}&paginationToken=${encodeURIComponent(body.pagination.nextToken)}`,
    );
    orders.push(...body.orders);
  }
  return orders;
}
