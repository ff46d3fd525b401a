import { ManualClock } from '../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { createModelValidator } from './model-validator';

const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
const orders = createModelValidator('orders_2026-01-01.json');
const reports = createModelValidator('reports_2021-06-30.json');
const ALL_DATA =
  'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS';

async function setup(enforceRateLimits = false) {
  const clock = new ManualClock(ANCHOR);
  const sandbox = createSandbox({ clock, orderCount: 1500, enforceRateLimits });
  const res = await sandbox.fetch(
    new Request('https://api.amazon.com/auth/o2/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: SANDBOX_CREDENTIALS.clientId,
        client_secret: SANDBOX_CREDENTIALS.clientSecret,
        refresh_token: SANDBOX_CREDENTIALS.refreshToken,
      }),
    }),
  );
  const token = ((await res.json()) as { access_token: string }).access_token;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await sandbox.fetch(
      new Request('https://sellingpartnerapi-na.amazon.com' + path, {
        method,
        headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { clock, sandbox, call };
}

function expectValid(
  validator: ReturnType<typeof createModelValidator>,
  op: string,
  res: { status: number; body: unknown },
) {
  expect({ op, status: res.status, errors: validator.validateResponse(op, res.status, res.body) }).toEqual({
    op,
    status: res.status,
    errors: [],
  });
}

describe('sandbox responses conform to the official models', () => {
  it('searchOrders pages with every includedData, getOrder and order errors', async () => {
    const { call } = await setup();
    const sets = ['', ...ALL_DATA.split(','), ALL_DATA];
    let checked = 0;
    for (const set of sets) {
      let next: string | undefined;
      let pages = 0;
      do {
        const q = `createdAfter=2026-10-01T00:00:00Z${set ? `&includedData=${set}` : ''}${next ? `&paginationToken=${encodeURIComponent(next)}` : ''}`;
        const res = await call('GET', `/orders/2026-01-01/orders?${q}`);
        expect(res.status).toBe(200);
        expectValid(orders, 'searchOrders', res);
        const body = res.body as { orders: { orderId: string }[]; pagination?: { nextToken: string } };
        checked += body.orders.length;
        next = body.pagination?.nextToken;
        pages += 1;
      } while (next && pages < 20);
    }
    expect(checked).toBeGreaterThan(1000);
    const list = (
      await call(
        'GET',
        `/orders/2026-01-01/orders?lastUpdatedAfter=2026-11-15T00:00:00Z&includedData=${ALL_DATA}`,
      )
    ).body as {
      orders: { orderId: string }[];
    };
    for (const o of list.orders.slice(0, 30))
      expectValid(
        orders,
        'getOrder',
        await call('GET', `/orders/2026-01-01/orders/${o.orderId}?includedData=${ALL_DATA}`),
      );
    expectValid(orders, 'searchOrders', await call('GET', '/orders/2026-01-01/orders'));
    expectValid(orders, 'getOrder', await call('GET', '/orders/2026-01-01/orders/bad'));
    expectValid(orders, 'getOrder', await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999'));
  });

  it('403, 429, 500 and 503 error bodies', async () => {
    const { sandbox, call } = await setup(true);
    for (let i = 0; i < 21; i++) {
      const res = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-19T00:00:00Z');
      if (i === 20) {
        expect(res.status).toBe(429);
        expectValid(orders, 'searchOrders', res);
      }
    }
    sandbox.injectFault({ kind: '500' });
    sandbox.injectFault({ kind: '503' });
    const e500 = await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999');
    expect(e500.status).toBe(500);
    expectValid(orders, 'getOrder', e500);
    const e503 = await call('GET', '/reports/2021-06-30/reports/1');
    expect(e503.status).toBe(503);
    expectValid(reports, 'getReport', e503);
    sandbox.revokeRefreshToken();
    const denied = await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999');
    expect(denied.status).toBe(403);
    expectValid(orders, 'getOrder', denied);
  });

  it('createReport, getReport(s), getReportDocument and report errors', async () => {
    const { clock, call } = await setup();
    const created = await call('POST', '/reports/2021-06-30/reports', {
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-11-01T00:00:00Z',
    });
    expect(created.status).toBe(202);
    expectValid(reports, 'createReport', created);
    const { reportId } = created.body as { reportId: string };
    let report: { processingStatus: string; reportDocumentId?: string } = { processingStatus: '' };
    for (let i = 0; i < 20 && report.processingStatus !== 'DONE'; i++) {
      const res = await call('GET', `/reports/2021-06-30/reports/${reportId}`);
      expectValid(reports, 'getReport', res);
      report = res.body as typeof report;
      clock.advance(20_000);
    }
    expect(report.processingStatus).toBe('DONE');
    expectValid(
      reports,
      'getReports',
      await call(
        'GET',
        '/reports/2021-06-30/reports?reportTypes=GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      ),
    );
    expectValid(
      reports,
      'getReportDocument',
      await call('GET', `/reports/2021-06-30/documents/${report.reportDocumentId}`),
    );
    expectValid(reports, 'getReportDocument', await call('GET', '/reports/2021-06-30/documents/unknown'));
    expectValid(
      reports,
      'createReport',
      await call('POST', '/reports/2021-06-30/reports', {
        reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
    );
    expectValid(reports, 'getReports', await call('GET', '/reports/2021-06-30/reports'));
    expectValid(reports, 'cancelReport', await call('DELETE', `/reports/2021-06-30/reports/${reportId}`));
  });

  it('the validator catches the sandbox fault bodies', async () => {
    const { sandbox, call } = await setup();
    sandbox.injectFault({ operation: 'searchOrders', kind: 'schema-break' });
    const broken = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-01T00:00:00Z');
    expect(orders.validateResponse('searchOrders', 200, broken.body).join()).toMatch(/orderId/);
    sandbox.injectFault({ operation: 'searchOrders', kind: 'unknown-enum' });
    const odd = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-01T00:00:00Z');
    expect(orders.validateResponse('searchOrders', 200, odd.body).join()).toMatch(/allowed values/);
  });
});
