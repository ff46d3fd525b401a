import type { Clock } from '../clock';
import {
  buildOrderAcknowledgementFeed,
  ORDER_ACKNOWLEDGEMENT_CONTENT_TYPE,
  ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
} from '../formats/order-acknowledgement-feed';
import { parseProcessingReport, ProcessingReportFormatError } from '../formats/processing-report';
import type { SpApiClient } from '../sp-api/client';
import { LwaError, plainMessageOf, SpApiError } from '../sp-api/errors';
import type { Feed } from '../sp-api/schemas/feeds';
import type { IDBPTransaction } from 'idb';
import type { OrderDb, OrderManagerDb } from '../store/order-db';
import {
  claimedFeedIds,
  listActions,
  listActiveSubmissions,
  parseAction,
  parseSubmission,
} from '../store/outbox-store';
import {
  feedSubmissionSchema,
  TERMINAL_STEPS,
  type FeedSubmission,
  type FeedSubmissionStep,
} from './feed-submission';
import { outcomesFromReport, outcomeWithoutReport, type ActionOutcome } from './feed-outcome';
import { serializeOutboxRun } from './outbox-lock';
import type { CancelAction } from './outbox-records';
import { applyZeroStock } from './zero-stock';

/** The SP-API operations the outbox uses (the real client, or anything shaped like it). */
export type OutboxSpApi = Pick<
  SpApiClient,
  | 'createFeedDocument'
  | 'uploadFeedDocument'
  | 'createFeed'
  | 'getFeed'
  | 'getFeeds'
  | 'getFeedDocument'
  | 'downloadDocument'
  | 'patchListingsItem'
>;

export interface OutboxContext {
  readonly client: OutboxSpApi;
  readonly db: OrderDb;
  readonly clock: Clock;
  /** Merchant token: the feed's MerchantIdentifier and the Listings sellerId. */
  readonly sellerId: string;
  /** The account's marketplaces; a feed is sent for the marketplaces of its actions. */
  readonly marketplaceIds: readonly string[];
  readonly signal?: AbortSignal;
  readonly log?: (message: string) => void;
  /** Called right after each step is persisted; a throw here behaves like a killed worker (tests). */
  readonly afterStep?: (submission: FeedSubmission) => void | Promise<void>;
  readonly newId?: () => string;
  /** How long one run waits for Amazon to finish a feed before leaving it to the next run. */
  readonly pollBudgetMs?: number;
}

export interface OutboxRunResult {
  /** Actions whose feed Amazon now has (created or adopted in this run). */
  readonly sent: number;
  /** Actions Amazon confirmed in this run. */
  readonly completed: number;
  readonly failed: number;
  readonly needsReview: number;
}

/** A presigned upload URL lives 5 minutes; use it only while clearly fresh. */
export const UPLOAD_URL_MAX_AGE_MS = 4 * 60_000;
/** A feed document must be used within 2 days. */
export const FEED_DOCUMENT_MAX_AGE_MS = 47 * 60 * 60_000;
/** How far before T getFeeds looks, for clock skew between this machine and Amazon. */
export const ADOPTION_MARGIN_MS = 5 * 60_000;
/** A feed created just now may take a moment to be listed: "none found" counts only after this. */
export const ADOPTION_SETTLE_MS = 2 * 60_000;
/** getFeeds failures in a row before the seller is asked to review instead. */
export const MAX_ADOPT_FAILURES = 3;
export const DEFAULT_POLL_BUDGET_MS = 10 * 60_000;
const FIRST_POLL_DELAY_MS = 15_000;
const MAX_POLL_DELAY_MS = 2 * 60_000;
/** Messages per feed: far below Amazon's size limit, small enough to read back at once. */
const MAX_MESSAGES_PER_FEED = 2000;

/** Another writer moved the submission on; this run stops touching it. */
class StepConflictError extends Error {
  override name = 'StepConflictError';
}

interface Tally {
  sent: number;
  completed: number;
  failed: number;
  needsReview: number;
}

/**
 * Sends queued actions to Amazon exactly once. Pending actions are batched into one feed
 * submission, which is driven through persisted steps (see feed-submission.ts); each step is
 * recorded before the call it leads to, so a worker killed anywhere resumes without a second feed.
 * Runs on the same database are serialized.
 */
export function runOutbox(ctx: OutboxContext): Promise<OutboxRunResult> {
  return serializeOutboxRun(ctx.db.name, () => runOnce(ctx));
}

