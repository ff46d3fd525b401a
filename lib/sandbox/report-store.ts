/**
 * Reports API 2021-06-30 in the sandbox. A report's lifecycle is fixed at creation and read off the
 * clock: IN_QUEUE for 30 s, IN_PROGRESS for 60 s plus 1 s per 1,000 rows, then DONE, or CANCELLED
 * when no order matched (Amazon: order reports "are canceled if no eligible data is found").
 * Document URLs are presigned-style, valid 5 minutes from getReportDocument on the clock.
 */
import type { Clock } from '../clock';
import type { OrderDataset } from './order-dataset';
import {
  buildOrderReport,
  type OrderReportColumnChoice,
  ORDER_REPORT_TYPES,
  selectReportOrders,
  type OrderReportType,
} from './order-report-file';
import { iso } from './order-view';
import { documentBody, documentResponse, PresignedDocuments, type DocumentBody } from './presigned-documents';
import { ProcessingJobKind, requireMarketplaceIds } from './processing-jobs';
import type { ProcessingStatus, ProcessingTiming } from './processing-jobs';
import { hashSeed, mulberry32 } from './prng';
import { parseIsoParam } from './search-orders';
import { invalidInput, notFound } from './sp-api-errors';

export { GZIP_THRESHOLD_BYTES } from './presigned-documents';

/** How long reports sit in the queue and take to process; demo mode shortens both. */
export type ReportTiming = ProcessingTiming;
export const AMAZON_LIKE_REPORT_TIMING: ReportTiming = { queueMs: 30_000, processingMs: 60_000 };
const DEFAULT_RANGE_MS = 30 * 24 * 60 * 60_000;

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

const REPORTS = new ProcessingJobKind<StoredReport>(
  'Report',
  (r) => r.reportId,
  (r) => r.reportType,
);

export class ReportStore {
  readonly #reports: StoredReport[] = [];
  readonly #documents = new Map<string, DocumentBody>();
  readonly #presigned: PresignedDocuments;
  #nextId = 50_000_019_951;

  constructor(
    private readonly clock: Clock,
    private readonly dataset: OrderDataset,
    seed: number,
    private readonly timing: ReportTiming = AMAZON_LIKE_REPORT_TIMING,
    private readonly columns: OrderReportColumnChoice = { buyerCancelColumns: true },
  ) {
    this.#presigned = new PresignedDocuments(clock, mulberry32(hashSeed(seed, 0x4e9)));
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
    const marketplaceIds = requireMarketplaceIds(spec.marketplaceIds);
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
      marketplaceIds,
    };
    const { plans, asOfMs } = selectReportOrders(this.dataset, selection);
    let documentId = '';
    let rowCount = 0;
    if (plans.length > 0) {
      const text = buildOrderReport(this.dataset, selection.reportType, plans, asOfMs, this.columns);
      rowCount = text.split('\n').length - 2;
      const body = documentBody(text);
      documentId = `amzn1.spdoc.1.4.na.${this.#presigned.uuid()}`;
      this.#documents.set(documentId, body);
    }
    const startMs = now + this.timing.queueMs;
    this.#reports.push({
      reportId,
      reportType,
      marketplaceIds,
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
    return REPORTS.find(this.#reports, reportId, this.clock.now());
  }

  get(reportId: string): Record<string, unknown> {
    return this.#view(this.#find(reportId), this.clock.now());
  }

  cancel(reportId: string): void {
    const report = this.#find(reportId);
    const now = this.clock.now();
    REPORTS.requireCancellable(reportId, this.#status(report, now));
    report.cancelledMs = now;
  }

  list(params: URLSearchParams): Record<string, unknown> {
    const now = this.clock.now();
    const status = (r: StoredReport) => this.#status(r, now);
    return REPORTS.list(params, now, this.#reports, status, (r) => this.#view(r, now));
  }

  /** getReportDocument: mints a URL valid 5 minutes on the sandbox clock. */
  document(documentId: string, origin: string): Record<string, unknown> {
    const doc = this.#documents.get(documentId);
    if (!doc) throw notFound(`Report document ${documentId} was not found.`);
    const url = this.#presigned.downloadUrl(
      documentId,
      `/_sandbox/documents/${encodeURIComponent(documentId)}`,
      origin,
    );
    return documentResponse('reportDocumentId', documentId, url, doc.gzip);
  }

  /** The presigned download: 'expired' / 'denied' map to S3's 403 AccessDenied. */
  download(documentId: string, signature: string | null): DocumentBody | 'expired' | 'denied' {
    const check = this.#presigned.checkDownload(documentId, signature);
    if (check !== 'ok') return check;
    return this.#documents.get(documentId) ?? 'denied';
  }
}
