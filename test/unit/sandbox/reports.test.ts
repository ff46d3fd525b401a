import { gunzipSync, strFromU8 } from 'fflate';
import { orderReportColumns } from '../../../lib/sandbox/order-report-file';
import { ANCHOR, isoAt, makeSandbox, type TestSandbox } from './sandbox-test-client';

const REPORTS = '/reports/2021-06-30/reports';
const BY_UPDATE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';
const BY_DATE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';
const DAY = 86_400_000;

async function create(t: TestSandbox, body: Record<string, unknown>) {
  return t.call('POST', REPORTS, body);
}

async function runToEnd(t: TestSandbox, reportId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    const report = await t.json<{ processingStatus: string; reportDocumentId?: string }>(
      `${REPORTS}/${reportId}`,
    );
    if (seen.at(-1) !== report.processingStatus) seen.push(report.processingStatus);
    if (report.processingStatus === 'DONE' || report.processingStatus === 'CANCELLED')
      return { seen, report };
    t.clock.advance(15_000);
  }
  throw new Error('report never finished');
}

async function download(t: TestSandbox, documentId: string) {
  const doc = await t.json<{ url: string; compressionAlgorithm?: string }>(
    `/reports/2021-06-30/documents/${documentId}`,
  );
  const res = await t.sandbox.fetch(new Request(doc.url));
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = strFromU8(doc.compressionAlgorithm === 'GZIP' ? gunzipSync(bytes) : bytes);
  return { doc, res, text };
}

function parseTsv(text: string) {
  const [header, ...rows] = text.trimEnd().split('\n');
  const columns = header!.split('\t');
  return { columns, rows: rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [columns[i], v]))) };
}

