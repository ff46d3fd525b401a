import type { GetFeedsParams } from '../sp-api/client';
import type { Feed, GetFeedsResponse } from '../sp-api/schemas/feeds';
import type { FeedSubmission } from '../domain/feed-submission';

/**
 * How far around the creating window getFeeds looks. T is read on Amazon's clock (the offset comes
 * from the Date header of its answers, 1 s resolution), so a minute covers the measurement; a T read
 * only from this machine's clock could be off by any amount, hence the wide margin there.
 */
export const ADOPTION_MARGIN_MS = 60_000;
export const LOCAL_CLOCK_MARGIN_MS = 15 * 60_000;
/** A feed created just now may take a moment to be listed: "none found" counts only after this. */
export const ADOPTION_SETTLE_MS = 2 * 60_000;
/** While the window settles, the listing is read again at most this often (getFeeds: 0.0222/s, burst 10). */
export const ADOPTION_RECHECK_MS = 30_000;
/** Pages of getFeeds read at most; a listing cut short cannot prove anything. */
export const MAX_FEED_LIST_PAGES = 10;

export interface CreatingWindow {
  /** Amazon-time bounds in which a feed created by this submission's createFeed must lie. */
  readonly since: number;
  readonly until: number;
  /** From this moment (same clock as T) an empty listing proves createFeed made no feed. */
  readonly settledAt: number;
}

/**
 * The window in which Amazon could have created this submission's feed: from T (persisted before
 * createFeed was sent) to when the call ended, or, when a killed worker never saw it end, to T plus
 * the request timeout (the fetch is aborted then, so no later request leaves this machine).
 */
export function creatingWindow(
  submission: Pick<
    FeedSubmission,
    'creatingSince' | 'creatingFirstSince' | 'createCallEndedAt' | 'creatingClock'
  >,
  requestTimeoutMs: number,
): CreatingWindow | undefined {
  const since = Date.parse(submission.creatingSince ?? '');
  if (Number.isNaN(since)) return undefined;
  // Every attempt of the call: the first one's T when the client retried after a 429.
  const first = Math.min(since, Date.parse(submission.creatingFirstSince ?? '') || since);
  const ended = Date.parse(submission.createCallEndedAt ?? '');
  const end = Number.isNaN(ended) ? since + requestTimeoutMs : Math.max(ended, since);
  const margin = submission.creatingClock === 'amazon' ? ADOPTION_MARGIN_MS : LOCAL_CLOCK_MARGIN_MS;
  return {
    since: first - margin,
    until: end + margin,
    settledAt: end + ADOPTION_SETTLE_MS + (margin - ADOPTION_MARGIN_MS),
  };
}

export interface FeedListing {
  readonly feeds: Feed[];
  /** False when the page cap was reached with a nextToken left: the listing proves nothing. */
  readonly complete: boolean;
}

/** Lists the feeds of the submission's type and marketplaces created inside the window. */
export async function listFeedsInWindow(
  client: { getFeeds(params: GetFeedsParams): Promise<GetFeedsResponse> },
  submission: Pick<FeedSubmission, 'feedType' | 'marketplaceIds'>,
  window: Pick<CreatingWindow, 'since' | 'until'>,
  signal?: AbortSignal,
): Promise<FeedListing> {
  const feeds: Feed[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_FEED_LIST_PAGES; page++) {
    signal?.throwIfAborted();
    const response = await client.getFeeds(
      nextToken
        ? { nextToken }
        : {
            feedTypes: [submission.feedType],
            marketplaceIds: submission.marketplaceIds,
            createdSince: new Date(window.since).toISOString(),
            createdUntil: new Date(window.until).toISOString(),
            pageSize: 100,
          },
    );
    feeds.push(...response.feeds);
    nextToken = response.nextToken;
    if (!nextToken)
      return { feeds: feeds.filter((feed) => inWindow(feed, submission, window)), complete: true };
  }
  return { feeds: feeds.filter((feed) => inWindow(feed, submission, window)), complete: false };
}

/** Checked again here: a listing that ignores a filter must not widen what the outbox adopts. */
function inWindow(
  feed: Feed,
  submission: Pick<FeedSubmission, 'feedType' | 'marketplaceIds'>,
  window: Pick<CreatingWindow, 'since' | 'until'>,
): boolean {
  const created = Date.parse(feed.createdTime);
  const wanted = [...submission.marketplaceIds].sort().join(',');
  return (
    feed.feedType === submission.feedType &&
    created >= window.since &&
    created <= window.until &&
    (!feed.marketplaceIds?.length || [...feed.marketplaceIds].sort().join(',') === wanted)
  );
}