async function runOnce(ctx: OutboxContext): Promise<OutboxRunResult> {
  const tally: Tally = { sent: 0, completed: 0, failed: 0, needsReview: 0 };
  ctx.signal?.throwIfAborted();
  await batchPendingActions(ctx);
  for (const submission of await listActiveSubmissions(ctx.db)) {
    ctx.signal?.throwIfAborted();
    try {
      await driveSubmission(ctx, submission, tally);
    } catch (error) {
      if (error instanceof StepConflictError) {
        ctx.log?.(error.message);
        continue;
      }
      throw error;
    }
  }
  await applyZeroStock({
    client: ctx.client,
    db: ctx.db,
    sellerId: ctx.sellerId,
    now: () => isoNow(ctx),
    signal: ctx.signal,
    log: ctx.log,
  });
  return tally;
}

const isoNow = (ctx: Pick<OutboxContext, 'clock'>) => new Date(ctx.clock.now()).toISOString();

/** Puts every pending, unbatched action into a new submission (the `building` step), in one transaction. */
async function batchPendingActions(ctx: OutboxContext): Promise<FeedSubmission[]> {
  const pending = (await listActions(ctx.db, { status: 'pending' })).filter((action) => !action.submissionId);
  if (!pending.length) return [];
  const created: FeedSubmission[] = [];
  const now = isoNow(ctx);
  for (let start = 0; start < pending.length; start += MAX_MESSAGES_PER_FEED) {
    let chunk = pending.slice(start, start + MAX_MESSAGES_PER_FEED);
    let marketplaceIds = [...new Set(chunk.map((action) => action.marketplaceId))].sort();
    if (marketplaceIds.length > 25) {
      // createFeed takes at most 25 marketplaces; the rest wait for the next run.
      marketplaceIds = marketplaceIds.slice(0, 25);
      chunk = chunk.filter((action) => marketplaceIds.includes(action.marketplaceId));
    }
    const messages = chunk.map((action, index) => ({ messageId: index + 1, actionId: action.id }));
    const content = buildOrderAcknowledgementFeed({
      merchantIdentifier: ctx.sellerId,
      messages: chunk.map((action, index) => ({
        messageId: index + 1,
        orderId: action.orderId,
        reason: action.reason,
        lines: action.lines.map((line) => ({
          orderItemId: line.orderItemId,
          // Quantity only for a partial cancel of the line.
          ...(line.quantityOrdered !== undefined && line.quantity < line.quantityOrdered
            ? { quantity: line.quantity }
            : {}),
        })),
      })),
    });
    const submission = feedSubmissionSchema.parse({
      id: ctx.newId?.() ?? crypto.randomUUID(),
      feedType: ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
      marketplaceIds,
      messages,
      content,
      contentType: ORDER_ACKNOWLEDGEMENT_CONTENT_TYPE,
      step: 'building',
      createAttempts: 0,
      adoptFailures: 0,
      createdAt: now,
      updatedAt: now,
    });
    const tx = ctx.db.transaction(['outbox', 'feedSubmissions'], 'readwrite');
    const outbox = tx.objectStore('outbox');
    const current = await Promise.all(chunk.map((action) => outbox.get(action.id)));
    // Only actions still pending and unbatched at write time go in; otherwise nothing is written.
    const stillFree = current.every((raw) => {
      const action = raw && parseAction(raw);
      return action && action.status === 'pending' && !action.submissionId;
    });
    if (!stillFree) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return created;
    }
    await tx.objectStore('feedSubmissions').add(submission);
    for (const raw of current) {
      const action = parseAction(raw);
      await outbox.put({ ...action, submissionId: submission.id, updatedAt: now });
    }
    await tx.done;
    ctx.log?.(`outbox: ${chunk.length} cancellation(s) batched into submission ${submission.id}`);
    await ctx.afterStep?.(submission);
    created.push(submission);
  }
  return created;
}

/**
 * Records a step in one transaction: the submission (checked to still be at `from`) and the
 * actions it changes. Then the step hook runs.
 */
