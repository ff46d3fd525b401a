/**
 * Reports API 2021-06-30 in the sandbox. A report's lifecycle is fixed at creation and read off the
 * clock: IN_QUEUE for 30 s, IN_PROGRESS for 60 s plus 1 s per 1,000 rows, then DONE, or CANCELLED
 * when no order matched (Amazon: order reports "are canceled if no eligible data is found").
 * Document URLs are presigned-style, valid 5 minutes from getReportDocument on the clock.
 */
import { gzipSync, strToU8 } from 'fflate';
import type { Clock } from '../clock';
import { marketplaceById } from './marketplaces';
import type { OrderDataset } from './order-dataset';
import {
  buildOrderReport,
  ORDER_REPORT_TYPES,
  selectReportOrders,
  type OrderReportType,
} from './order-report-file';
import { iso } from './order-view';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';
import { invalidInput, notFound } from './sp-api-errors';
import { parseIsoParam, queryList } from './search-orders';

/** How long reports sit in the queue and take to process; demo mode shortens both. */
export interface ReportTiming {
  readonly queueMs: number;
  readonly processingMs: number;
}
export const AMAZON_LIKE_REPORT_TIMING: ReportTiming = { queueMs: 30_000, processingMs: 60_000 };
const URL_LIFETIME_MS = 5 * 60_000;
const RETENTION_MS = 90 * 24 * 60 * 60_000;
/** Documents larger than this are served gzip-compressed (compressionAlgorithm GZIP). */
export const GZIP_THRESHOLD_BYTES = 64 * 1024;
const DEFAULT_RANGE_MS = 30 * 24 * 60 * 60_000;

const PROCESSING_STATUSES = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'] as const;
type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

interface StoredReport {
  reportId: string;
  reportType: string;
  marketplaceIds: string[];
  dataStartMs: number;
  dataEndMs: number;
  createdMs: number;
  startMs: number;
  endMs: number;
  /** Set when cancelled by cancelReport. */
  cancelledMs: number;
  rowCount: number;
  documentId: string;
}

interface StoredDocument {
  bytes: Uint8Array;
  gzip: boolean;
}

export class ReportStore {
  readonly #reports: StoredReport[] = [];
  readonly #documents = new Map<string, StoredDocument>();
  readonly #urls = new Map<string, { documentId: string; expiresMs: number }>();
  readonly #random;
  #nextId = 50_000_019_951;

  constructor(
    private readonly clock: Clock,
    private readonly dataset: OrderDataset,
    seed: number,
    private readonly timing: ReportTiming = AMAZON_LIKE_REPORT_TIMING,
  ) {
    this.#random = mulberry32(hashSeed(seed, 0x4e9));
  }