describe('Reports API lifecycle', () => {
  it('runs IN_QUEUE → IN_PROGRESS → DONE on the clock and serves a tab-separated document', async () => {
    const t = await makeSandbox();
    const res = await create(t, {
      reportType: BY_UPDATE,
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: isoAt(ANCHOR - 3 * DAY),
    });
    expect(res.status).toBe(202);
    const { reportId } = (await res.json()) as { reportId: string };
    const started = t.clock.now();
    const { seen, report } = await runToEnd(t, reportId);
    expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'DONE']);
    const took = t.clock.now() - started;
    expect(took).toBeGreaterThanOrEqual(60_000);
    expect(took).toBeLessThanOrEqual(150_000);
    const { res: file, text, doc } = await download(t, report.reportDocumentId!);
    expect(file.status).toBe(200);
    expect(doc.url).toContain('X-Amz-Expires=300');
    const { columns, rows } = parseTsv(text);
    expect(columns).toEqual(orderReportColumns(BY_UPDATE));
    expect(rows.length).toBeGreaterThan(0);
    const cutoff = ANCHOR - 30 * 60_000;
    for (const row of rows) {
      expect(row['currency']).toBe('USD');
      expect(row['amazon-order-id']).toMatch(/^\d{3}-\d{7}-\d{7}$/);
      expect(Date.parse(row['last-updated-date']!)).toBeLessThanOrEqual(cutoff);
      expect(Date.parse(row['last-updated-date']!)).toBeGreaterThanOrEqual(ANCHOR - 3 * DAY);
      if (row['order-status'] !== 'Pending') expect(row['item-price']).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('adds cpf to the order-date report and cancels reports without data', async () => {
    const t = await makeSandbox();
    expect(orderReportColumns(BY_DATE)).toContain('cpf');
    expect(orderReportColumns(BY_DATE).indexOf('cpf')).toBe(
      orderReportColumns(BY_DATE).indexOf('promotion-ids') + 1,
    );
    // Only the last 10 minutes: nothing is reportable yet (30-minute delay).
    const res = await create(t, {
      reportType: BY_DATE,
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: isoAt(ANCHOR - 10 * 60_000),
    });
    const { reportId } = (await res.json()) as { reportId: string };
    const { report } = await runToEnd(t, reportId);
    expect(report.processingStatus).toBe('CANCELLED');
    expect(report.reportDocumentId).toBeUndefined();
  });

  it('validates createReport input', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const settlement = await create(t, {
      reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
      marketplaceIds: ['ATVPDKIKX0DER'],
    });
    expect(settlement.status).toBe(400);
    expect(((await settlement.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /cannot be requested/,
    );
    expect((await create(t, { reportType: 'GET_NOTHING', marketplaceIds: ['ATVPDKIKX0DER'] })).status).toBe(
      400,
    );
    expect((await create(t, { reportType: BY_UPDATE, marketplaceIds: [] })).status).toBe(400);
    expect(
      (await create(t, { reportType: BY_UPDATE, marketplaceIds: Array(26).fill('ATVPDKIKX0DER') })).status,
    ).toBe(400);
    expect(
      (
        await create(t, {
          reportType: BY_UPDATE,
          marketplaceIds: ['ATVPDKIKX0DER'],
          dataEndTime: isoAt(ANCHOR + DAY),
        })
      ).status,
    ).toBe(400);
    expect((await t.get(`${REPORTS}/123`)).status).toBe(404);
  });

  it('lists, pages and cancels reports', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await create(t, { reportType: BY_UPDATE, marketplaceIds: ['A1PA6795UKMFR9'] });
      ids.push(((await res.json()) as { reportId: string }).reportId);
      t.clock.advance(1000);
    }
    expect((await t.call('DELETE', `${REPORTS}/${ids[2]}`)).status).toBe(200);
    const page1 = await t.json<{
      reports: { reportId: string; processingStatus: string }[];
      nextToken?: string;
    }>(`${REPORTS}?reportTypes=${BY_UPDATE}&pageSize=2`);
    expect(page1.reports.map((r) => r.reportId)).toEqual([ids[2], ids[1]]);
    expect(page1.reports[0]!.processingStatus).toBe('CANCELLED');
    expect((await t.get(`${REPORTS}?nextToken=${page1.nextToken}&pageSize=2`)).status).toBe(400);
    const page2 = await t.json<{ reports: { reportId: string }[]; nextToken?: string }>(
      `${REPORTS}?nextToken=${encodeURIComponent(page1.nextToken!)}`,
    );
    expect(page2.reports.map((r) => r.reportId)).toEqual([ids[0]]);
    expect(page2.nextToken).toBeUndefined();
    const cancelled = await t.json<{ reports: unknown[] }>(
      `${REPORTS}?reportTypes=${BY_UPDATE}&processingStatuses=CANCELLED`,
    );
    expect(cancelled.reports).toHaveLength(1);
    expect((await t.get(`${REPORTS}?pageSize=2`)).status).toBe(400);
    t.clock.advance(5 * 60_000);
    expect((await t.call('DELETE', `${REPORTS}/${ids[0]}`)).status).toBe(400);
  });

  it('expires document URLs 5 minutes after getReportDocument with S3 AccessDenied', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const { reportId } = (await (
      await create(t, { reportType: BY_UPDATE, marketplaceIds: ['ATVPDKIKX0DER'] })
    ).json()) as { reportId: string };
    const { report } = await runToEnd(t, reportId);
    const doc = await t.json<{ url: string }>(`/reports/2021-06-30/documents/${report.reportDocumentId}`);
    t.clock.advance(299_000);
    expect((await t.sandbox.fetch(new Request(doc.url))).status).toBe(200);
    t.clock.advance(2_000);
    const expired = await t.sandbox.fetch(new Request(doc.url));
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code>/);
    expect(
      (await t.sandbox.fetch(new Request(doc.url.replace(/X-Amz-Signature=\w+/, 'X-Amz-Signature=x'))))
        .status,
    ).toBe(403);
    expect(t.sandbox.stats().other.documentDownload).toBe(3);
  });

  it('gzips large documents and uses documentOrigin in the URL', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      orderCount: 3000,
      documentOrigin: 'https://tortuga-prod-na.s3-external-1.amazonaws.com',
    });
    const { reportId } = (await (
      await create(t, {
        reportType: BY_DATE,
        marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'],
      })
    ).json()) as { reportId: string };
    const { report } = await runToEnd(t, reportId);
    const { doc, text } = await download(t, report.reportDocumentId!);
    expect(doc.compressionAlgorithm).toBe('GZIP');
    expect(
      doc.url.startsWith('https://tortuga-prod-na.s3-external-1.amazonaws.com/_sandbox/documents/'),
    ).toBe(true);
    const { rows } = parseTsv(text);
    expect(rows.length).toBeGreaterThan(1000);
    expect(new Set(rows.map((r) => r['currency'])).size).toBe(4);
  });
});