async function persistStep(
  ctx: OutboxContext,
  from: FeedSubmission,
  patch: Partial<FeedSubmission> & { step: FeedSubmissionStep },
  actionUpdate?: (action: CancelAction) => CancelAction | undefined,
  guard?: (tx: StepTransaction) => Promise<string | undefined>,
): Promise<FeedSubmission | undefined> {
  const now = isoNow(ctx);
  const next = feedSubmissionSchema.parse(stripUndefined({ ...from, ...patch, updatedAt: now }));
  const tx = ctx.db.transaction(['feedSubmissions', 'outbox'], 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const stored = await tx.objectStore('feedSubmissions').get(from.id);
    const current = stored && parseSubmission(stored);
    if (!current || current.step !== from.step || current.updatedAt !== from.updatedAt) {
      throw new StepConflictError(`outbox: submission ${from.id} changed under this run; leaving it`);
    }
    const blocked = guard ? await guard(tx) : undefined;
    if (blocked) {
      tx.abort();
      ctx.log?.(`outbox: submission ${from.id} waits: ${blocked}`);
      return undefined;
    }
    await tx.objectStore('feedSubmissions').put(next);
    if (actionUpdate) {
      const outbox = tx.objectStore('outbox');
      for (const { actionId } of next.messages) {
        const raw = await outbox.get(actionId);
        if (!raw) continue;
        const action = parseAction(raw);
        // Only this submission's own, still-pending attempt is touched (a retried action has moved on).
        if (action.submissionId !== next.id || action.status !== 'pending') continue;
        const updated = actionUpdate(action);
        if (updated) await outbox.put(stripUndefined({ ...updated, updatedAt: now }));
      }
    }
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    throw error;
  }
  await ctx.afterStep?.(next);
  return next;
}

type StepTransaction = IDBPTransaction<OrderManagerDb, ['feedSubmissions', 'outbox'], 'readwrite'>;

async function driveSubmission(ctx: OutboxContext, start: FeedSubmission, tally: Tally): Promise<void> {
  let submission = start;
  // True only while this run itself persisted `creating` and has not yet sent createFeed.
  let mayCreate = false;
  let documentRenewals = 0;
  while (!TERMINAL_STEPS.has(submission.step)) {
    ctx.signal?.throwIfAborted();
    let next: FeedSubmission | undefined;
    switch (submission.step) {
      case 'building':
        next = await createDocument(ctx, submission);
        break;
      case 'document-created': {
        const age = ctx.clock.now() - Date.parse(submission.document?.createdAt ?? '');
        if (!submission.document || !(age < UPLOAD_URL_MAX_AGE_MS)) {
          if (++documentRenewals > 3) return;
          next = await createDocument(ctx, submission);
        } else {
          next = await upload(ctx, submission);
          if (!next && ++documentRenewals <= 3) next = await createDocument(ctx, submission);
        }
        break;
      }
      case 'uploaded': {
        const age = ctx.clock.now() - Date.parse(submission.document?.createdAt ?? '');
        if (!(age < FEED_DOCUMENT_MAX_AGE_MS)) {
          next = await createDocument(ctx, submission);
          break;
        }
        next = await markCreating(ctx, submission);
        mayCreate = next !== undefined;
        break;
      }
      case 'creating':
        if (mayCreate) {
          mayCreate = false;
          next = await createFeed(ctx, submission, tally);
        } else {
          next = await adoptFeed(ctx, submission, tally);
        }
        break;
      case 'submitted':
        next = await awaitFeed(ctx, submission, tally);
        break;
    }
    if (!next) return;
    submission = next;
  }
}

async function createDocument(ctx: OutboxContext, submission: FeedSubmission) {
  // Documents cost nothing to abandon, so this is safe to repeat after any restart.
  const document = await ctx.client.createFeedDocument({ contentType: submission.contentType });
  return persistStep(ctx, submission, {
    step: 'document-created',
    document: { feedDocumentId: document.feedDocumentId, url: document.url, createdAt: isoNow(ctx) },
    uploadedAt: undefined,
  });
}

/** Uploads the content; undefined when the URL was refused (expired), so a new document is needed. */
async function upload(ctx: OutboxContext, submission: FeedSubmission) {
  try {
    await ctx.client.uploadFeedDocument(submission.document!.url, submission.content, submission.contentType);
  } catch (error) {
    if (error instanceof SpApiError && error.status >= 400 && error.status < 500) {
      ctx.log?.(`outbox: upload URL refused (${error.status}); creating a new document`);
      return undefined;
    }
    throw error;
  }
  return persistStep(ctx, submission, { step: 'uploaded', uploadedAt: isoNow(ctx) });
}

/** Records "creating since T" — only when no other submission of the type is creating. */
function markCreating(ctx: OutboxContext, submission: FeedSubmission) {
  return persistStep(
    ctx,
    submission,
    {
      step: 'creating',
      creatingSince: isoNow(ctx),
      createAttempts: submission.createAttempts + 1,
      adoptFailures: 0,
    },
    undefined,
    async (tx) => {
      const creating = await tx
        .objectStore('feedSubmissions')
        .index('feedTypeStep')
        .getAllKeys([submission.feedType, 'creating']);
      return creating.some((id) => id !== submission.id)
        ? `another ${submission.feedType} feed is being created`
        : undefined;
    },
  );
}

