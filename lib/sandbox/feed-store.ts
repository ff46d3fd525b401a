/**
 * Feeds API 2021-06-30 in the sandbox. createFeedDocument mints a presigned-style upload URL (PUT,
 * same Content-Type, 5 minutes on the clock); createFeed snapshots the uploaded bytes. A feed's
 * lifecycle is read off the clock: IN_QUEUE for queueMs, IN_PROGRESS for processingMs, then DONE or
 * FATAL. Its effects apply at processingEndTime: settle() runs due feeds in that order before every
 * request, so what a client sees never depends on when it asks.
 */
import { gunzipSync, strFromU8 } from 'fflate';
import type { Clock } from '../clock';
import type { FeedProcessor } from './feed-processor';
import type { AppliedMessage } from './order-acknowledgement';
import { iso } from './order-view';
import {
  documentBody,
  documentResponse,
  PRESIGNED_URL_LIFETIME_MS,
  PresignedDocuments,
} from './presigned-documents';
import { ProcessingJobKind, requireMarketplaceIds } from './processing-jobs';
import type { ProcessingStatus, ProcessingTiming } from './processing-jobs';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';
import { invalidInput, notFound } from './sp-api-errors';

/** How long feeds sit in the queue and take to process; demo mode and end-to-end tests shorten both. */
export type FeedTiming = ProcessingTiming;
export const AMAZON_LIKE_FEED_TIMING: FeedTiming = { queueMs: 30_000, processingMs: 60_000 };

/** "feedDocumentId must be used within 2 days" (reference §8). */
const INPUT_DOCUMENT_LIFETIME_MS = 2 * 24 * 60 * 60_000;

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
  readonly source: FeedSource;
  cancelledMs: number;
  outcome?: 'DONE' | 'FATAL';
  resultDocumentId?: string;
  messages?: AppliedMessage[];
}

/** Who submitted a feed: a createFeed call, or another of the seller's tools (a test stand-in). */
export type FeedSource = 'createFeed' | 'other-tool';

/** A feed another of the seller's tools submitted: same lifecycle, own input document. */
export interface OtherToolFeedSpec {
  readonly feedType: string;
  readonly marketplaceIds: readonly string[];
  /** Its createdTime on the sandbox clock. */
  readonly atMs: number;
  readonly contentType: string;
  readonly input: string;
}

/** A feed as the test-only control route shows it, with its decoded input and report. */
export interface SandboxFeedRecord {
  feedId: string;
  source: FeedSource;
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
  /**
   * Order acknowledgement feeds, once processed: what each message did. outcome 'applied' = this
   * message cancelled lines (itemCodes: exactly those lines), 'already-cancelled' = only warnings,
   * 'error' = any Error, 'acknowledged' = a StatusCode Success message (cancels nothing); for all
   * but 'applied', itemCodes are the items the message listed.
   */
  messages?: {
    messageId: string;
    orderId?: string;
    statusCode?: 'Success' | 'Failure';
    itemCodes: string[];
    outcome: 'applied' | 'already-cancelled' | 'error' | 'acknowledged';
  }[];
}

export type UploadOutcome = 'ok' | 'expired' | 'denied' | 'content-type';

const FEEDS = new ProcessingJobKind<StoredFeed>(
  'Feed',
  (f) => f.feedId,
  (f) => f.feedType,
  { strict: true },
);

export class FeedStore {
  readonly #feeds: StoredFeed[] = [];
  readonly #documents = new Map<string, StoredDocument>();
  readonly #random;
  readonly #presigned: PresignedDocuments;
  #nextId = 60_000_018_421;

  constructor(
    private readonly clock: Clock,
    private readonly process: FeedProcessor,
    seed: number,
    private readonly timing: FeedTiming = AMAZON_LIKE_FEED_TIMING,
  ) {
    this.#random = mulberry32(hashSeed(seed, 0xfeed));
    this.#presigned = new PresignedDocuments(clock, this.#random);
  }