  create(body: unknown): { reportId: string } {
    if (!body || typeof body !== 'object')
      throw invalidInput('The request body must be a JSON CreateReportSpecification.');
    const spec = body as Record<string, unknown>;
    const reportType = spec.reportType;
    if (typeof reportType !== 'string' || reportType === '') throw invalidInput('reportType is required.');
    if (/SETTLEMENT/.test(reportType)) {
      throw invalidInput(
        `Report type ${reportType} cannot be requested.`,
        'Settlement reports are created by Amazon on a schedule; find them with getReports.',
      );
    }
    if (!(ORDER_REPORT_TYPES as readonly string[]).includes(reportType)) {
      throw invalidInput(
        `Invalid reportType: ${reportType}.`,
        `The sandbox supports ${ORDER_REPORT_TYPES.join(', ')}.`,
      );
    }
    const marketplaceIds = spec.marketplaceIds;
    if (!Array.isArray(marketplaceIds) || marketplaceIds.length < 1 || marketplaceIds.length > 25) {
      throw invalidInput('marketplaceIds must list between 1 and 25 marketplace identifiers.');
    }
    for (const id of marketplaceIds) {
      if (typeof id !== 'string' || !marketplaceById(id)) {
        throw invalidInput(
          `Invalid marketplaceId: ${String(id)}.`,
          'The seller is not registered in this marketplace.',
        );
      }
    }
    const now = this.clock.now();
    const end = spec.dataEndTime === undefined ? now : parseIsoParam('dataEndTime', String(spec.dataEndTime));
    const start =
      spec.dataStartTime === undefined
        ? end - DEFAULT_RANGE_MS
        : parseIsoParam('dataStartTime', String(spec.dataStartTime));
    if (start > now || end > now)
      throw invalidInput(
        'dataStartTime and dataEndTime must be prior to or equal to the current date and time.',
      );
    if (start > end) throw invalidInput('dataStartTime must be before dataEndTime.');
    if (
      spec.reportOptions !== undefined &&
      (typeof spec.reportOptions !== 'object' || spec.reportOptions === null)
    ) {
      throw invalidInput('reportOptions must be an object of string values.');
    }

    const reportId = String(this.#nextId++);
    const selection = {
      reportType: reportType as OrderReportType,
      dataStartMs: start,
      dataEndMs: end,
      createdMs: now,
      marketplaceIds: marketplaceIds as string[],
    };
    const { plans, asOfMs } = selectReportOrders(this.dataset, selection);
    let documentId = '';
    let rowCount = 0;
    if (plans.length > 0) {
      const text = buildOrderReport(this.dataset, selection.reportType, plans, asOfMs);
      rowCount = text.split('\n').length - 2;
      const raw = strToU8(text);
      const gzip = raw.length > GZIP_THRESHOLD_BYTES;
      documentId = `amzn1.spdoc.1.4.na.${this.#uuid()}`;
      this.#documents.set(documentId, { bytes: gzip ? gzipSync(raw) : raw, gzip });
    }
    const startMs = now + this.timing.queueMs;
    this.#reports.push({
      reportId,
      reportType,
      marketplaceIds: marketplaceIds as string[],
      dataStartMs: start,
      dataEndMs: end,
      createdMs: now,
      startMs,
      endMs:
        startMs + this.timing.processingMs + Math.floor(rowCount / 1000) * (this.timing.processingMs / 60),
      cancelledMs: NaN,
      rowCount,
      documentId,
    });
    return { reportId };
  }

  #uuid(): string {
    const hex = () =>
      randomAlphanumeric(this.#random, 8)
        .toLowerCase()
        .replace(/[g-z]/g, (c) => ((c.charCodeAt(0) - 103) % 10).toString());
    const h = hex() + hex() + hex() + hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  #status(report: StoredReport, now: number): ProcessingStatus {
    if (report.cancelledMs <= now) return 'CANCELLED';
    if (now < report.startMs) return 'IN_QUEUE';
    if (now < report.endMs) return 'IN_PROGRESS';
    return report.documentId ? 'DONE' : 'CANCELLED';
  }

  #view(report: StoredReport, now: number): Record<string, unknown> {
    const status = this.#status(report, now);
    const view: Record<string, unknown> = {
      reportId: report.reportId,
      reportType: report.reportType,
      dataStartTime: iso(report.dataStartMs),
      dataEndTime: iso(report.dataEndMs),
      marketplaceIds: report.marketplaceIds,
      createdTime: iso(report.createdMs),
      processingStatus: status,
    };
    if (status !== 'IN_QUEUE' && !(report.cancelledMs < report.startMs))
      view.processingStartTime = iso(report.startMs);
    if (status === 'DONE' || (status === 'CANCELLED' && !(report.cancelledMs <= now)))
      view.processingEndTime = iso(report.endMs);
    if (status === 'DONE') view.reportDocumentId = report.documentId;
    return view;
  }

  #find(reportId: string): StoredReport {
    const report = this.#reports.find((r) => r.reportId === reportId);
    if (!report || report.createdMs + RETENTION_MS < this.clock.now())
      throw notFound(`Report ${reportId} was not found.`);
    return report;
  }

  get(reportId: string): Record<string, unknown> {
    return this.#view(this.#find(reportId), this.clock.now());
  }

  cancel(reportId: string): void {
    const report = this.#find(reportId);
    const now = this.clock.now();
    const status = this.#status(report, now);
    if (status !== 'IN_QUEUE') {
      throw invalidInput(
        `Report ${reportId} cannot be cancelled: its processingStatus is ${status}.`,
        'Only IN_QUEUE reports can be cancelled.',
      );
    }
    report.cancelledMs = now;
  }

  list(params: URLSearchParams): Record<string, unknown> {
    const now = this.clock.now();
    const nextToken = params.get('nextToken');
    let query: {
      types: string[];
      statuses: string[];
      marketplaces: string[];
      since: number;
      until: number;
      pageSize: number;
      offset: number;
    };
    if (nextToken !== null) {
      if ([...params.keys()].some((k) => k !== 'nextToken')) {
        throw invalidInput('nextToken must be the only parameter when it is provided.');
      }
      try {
        query = JSON.parse(atob(nextToken)) as typeof query;
      } catch {
        throw invalidInput('Invalid nextToken.');
      }
    } else {
      const types = queryList(params, 'reportTypes');
      if (types.length < 1 || types.length > 10)
        throw invalidInput('reportTypes is required (1 to 10 values) unless nextToken is provided.');
      const statuses = queryList(params, 'processingStatuses');
      const bad = statuses.filter((s) => !(PROCESSING_STATUSES as readonly string[]).includes(s));
      if (bad.length > 0) throw invalidInput(`Invalid processingStatuses: ${bad.join(', ')}.`);
      const marketplaces = queryList(params, 'marketplaceIds');
      if (marketplaces.length > 10) throw invalidInput('marketplaceIds accepts at most 10 values.');
      const rawSize = params.get('pageSize');
      const pageSize = rawSize === null ? 10 : Number(rawSize);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
        throw invalidInput('pageSize must be between 1 and 100.');
      const sinceRaw = params.get('createdSince');
      const untilRaw = params.get('createdUntil');
      const since = sinceRaw === null ? now - RETENTION_MS : parseIsoParam('createdSince', sinceRaw);
      const until = untilRaw === null ? now : parseIsoParam('createdUntil', untilRaw);
      if (since > until) throw invalidInput('createdSince must be before createdUntil.');
      query = { types, statuses, marketplaces, since, until, pageSize, offset: 0 };
    }
    const matching = this.#reports
      .filter(
        (r) =>
          query.types.includes(r.reportType) &&
          r.createdMs >= query.since &&
          r.createdMs <= query.until &&
          r.createdMs + RETENTION_MS >= now &&
          (query.statuses.length === 0 || query.statuses.includes(this.#status(r, now))) &&
          (query.marketplaces.length === 0 || r.marketplaceIds.some((m) => query.marketplaces.includes(m))),
      )
      .sort((a, b) => b.createdMs - a.createdMs || Number(b.reportId) - Number(a.reportId));
    const page = matching.slice(query.offset, query.offset + query.pageSize);
    const response: Record<string, unknown> = { reports: page.map((r) => this.#view(r, now)) };
    if (query.offset + query.pageSize < matching.length) {
      response.nextToken = btoa(JSON.stringify({ ...query, offset: query.offset + query.pageSize }));
    }
    return response;
  }

  /** getReportDocument: mints a URL valid 5 minutes on the sandbox clock. */
  document(documentId: string, origin: string): Record<string, unknown> {
    const doc = this.#documents.get(documentId);
    if (!doc) throw notFound(`Report document ${documentId} was not found.`);
    const now = this.clock.now();
    const signature = randomAlphanumeric(this.#random, 32).toLowerCase();
    this.#urls.set(signature, { documentId, expiresMs: now + URL_LIFETIME_MS });
    const amzDate = iso(now).replace(/[-:]/g, '');
    const url =
      `${origin}/_sandbox/documents/${encodeURIComponent(documentId)}` +
      `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate}&X-Amz-SignedHeaders=host&X-Amz-Expires=300` +
      `&X-Amz-Credential=SANDBOX%2F${amzDate.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
    const response: Record<string, unknown> = { reportDocumentId: documentId, url };
    if (doc.gzip) response.compressionAlgorithm = 'GZIP';
    return response;
  }

  /** The presigned download: 'expired' / 'denied' map to S3's 403 AccessDenied. */
  download(documentId: string, signature: string | null): StoredDocument | 'expired' | 'denied' {
    const grant = signature ? this.#urls.get(signature) : undefined;
    if (!grant || grant.documentId !== documentId) return 'denied';
    if (this.clock.now() > grant.expiresMs) return 'expired';
    return this.#documents.get(documentId) ?? 'denied';
  }
}