async function createFeed(ctx: OutboxContext, submission: FeedSubmission, tally: Tally) {
  let feedId: string;
  try {
    ({ feedId } = await ctx.client.createFeed({
      feedType: submission.feedType,
      marketplaceIds: submission.marketplaceIds,
      inputFeedDocumentId: submission.document!.feedDocumentId,
    }));
  } catch (error) {
    if (isDefinitelyNotCreated(error)) {
      const status = error instanceof SpApiError ? error.status : 0;
      if (
        status === 400 ||
        status === 404 ||
        status === 413 ||
        status === 415 ||
        error instanceof RangeError
      ) {
        const text = `Amazon refused the cancellation feed: ${plainMessageOf(error)}`;
        const failed = await persistStep(
          ctx,
          submission,
          { step: 'failed', creatingSince: undefined, resultText: text },
          (action) => ({ ...action, status: 'failed', resultText: text }),
        );
        if (failed) tally.failed += failed.messages.length;
        return undefined;
      }
      // Throttled or not authorised: nothing was created; back to uploaded, try on a later run.
      ctx.log?.(`outbox: createFeed not accepted now (${plainMessageOf(error)})`);
      await persistStep(ctx, submission, { step: 'uploaded', creatingSince: undefined });
      return undefined;
    }
    // It may have reached Amazon: stay in `creating` and find out through getFeeds.
    ctx.log?.(`outbox: createFeed outcome unknown (${plainMessageOf(error)}); looking for the feed`);
    return submission;
  }
  const next = await persistStep(ctx, submission, { step: 'submitted', feedId }, (action) => ({
    ...action,
    feedId,
  }));
  if (next) tally.sent += next.messages.length;
  return next;
}

/** Errors that prove createFeed made no feed: a 4xx answer, a bad request caught before sending, no token. */
function isDefinitelyNotCreated(error: unknown): boolean {
  if (error instanceof SpApiError) return error.status >= 400 && error.status < 500;
  return error instanceof LwaError || error instanceof RangeError;
}

/**
 * After a restart in `creating` (or an unknown createFeed outcome): the feeds of the type created
 * since T. One unclaimed → adopt it; none (after a settling wait) → createFeed was never accepted,
 * create again; more than one, or getFeeds keeps failing → the seller reviews.
 */
async function adoptFeed(ctx: OutboxContext, submission: FeedSubmission, tally: Tally) {
  const since = Date.parse(submission.creatingSince ?? '');
  if (Number.isNaN(since)) {
    return needsReview(ctx, submission, tally, 'The feed step has no start time, so it cannot be checked.');
  }
  let candidates: Feed[];
  try {
    candidates = await feedCandidates(ctx, submission, since);
    const settleLeft = since + ADOPTION_SETTLE_MS - ctx.clock.now();
    if (candidates.length === 0 && settleLeft > 0) {
      await ctx.clock.sleep(settleLeft);
      candidates = await feedCandidates(ctx, submission, since);
    }
  } catch (error) {
    ctx.log?.(`outbox: getFeeds failed while checking submission ${submission.id}: ${plainMessageOf(error)}`);
    const failures = submission.adoptFailures + 1;
    if (failures >= MAX_ADOPT_FAILURES) {
      return needsReview(
        ctx,
        submission,
        tally,
        'The extension could not ask Amazon whether this cancellation feed was created, so it was not ' +
          'sent again. Check the order in Seller Central, then mark the cancellation done or failed.',
      );
    }
    await persistStep(ctx, submission, { step: 'creating', adoptFailures: failures });
    return undefined;
  }
  if (candidates.length === 1) {
    const feedId = candidates[0]!.feedId;
    const next = await persistStep(
      ctx,
      submission,
      { step: 'submitted', feedId, adopted: true },
      (action) => ({
        ...action,
        feedId,
      }),
    );
    if (next) tally.sent += next.messages.length;
    return next;
  }
  if (candidates.length > 1) {
    return needsReview(
      ctx,
      submission,
      tally,
      `Amazon lists ${candidates.length} cancellation feeds created around the time this one was sent ` +
        `(${candidates.map((feed) => feed.feedId).join(', ')}), and cannot say which carries it, so it was not ` +
        'sent again. Check the order in Seller Central, then mark the cancellation done or failed.',
    );
  }
  // None: Amazon never accepted the call. Safe to create again, since only this one can be in flight.
  ctx.log?.(`outbox: no feed was created for submission ${submission.id}; creating it again`);
  return persistStep(ctx, submission, { step: 'uploaded', creatingSince: undefined });
}