  #documentId(): string {
    const uuid = this.#presigned.uuid();
    return `amzn1.tortuga.4.na.${uuid}.T${randomAlphanumeric(this.#random, 13).toUpperCase()}`;
  }

  /** createFeedDocument → 201 {feedDocumentId, url}. */
  createDocument(body: unknown, origin: string): { feedDocumentId: string; url: string } {
    const spec = body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
    if (!spec || typeof spec.contentType !== 'string' || spec.contentType.trim() === '') {
      throw invalidInput('contentType is required.', 'Example: {"contentType":"text/xml; charset=UTF-8"}');
    }
    const id = this.#documentId();
    const { url, signature } = this.#presigned.presign(
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
    if (this.clock.now() > doc.createdMs + PRESIGNED_URL_LIFETIME_MS) return 'expired';
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
    const marketplaceIds = requireMarketplaceIds(spec.marketplaceIds);
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
    const feedId = this.#add({
      feedType,
      marketplaceIds: [...marketplaceIds],
      feedOptions: options === undefined ? undefined : { ...(options as Record<string, string>) },
      inputFeedDocumentId: documentId,
      contentType: doc.contentType,
      input: doc.bytes,
      createdMs: now,
      source: 'createFeed',
    });
    return { feedId };
  }

  /** Stores another tool's feed with its own input document; getFeeds lists it like any other. */
  createOtherToolFeed(spec: OtherToolFeedSpec): { feedId: string } {
    requireMarketplaceIds(spec.marketplaceIds);
    const id = this.#documentId();
    const bytes = new TextEncoder().encode(spec.input);
    this.#documents.set(id, {
      id,
      kind: 'input',
      createdMs: spec.atMs,
      contentType: spec.contentType,
      uploadSignature: '',
      bytes,
      gzip: false,
    });
    const feedId = this.#add({
      feedType: spec.feedType,
      marketplaceIds: [...spec.marketplaceIds],
      inputFeedDocumentId: id,
      contentType: spec.contentType,
      input: bytes,
      createdMs: spec.atMs,
      source: 'other-tool',
    });
    return { feedId };
  }

  #add(feed: Omit<StoredFeed, 'feedId' | 'startMs' | 'endMs' | 'cancelledMs'>): string {
    const feedId = String(this.#nextId++);
    const startMs = feed.createdMs + this.timing.queueMs;
    this.#feeds.push({
      ...feed,
      feedId,
      startMs,
      endMs: startMs + this.timing.processingMs,
      cancelledMs: NaN,
    });
    return feedId;
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
      const { bytes, gzip } = documentBody(result.report);
      const id = this.#documentId();
      this.#documents.set(id, {
        id,
        kind: 'result',
        createdMs: feed.endMs,
        contentType: 'text/xml; charset=UTF-8',
        uploadSignature: '',
        bytes,
        gzip,
      });
      feed.outcome = result.status;
      feed.resultDocumentId = id;
      if (result.messages) feed.messages = result.messages;
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
    return FEEDS.find(this.#feeds, feedId, this.clock.now());
  }

  get(feedId: string): Record<string, unknown> {
    this.settle();
    return this.#view(this.#find(feedId), this.clock.now());
  }

  cancel(feedId: string): void {
    this.settle();
    const feed = this.#find(feedId);
    const now = this.clock.now();
    FEEDS.requireCancellable(feedId, this.#status(feed, now));
    feed.cancelledMs = now;
  }

  list(params: URLSearchParams): Record<string, unknown> {
    this.settle();
    const now = this.clock.now();
    const status = (f: StoredFeed) => this.#status(f, now);
    return FEEDS.list(params, now, this.#feeds, status, (f) => this.#view(f, now));
  }

  /** getFeedDocument: result documents (and uploaded inputs) with a download URL valid 5 minutes. */
  document(documentId: string, origin: string): Record<string, unknown> {
    this.settle();
    const doc = this.#documents.get(documentId);
    if (!doc || !doc.bytes) throw notFound(`Feed document ${documentId} was not found.`);
    const url = this.#presigned.downloadUrl(
      documentId,
      `/_sandbox/feed-documents/${encodeURIComponent(documentId)}`,
      origin,
    );
    return documentResponse('feedDocumentId', documentId, url, doc.gzip);
  }

  download(
    documentId: string,
    signature: string | null,
  ): { bytes: Uint8Array; gzip: boolean; contentType: string } | 'expired' | 'denied' {
    const check = this.#presigned.checkDownload(documentId, signature);
    if (check !== 'ok') return check;
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
        source: feed.source,
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
      if (feed.messages) record.messages = feed.messages.map((m) => ({ ...m, itemCodes: [...m.itemCodes] }));
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
