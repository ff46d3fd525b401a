import { sandboxWithClient } from './sandbox-client';
import type { FirstReported } from '../../../lib/domain/order';
import { parseOrderReport } from '../../../lib/formats/order-report';
import { SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { LwaError } from '../../../lib/sp-api/errors';
import type { V2026Order } from '../../../lib/sp-api/schemas/orders';
import { orderFromApi } from '../../../lib/sync/order-from-api';
import { ordersFromReport } from '../../../lib/sync/order-from-report';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const FIRST: FirstReported = { at: new Date(NOW).toISOString(), source: { kind: 'search', syncRunId: 'it' } };

function setup() {
  return sandboxWithClient(NOW, { seed: 7, orderCount: 60 });
}

describe('SP-API client against the sandbox', () => {
  it('pages through searchOrders, maps every order, and survives an injected 429', async () => {
    const { clock, sandbox, client } = setup();
    sandbox.injectFault({ operation: 'searchOrders', kind: '429' });
    const orders: V2026Order[] = [];
    let paginationToken: string | undefined;
    const lastUpdatedAfter = new Date(NOW - 90 * 86_400_000).toISOString();
    do {
      const page = await client.searchOrders({ lastUpdatedAfter, maxResultsPerPage: 20, paginationToken });
      expect(page.rejected).toEqual([]);
      orders.push(...page.orders);
      paginationToken = page.nextToken;
    } while (paginationToken);
    expect(orders.length).toBeGreaterThan(0);
    for (const order of orders) expect(() => orderFromApi(order, FIRST)).not.toThrow();
    expect(client.calls.byOperation.searchOrders).toBe(sandbox.stats().calls.searchOrders);
    expect(clock.now()).toBeGreaterThan(NOW);
  });

  it('creates, polls, downloads and parses an order report', async () => {
    const { clock, client } = setup();
    const { reportId } = await client.createReport({
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: new Date(NOW - 30 * 86_400_000).toISOString(),
    });
    let report = await client.getReport(reportId);
    for (
      let i = 0;
      i < 20 && (report.processingStatus === 'IN_QUEUE' || report.processingStatus === 'IN_PROGRESS');
      i++
    ) {
      await clock.sleep(30_000);
      report = await client.getReport(reportId);
    }
    expect(report.processingStatus).toBe('DONE');
    const document = await client.getReportDocument(report.reportDocumentId!);
    const text = await client.downloadDocument(document);
    const parsed = parseOrderReport(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThan(0);
    const mapped = ordersFromReport(parsed.rows, FIRST, { defaultMarketplaceId: 'ATVPDKIKX0DER' });
    expect(mapped.rejected).toEqual([]);
    expect(mapped.orders.length).toBeGreaterThan(0);
  });

  it('testConnection succeeds, and a revoked refresh token fails with a plain LWA message', async () => {
    const { client } = setup();
    expect((await client.testConnection(['ATVPDKIKX0DER'])).ok).toBe(true);
    const revoked = setup();
    revoked.sandbox.revokeRefreshToken();
    const error = await revoked.client.testConnection(['ATVPDKIKX0DER']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LwaError);
    expect((error as LwaError).plainMessage()).toMatch(/refresh token/);
    expect((error as LwaError).message).not.toContain(SANDBOX_CREDENTIALS.refreshToken);
  });
});
