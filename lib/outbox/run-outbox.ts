import type { Clock } from '../clock';
import { errorMessage } from '../error-message';
import { withoutUndefined } from '../store/without-undefined';
import {
  buildOrderAcknowledgementFeed,
  ORDER_ACKNOWLEDGEMENT_CONTENT_TYPE,
  ORDER_ACKNOWLEDGEMENT_FEED_TYPE,
} from '../formats/order-acknowledgement-feed';
import { parseProcessingReport, ProcessingReportFormatError } from '../formats/processing-report';
import type { SpApiClient } from '../sp-api/client';
import { LwaError, plainMessageOf, SpApiError, SpApiNetworkError, SpApiSchemaError } from '../sp-api/errors';
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
} from '../domain/feed-submission';
import {
  outcomesFromReport,
  outcomeWithoutReport,
  UNREADABLE_REPORT_TEXT,
  type ActionOutcome,
} from './feed-outcome';
import { ADOPTION_RECHECK_MS, ADOPTION_SETTLE_MS, creatingWindow, listFeedsInWindow } from './feed-adoption';
import { confirmCancels } from './confirm-cancel';
import { quarantineDamagedOutboxRecords } from './damaged-records';
import { serializeOutboxRun } from './outbox-lock';
import { MAX_PERMANENT_ATTEMPTS, outboxProblemOf } from './outbox-problem';
import type { CancelAction } from '../domain/outbox-action';
import { reconcileWithStoredOrders } from './reconcile-actions';
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
  | 'getOrder'
> & {
  /** Amazon's clock as measured from its answers' Date headers (offset undefined until measured). */
  amazonClock?: () => { readonly offsetMs: number | undefined };
};

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
  /** Called after actions change outside a submission step (confirmed, reviewed, failed on their own). */
  readonly onActionChange?: () => void;
  /** The client's request timeout: a createFeed still unanswered then was aborted (default 60 s). */
  readonly requestTimeoutMs?: number;
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
export { ADOPTION_MARGIN_MS, ADOPTION_SETTLE_MS } from './feed-adoption';
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
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
  // A damaged record is set aside with its reason, never left to stop the others.
  await quarantineDamagedOutboxRecords(ctx.db, ctx.clock);
  // What a sync already shows decides actions under review (and saves a getOrder per confirmation).
  const reconciled = await reconcileWithStoredOrders({ db: ctx.db, clock: ctx.clock });
  tally.completed += reconciled.done;
  tally.failed += reconciled.failed;
  await batchPendingActions(ctx, tally);
  for (const submission of await listActiveSubmissions(ctx.db)) {
    ctx.signal?.throwIfAborted();
    try {
      await driveSubmission(ctx, submission, tally);
    } catch (error) {
      if (error instanceof StepConflictError) {
        ctx.log?.(error.message);
        continue;
      }
      // Amazon's and the network's errors are recorded on the submission; anything else (a killed
      // run, a storage failure) ends the run as before.
      if (ctx.signal?.aborted || !isAmazonError(error)) throw error;
      // One failing submission never stops the others: record why, in words, and go on.
      await recordProblem(ctx, submission.id, error, tally);
    }
  }
  const confirmed = await confirmCancels({
    client: ctx.client,
    db: ctx.db,
    clock: ctx.clock,
    signal: ctx.signal,
    log: ctx.log,
    onChange: ctx.onActionChange,
  });
  tally.completed += confirmed.done;
  tally.failed += confirmed.failed;
  tally.needsReview += confirmed.needsReview;
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

/**
 * Amazon's time now: this machine's clock plus the offset measured from Amazon's Date headers (this
 * run's client, else the one stored with the submission). Without either, this machine's clock.
 */
function amazonNow(ctx: OutboxContext, submission?: FeedSubmission) {
  const offsetMs = ctx.client.amazonClock?.().offsetMs ?? submission?.amazonOffsetMs;
  return offsetMs === undefined
    ? { ms: ctx.clock.now(), clock: 'local' as const, offsetMs }
    : { ms: ctx.clock.now() + offsetMs, clock: 'amazon' as const, offsetMs: Math.round(offsetMs) };
}

const requestTimeout = (ctx: OutboxContext) => ctx.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

/**
 * Records an error that stopped a submission this run: on the submission and on each of its pending
 * actions, so the seller sees it. Errors that will not pass by themselves end the submission after a
 * few tries where that is safe: failed before any feed can exist, needs review once one may.
 */