async function feedCandidates(
  ctx: OutboxContext,
  submission: FeedSubmission,
  since: number,
): Promise<Feed[]> {
  const from = since - ADOPTION_MARGIN_MS;
  const feeds: Feed[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 20; page++) {
    const response = await ctx.client.getFeeds(
      nextToken
        ? { nextToken }
        : { feedTypes: [submission.feedType], createdSince: new Date(from).toISOString(), pageSize: 100 },
    );
    feeds.push(...response.feeds);
    nextToken = response.nextToken;
    if (!nextToken) break;
  }
  const claimed = await claimedFeedIds(ctx.db);
  const wanted = [...submission.marketplaceIds].sort().join(',');
  return feeds.filter(
    (feed) =>
      feed.feedType === submission.feedType &&
      Date.parse(feed.createdTime) >= from &&
      (claimed.get(feed.feedId) ?? submission.id) === submission.id &&
      (!feed.marketplaceIds?.length || [...feed.marketplaceIds].sort().join(',') === wanted),
  );
}

async function needsReview(ctx: OutboxContext, submission: FeedSubmission, tally: Tally, text: string) {
  const next = await persistStep(ctx, submission, { step: 'needs-review', resultText: text }, (action) => ({
    ...action,
    status: 'needs-review',
    resultText: text,
  }));
  if (next) tally.needsReview += next.messages.length;
  return next;
}

/** Polls getFeed with backoff on the clock, then applies the outcome to every action. */
async function awaitFeed(ctx: OutboxContext, submission: FeedSubmission, tally: Tally) {
  const feedId = submission.feedId!;
  const budgetEnd = ctx.clock.now() + (ctx.pollBudgetMs ?? DEFAULT_POLL_BUDGET_MS);
  let delay = FIRST_POLL_DELAY_MS;
  let current = submission;
  let feed: Feed;
  for (;;) {
    ctx.signal?.throwIfAborted();
    feed = await ctx.client.getFeed(feedId);
    if (feed.processingStatus !== current.processingStatus) {
      const next = await persistStep(ctx, current, {
        step: 'submitted',
        processingStatus: feed.processingStatus,
      });
      if (!next) return undefined;
      current = next;
    }
    if (
      feed.processingStatus === 'DONE' ||
      feed.processingStatus === 'FATAL' ||
      feed.processingStatus === 'CANCELLED'
    ) {
      break;
    }
    if (ctx.clock.now() + delay > budgetEnd) return undefined;
    await ctx.clock.sleep(delay);
    delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
  }

  let outcomes: Map<string, ActionOutcome>;
  let resultText: string | undefined;
  if (feed.processingStatus === 'DONE' && feed.resultFeedDocumentId) {
    const document = await ctx.client.getFeedDocument(feed.resultFeedDocumentId);
    const text = await ctx.client.downloadDocument(document);
    try {
      outcomes = outcomesFromReport(current, parseProcessingReport(text));
    } catch (error) {
      if (!(error instanceof ProcessingReportFormatError)) throw error;
      resultText = error.message;
      outcomes = new Map(
        current.messages.map(({ actionId }) => [actionId, { status: 'failed', resultText }]),
      );
    }
  } else {
    const outcome = outcomeWithoutReport(feed);
    resultText = outcome.resultText;
    outcomes = new Map(current.messages.map(({ actionId }) => [actionId, outcome]));
  }
  const step: FeedSubmissionStep =
    feed.processingStatus === 'DONE' && feed.resultFeedDocumentId
      ? 'done'
      : feed.processingStatus === 'CANCELLED'
        ? 'failed'
        : 'needs-review';
  const next = await persistStep(
    ctx,
    current,
    {
      step,
      processingStatus: feed.processingStatus,
      ...(feed.resultFeedDocumentId ? { resultFeedDocumentId: feed.resultFeedDocumentId } : {}),
      ...(resultText ? { resultText } : {}),
    },
    (action) => {
      const outcome = outcomes.get(action.id);
      if (!outcome) return undefined;
      const zeroStock =
        outcome.status === 'done' && action.reason === 'NoInventory' && action.zeroStockSkus?.length
          ? action.zeroStockSkus.map((sku) => ({ sku, status: 'pending' as const }))
          : action.zeroStock;
      return { ...action, status: outcome.status, resultText: outcome.resultText, zeroStock };
    },
  );
  if (next) {
    for (const outcome of outcomes.values()) {
      if (outcome.status === 'done') tally.completed += 1;
      else if (outcome.status === 'failed') tally.failed += 1;
      else tally.needsReview += 1;
    }
  }
  return next;
}

function stripUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}
