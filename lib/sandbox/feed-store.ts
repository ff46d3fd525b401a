/**
 * Feeds API 2021-06-30 in the sandbox. createFeedDocument mints a presigned-style upload URL (PUT,
 * same Content-Type, 5 minutes on the clock); createFeed snapshots the uploaded bytes. A feed's
 * lifecycle is read off the clock: IN_QUEUE for queueMs, IN_PROGRESS for processingMs, then DONE or
 * FATAL. Its effects apply at processingEndTime: settle() runs due feeds in that order before every
 * request, so what a client sees never depends on when it asks.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { Clock } from '../clock';
import type { FeedProcessor } from './feed-processor';
import { marketplaceById } from './marketplaces';
import { iso } from './order-view';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';
import { GZIP_THRESHOLD_BYTES } from './report-store';
import { parseIsoParam, queryList } from './search-orders';
import { invalidInput, notFound } from './sp-api-errors';

/** How long feeds sit in the queue and take to process; demo mode and end-to-end tests shorten both. */
export interface FeedTiming {
  readonly queueMs: number;
  readonly processingMs: number;
}
export const AMAZON_LIKE_FEED_TIMING: FeedTiming = { queueMs: 30_000, processingMs: 60_000 };

const URL_LIFETIME_MS = 5 * 60_000;
/** "feedDocumentId must be used within 2 days" (reference §8). */
const INPUT_DOCUMENT_LIFETIME_MS = 2 * 24 * 60 * 60_000;
const RETENTION_MS = 90 * 24 * 60 * 60_000;
const PROCESSING_STATUSES = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'] as const;
type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

interface StoredDocument {
  readonly id: string;
  readonly kind: 'input' | 'result';
  readonly createdMs: number;
  /** Input documents: the Content-Type given to createFeedDocument (the upload must match it). */
  readonly contentType: string;
  readonly uploadSignature: string;
  bytes?: Uint8Array;
  gzip: boolean;
}

interface StoredFeed {
  readonly feedId: string;
  readonly feedType: string;
  readonly marketplaceIds: readonly string[];
  readonly feedOptions?: Record<string, string>;
  readonly inputFeedDocumentId: string;
  readonly contentType: string;
  readonly input: Uint8Array;
  readonly createdMs: number;
  readonly startMs: number;
  readonly endMs: number;
  cancelledMs: number;
  outcome?: 'DONE' | 'FATAL';
  resultDocumentId?: string;
}

/** A feed as the test-only control route shows it, with its decoded input and report. */
export interface SandboxFeedRecord {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  feedOptions?: Record<string, string>;
  createdTime: string;
  processingStatus: string;
  inputFeedDocumentId: string;
  contentType: string;
  /** The uploaded bytes as text (gunzipped when they were gzip). */
  input: string;
  resultFeedDocumentId?: string;
  processingReport?: string;
}

export type UploadOutcome = 'ok' | 'expired' | 'denied' | 'content-type';

export class FeedStore {
  readonly #feeds: StoredFeed[] = [];
  readonly #documents = new Map<string, StoredDocument>();
  readonly #downloads = new Map<string, { documentId: string; expiresMs: number }>();
  readonly #random;
  #nextId = 60_000_018_421;

  constructor(
    private readonly clock: Clock,
    private readonly process: FeedProcessor,
    seed: number,
    private readonly timing: FeedTiming = AMAZON_LIKE_FEED_TIMING,
  ) {
    this.#random = mulberry32(hashSeed(seed, 0xfeed));
  }

  #documentId(): string {
    const hex = () =>
      randomAlphanumeric(this.#random, 8)
        .toLowerCase()
        .replace(/[g-z]/g, (c) => ((c.charCodeAt(0) - 103) % 10).toString());
    const h = hex() + hex() + hex() + hex();
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return `amzn1.tortuga.4.na.${uuid}.T${randomAlphanumeric(this.#random, 13).toUpperCase()}`;
  }