async function recordProblem(ctx: OutboxContext, submissionId: string, error: unknown, tally: Tally) {
  const problem = outboxProblemOf(error);
  ctx.log?.(`outbox: submission ${submissionId}: ${problem.message}`);
  const stored = await ctx.db.get('feedSubmissions', submissionId);
  const submission = stored && parseSubmission(stored);
  if (!submission || TERMINAL_STEPS.has(submission.step)) return;
  const attempts =
    submission.lastError && submission.lastError.permanent === problem.permanent
      ? submission.lastError.attempts + 1
      : 1;
  const at = isoNow(ctx);
  const lastError = { message: problem.message, at, attempts, permanent: problem.permanent };
  const giveUp = problem.permanent && attempts >= MAX_PERMANENT_ATTEMPTS;
  const nothingCreated =
    submission.step === 'building' ||
    submission.step === 'document-created' ||
    submission.step === 'uploaded';
  if (giveUp && nothingCreated) {
    const next = await persistStep(
      ctx,
      submission,
      { step: 'failed', lastError, resultText: problem.message },
      (action) => ({
        ...action,
        status: 'failed',
        resultText: problem.message,
        // Nothing reached Amazon: once the problem is fixed, the same cancellation can go.
        failure: 'not-applied',
        problem: { ...lastError },
      }),
    );
    if (next) tally.failed += next.messages.length;
    return;
  }
  if ((giveUp || feedOverdue(ctx, submission)) && submission.step === 'submitted') {
    await needsReview(
      ctx,
      submission,
      tally,
      `Amazon has this cancellation feed (${submission.feedId}) but the order manager cannot read its result: ` +
        `${problem.message} Check the order in Seller Central; the next sync also settles it.`,
      { sendAgainAllowed: false, extra: { lastError } },
    );
    return;
  }
  await persistStep(ctx, submission, { step: submission.step, lastError }, (action) => ({
    ...action,
    problem: { ...lastError },
  }));
}

/** The feed message of one action; throws when the action cannot be sent as it stands. */
function messageOf(action: CancelAction, messageId: number) {
  return {
    messageId,
    orderId: action.orderId,
    reason: action.reason,
    lines: action.lines.map((line) => ({
      orderItemId: line.orderItemId,
      // Quantity only for a partial cancel of the line.
      ...(line.quantityOrdered !== undefined && line.quantity < line.quantityOrdered
        ? { quantity: line.quantity }
        : {}),
    })),
  };
}

/**
 * Checks each pending action on its own before it joins a feed: one that cannot be sent (an order
 * known only from the order report still has placeholder item ids) fails alone, with the reason,
 * instead of breaking the feed for every other action.
 */
async function failUnsendable(ctx: OutboxContext, pending: CancelAction[], tally: Tally) {
  const sendable: CancelAction[] = [];
  for (const action of pending) {
    try {
      buildOrderAcknowledgementFeed({ merchantIdentifier: ctx.sellerId, messages: [messageOf(action, 1)] });
      sendable.push(action);
    } catch (error) {
      const text =
        `This cancellation cannot be sent to Amazon as queued: ${errorMessage(error)}. ` +
        'Open the order again so the order manager reads its items from Amazon, then cancel it again.';
      const tx = ctx.db.transaction('outbox', 'readwrite');
      const raw = await tx.store.get(action.id);
      const current = raw && parseAction(raw);
      if (current && current.status === 'pending' && !current.submissionId) {
        // The lines as queued cannot be named to Amazon: only an edited cancellation can go.
        await tx.store.put({
          ...current,
          status: 'failed',
          resultText: text,
          failure: 'refused',
          updatedAt: isoNow(ctx),
        });
        tally.failed += 1;
      }
      await tx.done;
      ctx.onActionChange?.();
    }
  }
  return sendable;
}

