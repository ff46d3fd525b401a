/**
 * What the Reports and Feeds APIs 2021-06-30 share about their jobs: the processing statuses, the
 * marketplaceIds rule of a create specification, and the getReports / getFeeds query with its paging.
 */
import { marketplaceById } from './marketplaces';
import { parseIsoParam, queryList } from './search-orders';
import { invalidInput, notFound } from './sp-api-errors';

/** Reports and feeds stay listed and readable for 90 days. */
export const JOB_RETENTION_MS = 90 * 24 * 60 * 60_000;

/** How long jobs sit in the queue and take to process; demo mode and end-to-end tests shorten both. */
export interface ProcessingTiming {
  readonly queueMs: number;
  readonly processingMs: number;
}

export const PROCESSING_STATUSES = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];

/** A create specification's marketplaceIds: 1 to 25 marketplaces the seller is registered in. */
export function requireMarketplaceIds(marketplaceIds: unknown): string[] {
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
  return marketplaceIds as string[];
}

/** A list query, carried whole (base64 JSON) in nextToken. */
export interface ProcessingListQuery {
  types: string[];
  statuses: string[];
  marketplaces: string[];
  since: number;
  until: number;
  pageSize: number;
  offset: number;
}

/** How getReports / getFeeds read the query: which parameter names the types, and how strictly. */
export interface ProcessingListRules {
  /** The query parameter that names the types: 'reportTypes' or 'feedTypes'. */
  readonly typesParam: string;
  /** Feeds also reject a nextToken without a types list and a createdSince beyond retention. */
  readonly strict: boolean;
}

interface ListedJob {
  readonly createdMs: number;
  readonly marketplaceIds: readonly string[];
}

export function parseProcessingListQuery(
  params: URLSearchParams,
  now: number,
  rules: ProcessingListRules,
): ProcessingListQuery {
  const nextToken = params.get('nextToken');
  if (nextToken !== null) {
    if ([...params.keys()].some((k) => k !== 'nextToken')) {
      throw invalidInput('nextToken must be the only parameter when it is provided.');
    }
    try {
      const query = JSON.parse(atob(nextToken)) as ProcessingListQuery;
      if (rules.strict && !Array.isArray(query.types)) throw new Error('shape');
      return query;
    } catch {
      throw invalidInput('Invalid nextToken.');
    }
  }
  const types = queryList(params, rules.typesParam);
  if (types.length < 1 || types.length > 10)
    throw invalidInput(`${rules.typesParam} is required (1 to 10 values) unless nextToken is provided.`);
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
  const since = sinceRaw === null ? now - JOB_RETENTION_MS : parseIsoParam('createdSince', sinceRaw);
  const until = untilRaw === null ? now : parseIsoParam('createdUntil', untilRaw);
  if (rules.strict && since < now - JOB_RETENTION_MS - 60_000)
    throw invalidInput('createdSince cannot be more than 90 days in the past.');
  if (since > until) throw invalidInput('createdSince must be before createdUntil.');
  return { types, statuses, marketplaces, since, until, pageSize, offset: 0 };
}

/** Finding, cancelling and listing one kind of job the way Amazon does for both reports and feeds. */
export class ProcessingJobKind<T extends ListedJob> {
  /** The response property that holds a list page: 'reports' or 'feeds'. */
  readonly #listKey: string;
  readonly #rules: ProcessingListRules;

  /** noun 'Report' names the reportTypes parameter, the reports list and the messages; likewise 'Feed'. */
  constructor(
    private readonly noun: 'Report' | 'Feed',
    private readonly id: (job: T) => string,
    private readonly type: (job: T) => string,
    { strict = false }: { strict?: boolean } = {},
  ) {
    const lower = noun.toLowerCase();
    this.#listKey = `${lower}s`;
    this.#rules = { typesParam: `${lower}Types`, strict };
  }

  /** The job with this id, or 404 once it is unknown or past retention. */
  find(jobs: readonly T[], id: string, now: number): T {
    const job = jobs.find((j) => this.id(j) === id);
    if (!job || job.createdMs + JOB_RETENTION_MS < now) throw notFound(`${this.noun} ${id} was not found.`);
    return job;
  }

  /** "Only IN_QUEUE jobs can be cancelled": the 400 for any other status. */
  requireCancellable(id: string, status: ProcessingStatus): void {
    if (status !== 'IN_QUEUE') {
      throw invalidInput(
        `${this.noun} ${id} cannot be cancelled: its processingStatus is ${status}.`,
        `Only IN_QUEUE ${this.#listKey} can be cancelled.`,
      );
    }
  }

  /** One page of the jobs matching the query in params, newest first, with nextToken when more remain. */
  list(
    params: URLSearchParams,
    now: number,
    jobs: readonly T[],
    status: (job: T) => string,
    view: (job: T) => Record<string, unknown>,
  ): Record<string, unknown> {
    const { id, type } = this;
    const query = parseProcessingListQuery(params, now, this.#rules);
    const matching = jobs
      .filter(
        (job) =>
          query.types.includes(type(job)) &&
          job.createdMs >= query.since &&
          job.createdMs <= query.until &&
          job.createdMs + JOB_RETENTION_MS >= now &&
          (query.statuses.length === 0 || query.statuses.includes(status(job))) &&
          (query.marketplaces.length === 0 || job.marketplaceIds.some((m) => query.marketplaces.includes(m))),
      )
      .sort((a, b) => b.createdMs - a.createdMs || Number(id(b)) - Number(id(a)));
    const page = matching.slice(query.offset, query.offset + query.pageSize);
    const response: Record<string, unknown> = { [this.#listKey]: page.map(view) };
    if (query.offset + query.pageSize < matching.length) {
      response.nextToken = btoa(JSON.stringify({ ...query, offset: query.offset + query.pageSize }));
    }
    return response;
  }
}