  #presign(path: string, origin: string, signedHeaders: string): { url: string; signature: string } {
    const now = this.clock.now();
    const signature = randomAlphanumeric(this.#random, 32).toLowerCase();
    const amzDate = iso(now).replace(/[-:]/g, '');
    const url =
      `${origin}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate}` +
      `&X-Amz-SignedHeaders=${encodeURIComponent(signedHeaders)}&X-Amz-Expires=300` +
      `&X-Amz-Credential=SANDBOX%2F${amzDate.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
    return { url, signature };
  }

  /** createFeedDocument → 201 {feedDocumentId, url}. */
  createDocument(body: unknown, origin: string): { feedDocumentId: string; url: string } {
    const spec = body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
    if (!spec || typeof spec.contentType !== 'string' || spec.contentType.trim() === '') {
      throw invalidInput('contentType is required.', 'Example: {"contentType":"text/xml; charset=UTF-8"}');
    }
    const id = this.#documentId();
    const { url, signature } = this.#presign(
      `/_sandbox/uploads/${encodeURIComponent(id)}`,
      origin,
      'content-type;host',
    );
    this.#documents.set(id, {
      id,
      kind: 'input',
      createdMs: this.clock.now(),
      contentType: spec.contentType,
      uploadSignature: signature,
      gzip: false,
    });
    return { feedDocumentId: id, url };
  }

  /** The presigned PUT: S3 answers 403 for an expired or foreign URL and for another Content-Type. */
  upload(
    documentId: string,
    signature: string | null,
    contentType: string | null,
    bytes: Uint8Array,
  ): UploadOutcome {
    const doc = this.#documents.get(documentId);
    if (!doc || doc.kind !== 'input' || signature === null || signature !== doc.uploadSignature)
      return 'denied';
    if (this.clock.now() > doc.createdMs + URL_LIFETIME_MS) return 'expired';
    if (contentType !== doc.contentType) return 'content-type';
    doc.bytes = bytes;
    return 'ok';
  }

  /** createFeed → 202 {feedId}. */
  create(body: unknown): { feedId: string } {
    if (!body || typeof body !== 'object')
      throw invalidInput('The request body must be a JSON CreateFeedSpecification.');
    const spec = body as Record<string, unknown>;
    const feedType = spec.feedType;
    if (typeof feedType !== 'string' || feedType.trim() === '') throw invalidInput('feedType is required.');
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
    const options = spec.feedOptions;
    if (
      options !== undefined &&
      (typeof options !== 'object' ||
        options === null ||
        Array.isArray(options) ||
        Object.values(options).some((v) => typeof v !== 'string'))
    ) {
      throw invalidInput('feedOptions must be an object of string values.');
    }
    const documentId = spec.inputFeedDocumentId;
    if (typeof documentId !== 'string' || documentId === '')
      throw invalidInput('inputFeedDocumentId is required.');
    const doc = this.#documents.get(documentId);
    const now = this.clock.now();
    if (!doc || doc.kind !== 'input') {
      throw invalidInput(
        `Invalid inputFeedDocumentId: ${documentId}.`,
        'Use the feedDocumentId returned by createFeedDocument.',
      );
    }
    if (now > doc.createdMs + INPUT_DOCUMENT_LIFETIME_MS) {
      throw invalidInput(
        `The feed document ${documentId} has expired. Feed documents must be used within 2 days.`,
      );
    }
    if (!doc.bytes) {
      throw invalidInput(
        `The feed document ${documentId} has no content.`,
        'Upload the feed content to the url returned by createFeedDocument before calling createFeed.',
      );
    }
    const feedId = String(this.#nextId++);
    const startMs = now + this.timing.queueMs;
    this.#feeds.push({
      feedId,
      feedType,
      marketplaceIds: [...(marketplaceIds as string[])],
      feedOptions: options === undefined ? undefined : { ...(options as Record<string, string>) },
      inputFeedDocumentId: documentId,
      contentType: doc.contentType,
      input: doc.bytes,
      createdMs: now,
      startMs,
      endMs: startMs + this.timing.processingMs,
      cancelledMs: NaN,
    });
    return { feedId };
  }

  /** Processes every feed whose processing has ended by now, in order of processingEndTime. */
  settle(): void {
    const now = this.clock.now();
    const due = this.#feeds
      .filter((f) => !f.outcome && !(f.cancelledMs <= now) && f.endMs <= now)
      .sort((a, b) => a.endMs - b.endMs || Number(a.feedId) - Number(b.feedId));
    for (const feed of due) {
      const result = this.process({
        feedId: feed.feedId,
        feedType: feed.feedType,
        text: decodeInput(feed.input),
        atMs: feed.endMs,
      });
      const raw = strToU8(result.report);
      const gzip = raw.length > GZIP_THRESHOLD_BYTES;
      const id = this.#documentId();
      this.#documents.set(id, {
        id,
        kind: 'result',
        createdMs: feed.endMs,
        contentType: 'text/xml; charset=UTF-8',
        uploadSignature: '',
        bytes: gzip ? gzipSync(raw) : raw,
        gzip,
      });
      feed.outcome = result.status;
      feed.resultDocumentId = id;
    }
  }

  #status(feed: StoredFeed, now: number): ProcessingStatus {
    if (feed.cancelledMs <= now) return 'CANCELLED';
    if (now < feed.startMs) return 'IN_QUEUE';
    if (now < feed.endMs || !feed.outcome) return 'IN_PROGRESS';
    return feed.outcome;
  }

  #view(feed: StoredFeed, now: number): Record<string, unknown> {
    const status = this.#status(feed, now);
    const view: Record<string, unknown> = {
      feedId: feed.feedId,
      feedType: feed.feedType,
      marketplaceIds: [...feed.marketplaceIds],
      createdTime: iso(feed.createdMs),
      processingStatus: status,
    };
    if (status === 'IN_PROGRESS' || status === 'DONE' || status === 'FATAL')
      view.processingStartTime = iso(feed.startMs);
    if (status === 'DONE' || status === 'FATAL') {
      view.processingEndTime = iso(feed.endMs);
      view.resultFeedDocumentId = feed.resultDocumentId;
    }
    return view;
  }

  #find(feedId: string): StoredFeed {
    const feed = this.#feeds.find((f) => f.feedId === feedId);
    if (!feed || feed.createdMs + RETENTION_MS < this.clock.now())
      throw notFound(`Feed ${feedId} was not found.`);
    return feed;
  }

  get(feedId: string): Record<string, unknown> {
    this.settle();
    return this.#view(this.#find(feedId), this.clock.now());
  }

  cancel(feedId: string): void {
    this.settle();
    const feed = this.#find(feedId);
    const now = this.clock.now();
    const status = this.#status(feed, now);
    if (status !== 'IN_QUEUE') {
      throw invalidInput(
        `Feed ${feedId} cannot be cancelled: its processingStatus is ${status}.`,
        'Only IN_QUEUE feeds can be cancelled.',
      );
    }
    feed.cancelledMs = now;
  }

  list(params: URLSearchParams): Record<string, unknown> {
    this.settle();
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
        if (!Array.isArray(query.types)) throw new Error('shape');
      } catch {
        throw invalidInput('Invalid nextToken.');
      }
    } else {
      const types = queryList(params, 'feedTypes');
      if (types.length < 1 || types.length > 10)
        throw invalidInput('feedTypes is required (1 to 10 values) unless nextToken is provided.');
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
      if (since < now - RETENTION_MS - 60_000)
        throw invalidInput('createdSince cannot be more than 90 days in the past.');
      if (since > until) throw invalidInput('createdSince must be before createdUntil.');
      query = { types, statuses, marketplaces, since, until, pageSize, offset: 0 };
    }
    const matching = this.#feeds
      .filter(
        (f) =>
          query.types.includes(f.feedType) &&
          f.createdMs >= query.since &&
          f.createdMs <= query.until &&
          f.createdMs + RETENTION_MS >= now &&
          (query.statuses.length === 0 || query.statuses.includes(this.#status(f, now))) &&
          (query.marketplaces.length === 0 || f.marketplaceIds.some((m) => query.marketplaces.includes(m))),
      )
      .sort((a, b) => b.createdMs - a.createdMs || Number(b.feedId) - Number(a.feedId));
    const page = matching.slice(query.offset, query.offset + query.pageSize);
    const response: Record<string, unknown> = { feeds: page.map((f) => this.#view(f, now)) };
    if (query.offset + query.pageSize < matching.length) {
      response.nextToken = btoa(JSON.stringify({ ...query, offset: query.offset + query.pageSize }));
    }
    return response;
  }

  /** getFeedDocument: result documents (and uploaded inputs) with a download URL valid 5 minutes. */
  document(documentId: string, origin: string): Record<string, unknown> {
    this.settle();
    const doc = this.#documents.get(documentId);
    if (!doc || !doc.bytes) throw notFound(`Feed document ${documentId} was not found.`);
    const { url, signature } = this.#presign(
      `/_sandbox/feed-documents/${encodeURIComponent(documentId)}`,
      origin,
      'host',
    );
    this.#downloads.set(signature, { documentId, expiresMs: this.clock.now() + URL_LIFETIME_MS });
    const response: Record<string, unknown> = { feedDocumentId: documentId, url };
    if (doc.gzip) response.compressionAlgorithm = 'GZIP';
    return response;
  }

  download(
    documentId: string,
    signature: string | null,
  ): { bytes: Uint8Array; gzip: boolean; contentType: string } | 'expired' | 'denied' {
    const grant = signature ? this.#downloads.get(signature) : undefined;
    if (!grant || grant.documentId !== documentId) return 'denied';
    if (this.clock.now() > grant.expiresMs) return 'expired';
    const doc = this.#documents.get(documentId);
    if (!doc?.bytes) return 'denied';
    return { bytes: doc.bytes, gzip: doc.gzip, contentType: doc.contentType };
  }

  /** Every feed with its decoded input and report (test-only control route). */
  records(): SandboxFeedRecord[] {
    this.settle();
    const now = this.clock.now();
    return this.#feeds.map((feed) => {
      const record: SandboxFeedRecord = {
        feedId: feed.feedId,
        feedType: feed.feedType,
        marketplaceIds: [...feed.marketplaceIds],
        createdTime: iso(feed.createdMs),
        processingStatus: this.#status(feed, now),
        inputFeedDocumentId: feed.inputFeedDocumentId,
        contentType: feed.contentType,
        input: decodeInput(feed.input),
      };
      if (feed.feedOptions) record.feedOptions = { ...feed.feedOptions };
      const result = feed.resultDocumentId ? this.#documents.get(feed.resultDocumentId) : undefined;
      if (result?.bytes && feed.resultDocumentId) {
        record.resultFeedDocumentId = feed.resultDocumentId;
        record.processingReport = strFromU8(result.gzip ? gunzipSync(result.bytes) : result.bytes);
      }
      return record;
    });
  }
}

function decodeInput(bytes: Uint8Array): string {
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  try {
    return strFromU8(gzip ? gunzipSync(bytes) : bytes);
  } catch {
    return strFromU8(bytes, true);
  }
}