/** Puts every pending, unbatched action into a new submission (the `building` step), in one transaction. */
async function batchPendingActions(ctx: OutboxContext, tally: Tally): Promise<FeedSubmission[]> {
  const waiting = (await listActions(ctx.db, { status: 'pending' })).filter(
    (action) => !action.submissionId && !action.confirming,
  );
  if (!waiting.length) return [];
  const pending = await failUnsendable(ctx, waiting, tally);
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
      messages: chunk.map((action, index) => messageOf(action, index + 1)),
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
  const next = feedSubmissionSchema.parse(withoutUndefined({ ...from, ...patch, updatedAt: now }));
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
        if (updated) await outbox.put(withoutUndefined({ ...updated, updatedAt: now }));
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
        next = await createFeed(ctx, submission, tally);
        break;
      }
      case 'creating':
        // Found in `creating`: a createFeed may have left; only getFeeds can tell.
        next = await adoptFeed(ctx, submission, tally);
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
  const { offsetMs } = amazonNow(ctx, submission);
  return persistStep(ctx, submission, {
    step: 'document-created',
    document: { feedDocumentId: document.feedDocumentId, url: document.url, createdAt: isoNow(ctx) },
    uploadedAt: undefined,
    ...(offsetMs !== undefined ? { amazonOffsetMs: offsetMs } : {}),
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

/**
 * Records "creating since T" — only when no other submission of the type is creating. T is Amazon's
 * time when its offset is known, so a fast or slow clock here cannot move the adoption window.
 */
function markCreating(
  ctx: OutboxContext,
  submission: FeedSubmission,
  earlierAttempt?: Pick<FeedSubmission, 'creatingSince' | 'creatingFirstSince'>,
) {
  const now = amazonNow(ctx, submission);
  return persistStep(
    ctx,
    submission,
    {
      step: 'creating',
      creatingSince: new Date(now.ms).toISOString(),
      // A retry within one createFeed call keeps the first attempt's T as well: an attempt answered
      // 429 may still have made a feed (a browser resend answered by the copy).
      creatingFirstSince:
        earlierAttempt?.creatingFirstSince ?? earlierAttempt?.creatingSince ?? new Date(now.ms).toISOString(),
      creatingClock: now.clock,
      createCallEndedAt: undefined,
      ...(now.offsetMs !== undefined ? { amazonOffsetMs: now.offsetMs } : {}),
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

/** createFeed was not sent: another submission of the type is creating (at most one in flight). */
class CreateFeedHeldError extends Error {
  override name = 'CreateFeedHeldError';
}

/**
 * Sends createFeed from `uploaded`. "Creating since T" is persisted right before each attempt
 * leaves (the client's beforeSend), after any wait for quota, a token or a 429 backoff, so the
 * adoption window after a restart always covers the request that really went out.
 */
async function createFeed(ctx: OutboxContext, uploaded: FeedSubmission, tally: Tally) {
  // The submission as last persisted in `creating`; undefined while no attempt has left.
  let creating: FeedSubmission | undefined;
  // Attempts that left this machine; the client retries a 429 within the call.
  let attempts = 0;
  let feedId: string;
  try {
    ({ feedId } = await ctx.client.createFeed(
      {
        feedType: uploaded.feedType,
        marketplaceIds: uploaded.marketplaceIds,
        inputFeedDocumentId: uploaded.document!.feedDocumentId,
      },
      {
        beforeSend: async () => {
          const next = await markCreating(ctx, creating ?? uploaded, creating);
          if (!next) throw new CreateFeedHeldError();
          creating = next;
          attempts += 1;
        },
      },
    ));
  } catch (error) {
    if (error instanceof CreateFeedHeldError) return undefined;
    const from = creating ?? uploaded;
    if (!creating && !(error instanceof RangeError)) throw error; // Nothing left: still `uploaded`.
    // A refusal proves nothing was created only for a call of one attempt: an earlier attempt answered
    // 429 may have been a browser's resent copy, its first copy made a feed.
    if ((attempts <= 1 && isDefinitelyNotCreated(error)) || error instanceof RangeError) {
      const status = error instanceof SpApiError ? error.status : 0;
      if (status === 400 || status === 413 || status === 415 || error instanceof RangeError) {
        const text = `Amazon refused the cancellation feed: ${plainMessageOf(error)}`;
        const failed = await persistStep(
          ctx,
          from,
          { step: 'failed', creatingSince: undefined, creatingFirstSince: undefined, resultText: text },
          (action) => ({ ...action, status: 'failed', resultText: text, failure: 'not-applied' }),
        );
        if (failed) tally.failed += failed.messages.length;
        return undefined;
      }
      // Not authorised, or no token: nothing was created. Back to uploaded; the error is recorded for
      // the seller (and ends the submission if it does not go away).
      await persistStep(ctx, from, {
        step: 'uploaded',
        creatingSince: undefined,
        creatingFirstSince: undefined,
      });
      throw error;
    }
    // It may have reached Amazon: stay in `creating` and find out through getFeeds, counting the
    // settle wait from now, when the call ended (a slow answer can create a feed late in the call).
    ctx.log?.(`outbox: createFeed outcome unknown (${plainMessageOf(error)}); looking for the feed`);
    const ended = amazonNow(ctx, from);
    return persistStep(ctx, from, { step: 'creating', createCallEndedAt: new Date(ended.ms).toISOString() });
  }
  const sent = creating ?? uploaded;
  const ended = amazonNow(ctx, sent);
  const patch = { step: 'submitted' as const, feedId, createCallEndedAt: new Date(ended.ms).toISOString() };
  const next = await persistStep(ctx, sent, patch, (action) => ({ ...action, feedId, problem: undefined }));
  if (next) tally.sent += next.messages.length;
  return next;
}

function isAmazonError(error: unknown): boolean {
  return (
    error instanceof SpApiError ||
    error instanceof LwaError ||
    error instanceof SpApiNetworkError ||
    error instanceof SpApiSchemaError
  );
}

/**
 * Errors that prove createFeed made no feed: a 4xx answer any copy of the request would get too, a bad
 * request caught before sending, no token. Not a 429: it depends on the moment, so the answer to a
 * browser's resent copy can be 429 while the first copy made the feed.
 */
function isDefinitelyNotCreated(error: unknown): boolean {
  if (error instanceof SpApiError) return error.status >= 400 && error.status < 500 && error.status !== 429;
  return error instanceof LwaError || error instanceof RangeError;
}

/** Feed ids of the listing that no other submission of ours has claimed. */
async function unclaimed(ctx: OutboxContext, submission: FeedSubmission, feeds: readonly Feed[]) {
  const claimed = await claimedFeedIds(ctx.db);
  return feeds.filter((feed) => (claimed.get(feed.feedId) ?? submission.id) === submission.id);
}

/**
 * After a restart in `creating` (or an unknown createFeed outcome): the feeds of the type and
 * marketplaces created inside the bounded window around T. One unclaimed → adopt it (the order
 * itself later confirms the cancel); none once the window has settled → createFeed was never
 * accepted, create again; more than one, a listing cut short, or getFeeds failing → the seller reviews.
 */
async function adoptFeed(ctx: OutboxContext, submission: FeedSubmission, tally: Tally) {
  const window = creatingWindow(submission, requestTimeout(ctx));
  if (!window) {
    return needsReview(ctx, submission, tally, 'The feed step has no start time, so it cannot be checked.', {
      sendAgainAllowed: false,
    });
  }
  let listing;
  try {
    listing = await listFeedsInWindow(ctx.client, submission, window, ctx.signal);
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
        { sendAgainAllowed: false },
      );
    }
    await persistStep(ctx, submission, { step: 'creating', adoptFailures: failures });
    return undefined;
  }
  if (!listing.complete) {
    return needsReview(
      ctx,
      submission,
      tally,
      'Amazon lists more cancellation feeds around the time this one was sent than the order manager can ' +
        'read, so it cannot tell whether this one was created and did not send it again. The next sync shows ' +
        'whether the order is cancelled; or check it in Seller Central and mark the cancellation done or failed.',
      { sendAgainAllowed: false },
    );
  }
  const candidates = await unclaimed(ctx, submission, listing.feeds);
  if (candidates.length > 1) {
    return needsReview(
      ctx,
      submission,
      tally,
      `Amazon lists ${candidates.length} cancellation feeds created around the time this one was sent ` +
        `(${candidates.map((feed) => feed.feedId).join(', ')}), and cannot say which carries it, so it was not ` +
        'sent again. The next sync shows whether the order is cancelled; or check it in Seller Central and ' +
        'mark the cancellation done or failed.',
      { sendAgainAllowed: false, suspected: candidates.map((feed) => feed.feedId) },
    );
  }
  // One or none listed decides only once the window has settled: a feed of ours that is not listed
  // yet would otherwise be missed, and another tool's feed taken for it.
  const settleLeft = window.settledAt - amazonNow(ctx, submission).ms;
  if (settleLeft > 0) {
    ctx.log?.(
      `outbox: submission ${submission.id}: looking again in ${settleLeft} ms, once Amazon lists every feed`,
    );
    if (settleLeft <= ADOPTION_SETTLE_MS) {
      // Short steps: an MV3 worker may be stopped during a long wait, and Amazon's clock is re-read
      // with every listing.
      await ctx.clock.sleep(Math.min(settleLeft, ADOPTION_RECHECK_MS), ctx.signal);
      return submission; // Look again (the step is unchanged, so the loop adopts once more).
    }
    return undefined; // A later run looks again.
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
  ctx.log?.(`outbox: no feed was created for submission ${submission.id}; creating it again`);
  return persistStep(ctx, submission, {
    step: 'uploaded',
    creatingSince: undefined,
    creatingFirstSince: undefined,
    createCallEndedAt: undefined,
  });
}

interface ReviewOptions {
  /** True only when no feed of ours can still be in flight, so sending again cannot make a second one. */
  readonly sendAgainAllowed: boolean;
  readonly suspected?: readonly string[];
  readonly extra?: Partial<FeedSubmission>;
}

async function needsReview(
  ctx: OutboxContext,
  submission: FeedSubmission,
  tally: Tally,
  text: string,
  options: ReviewOptions,
) {
  const next = await persistStep(
    ctx,
    submission,
    { ...options.extra, step: 'needs-review', resultText: text },
    (action) => ({
      ...action,
      status: 'needs-review',
      resultText: text,
      sendAgainAllowed: options.sendAgainAllowed,
      ...(options.suspected?.length ? { suspectedDuplicateFeedIds: [...options.suspected] } : {}),
    }),
  );
  if (next) tally.needsReview += next.messages.length;
  return next;
}

/** Polls getFeed with backoff on the clock, then applies the outcome to every action. */
/**
 * Amazon finishes an order feed within minutes; one still unfinished (or unreadable) a day after it
 * was sent is the seller's to look at, not the outbox's to poll for ever.
 */
export const FEED_DEADLINE_MS = 24 * 60 * 60_000;

function feedOverdue(ctx: OutboxContext, submission: FeedSubmission): boolean {
  const sent = Date.parse(submission.createCallEndedAt ?? submission.creatingSince ?? '');
  return !Number.isNaN(sent) && amazonNow(ctx, submission).ms - sent > FEED_DEADLINE_MS;
}

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
    if (feedOverdue(ctx, current)) {
      return needsReview(
        ctx,
        current,
        tally,
        `Amazon has not finished processing this cancellation feed (${feedId}) a day after it was sent. ` +
          'Check the order in Seller Central, then mark the cancellation done or failed; the next sync also settles it.',
        { sendAgainAllowed: false },
      );
    }
    if (ctx.clock.now() + delay > budgetEnd) return undefined;
    await ctx.clock.sleep(delay, ctx.signal);
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
      // Amazon processed the feed (DONE): its lines may be cancelled, so a Retry could send them twice.
      outcomes = new Map(
        current.messages.map(({ actionId }) => [
          actionId,
          { status: 'needs-review', resultText: UNREADABLE_REPORT_TEXT },
        ]),
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
  const { suspected, othersInFlight } = await otherFeedsInWindow(ctx, current);
  const confirmingSince = isoNow(ctx);
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
      const noted = suspected.length ? { suspectedDuplicateFeedIds: suspected } : {};
      if (outcome.status === 'done') {
        // A clean report is not "Cancelled": Amazon's order must show it (confirm-cancel.ts).
        return {
          ...action,
          ...noted,
          status: 'pending',
          resultText: outcome.resultText,
          confirming: { since: confirmingSince, othersInFlight },
          problem: undefined,
        };
      }
      return {
        ...action,
        ...noted,
        status: outcome.status,
        resultText: outcome.resultText,
        ...(outcome.failure ? { failure: outcome.failure } : {}),
        problem: undefined,
        // Our feed has ended; a second copy of it may not have.
        ...(outcome.status === 'needs-review' ? { sendAgainAllowed: !othersInFlight } : {}),
      };
    },
  );
  if (next) {
    for (const outcome of outcomes.values()) {
      if (outcome.status === 'failed') tally.failed += 1;
      else if (outcome.status === 'needs-review') tally.needsReview += 1;
    }
  }
  return next;
}

const FINISHED = new Set(['DONE', 'CANCELLED', 'FATAL']);

/**
 * Feeds of the type that Amazon lists in this submission's creating window besides its own: the
 * trace a browser-level resend of createFeed would leave (or another tool's feed at the same moment;
 * nothing tells them apart, so nothing is cancelled on this guess). For a cancellation a second copy
 * can only fail as "already cancelled"; the note tells the seller. `othersInFlight` is false only when
 * a complete listing of the settled window shows every such feed finished: only then is "Send again"
 * sure not to race a copy still queued at Amazon.
 */
async function otherFeedsInWindow(
  ctx: OutboxContext,
  submission: FeedSubmission,
): Promise<{ suspected: string[]; othersInFlight: boolean }> {
  const window = creatingWindow(submission, requestTimeout(ctx));
  if (!window || !submission.feedId) return { suspected: [], othersInFlight: true };
  try {
    const listing = await listFeedsInWindow(ctx.client, submission, window, ctx.signal);
    const others = (await unclaimed(ctx, submission, listing.feeds)).filter(
      (feed) => feed.feedId !== submission.feedId,
    );
    const settled = amazonNow(ctx, submission).ms >= window.settledAt;
    return {
      suspected: others.map((feed) => feed.feedId),
      othersInFlight:
        !settled || !listing.complete || others.some((feed) => !FINISHED.has(feed.processingStatus)),
    };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    ctx.log?.(`outbox: could not list feeds to check for a duplicate: ${plainMessageOf(error)}`);
    return { suspected: [], othersInFlight: true };
  }
}
