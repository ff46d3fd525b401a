/**
 * searchOrders / getOrder of Orders API v2026-01-01, following the parameter notes in the model:
 * exactly one of createdAfter / lastUpdatedAfter, a matching optional Before that is not earlier than
 * the After and at least two minutes before the request (default: now − 2 min), pages of 1–100
 * and an opaque paginationToken valid for 24 hours.
 *
 * A search is a snapshot: the first page fixes "as of" time, and every later page of the same
 * token filters and renders orders as they were then, in creation order, so pages never skip or
 * repeat an order even while the data keeps changing. Changes after the snapshot are seen by the
 * next lastUpdatedAfter poll.
 */
import type { OrderDataset } from './order-dataset';
import { lastUpdatedAt, statusAt, type FulfillmentStatus } from './order-timeline';
import { INCLUDED_DATA, iso, renderOrder, type IncludedData } from './order-view';
import { invalidInput, notFound } from './sp-api-errors';
import { hashSeed } from './prng';
import { SANDBOX_MARKETPLACES } from './marketplaces';
import { ORDER_ID_EXACT } from '../domain/order-id';

const FULFILLMENT_STATUSES: readonly FulfillmentStatus[] = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
];
const FULFILLED_BY = ['MERCHANT', 'AMAZON'] as const;
const TWO_MINUTES = 2 * 60_000;
const TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

interface SearchQuery {
  mode: 'created' | 'updated';
  afterMs: number;
  beforeMs: number;
  statuses: string[];
  fulfilledBy: string[];
  marketplaceIds: string[];
}

interface PageToken extends SearchQuery {
  asOfMs: number;
  position: number;
  /** 24 hours after this page's token was issued. */
  expiresMs: number;
  /** The pagination epoch it was issued in; expirePaginationTokens() starts a new one. */
  epoch?: number;
}

/**
 * Which searchOrders paginationTokens are still good: each lives 24 hours (reference §3), and a
 * test can expire every token issued so far at once (as Amazon may, unannounced).
 */
export class PaginationTokens {
  #epoch = 0;
  get epoch(): number {
    return this.#epoch;
  }
  expireAll(): void {
    this.#epoch += 1;
  }
}

// UNCONFIRMED wording: Amazon documents the 24 h validity but not the error text of a stale token.
const STALE_TOKEN_MESSAGE = 'The paginationToken is invalid or has expired.';
const STALE_TOKEN_DETAILS = 'Pagination tokens are valid for 24 hours. Search again without paginationToken.';

/** Array query parameters: repeated keys and comma-separated values (the models' csv format). */
export function queryList(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function parseIsoParam(name: string, value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)
    ? Date.parse(value)
    : NaN;
  if (!Number.isFinite(ms)) {
    throw invalidInput(`Invalid ${name}: '${value}'. Use ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z.`);
  }
  return ms;
}

function checkEnumList(name: string, values: string[], allowed: readonly string[]): void {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length > 0) {
    throw invalidInput(`Invalid ${name}: ${bad.join(', ')}. Allowed values: ${allowed.join(', ')}.`);
  }
}

export function parseIncludedData(params: URLSearchParams): Set<IncludedData> {
  const values = queryList(params, 'includedData');
  checkEnumList('includedData', values, INCLUDED_DATA);
  return new Set(values as IncludedData[]);
}

function encodeToken(token: PageToken): string {
  const body = JSON.stringify(token);
  const check = hashSeed(...Array.from(body, (c) => c.charCodeAt(0))).toString(36);
  return btoa(JSON.stringify([body, check]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function decodeToken(raw: string): PageToken {
  try {
    const [body, check] = JSON.parse(atob(raw.replace(/-/g, '+').replace(/_/g, '/'))) as [string, string];
    if (hashSeed(...Array.from(body, (c) => c.charCodeAt(0))).toString(36) !== check)
      throw new Error('checksum');
    return JSON.parse(body) as PageToken;
  } catch {
    throw invalidInput(
      'Invalid paginationToken.',
      'Pass pagination.nextToken from the previous response unchanged.',
    );
  }
}

function parseQuery(params: URLSearchParams, nowMs: number): SearchQuery {
  const createdAfter = params.get('createdAfter');
  const createdBefore = params.get('createdBefore');
  const updatedAfter = params.get('lastUpdatedAfter');
  const updatedBefore = params.get('lastUpdatedBefore');
  if ((createdAfter === null) === (updatedAfter === null)) {
    throw invalidInput('Exactly one of createdAfter and lastUpdatedAfter must be provided.');
  }
  if (createdAfter !== null && (updatedBefore !== null || updatedAfter !== null)) {
    throw invalidInput('lastUpdatedAfter and lastUpdatedBefore cannot be provided with createdAfter.');
  }
  if (updatedAfter !== null && createdBefore !== null) {
    throw invalidInput('createdBefore cannot be provided with lastUpdatedAfter; use lastUpdatedBefore.');
  }
  const mode = createdAfter !== null ? 'created' : 'updated';
  const afterName = mode === 'created' ? 'createdAfter' : 'lastUpdatedAfter';
  const beforeName = mode === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
  const afterMs = parseIsoParam(afterName, (createdAfter ?? updatedAfter)!);
  const latestBefore = nowMs - TWO_MINUTES;
  const rawBefore = mode === 'created' ? createdBefore : updatedBefore;
  const beforeMs =
    rawBefore === null ? Math.floor(latestBefore / 1000) * 1000 : parseIsoParam(beforeName, rawBefore);
  if (rawBefore !== null && beforeMs > latestBefore) {
    throw invalidInput(
      `${beforeName} must be at least two minutes before the time of the request.`,
      `Latest allowed: ${iso(latestBefore)}`,
    );
  }
  if (afterMs > beforeMs) {
    throw invalidInput(
      rawBefore === null
        ? `${afterName} must be at least two minutes before the time of the request.`
        : `${beforeName} must be equal to or after ${afterName}.`,
    );
  }
  const statuses = queryList(params, 'fulfillmentStatuses');
  checkEnumList('fulfillmentStatuses', statuses, FULFILLMENT_STATUSES);
  const fulfilledBy = queryList(params, 'fulfilledBy');
  checkEnumList('fulfilledBy', fulfilledBy, FULFILLED_BY);
  const marketplaceIds = queryList(params, 'marketplaceIds');
  if (marketplaceIds.length > 50) throw invalidInput('marketplaceIds accepts at most 50 values.');
  return { mode, afterMs, beforeMs, statuses, fulfilledBy, marketplaceIds };
}

function sameList(a: string[], b: string[]): boolean {
  return [...a].sort().join(',') === [...b].sort().join(',');
}

function parseMaxResults(params: URLSearchParams): number {
  const raw = params.get('maxResultsPerPage');
  if (raw === null) return 100;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > 100) {
    throw invalidInput(`Invalid maxResultsPerPage: '${raw}'. The value must be between 1 and 100.`);
  }
  return n;
}

export function searchOrders(
  dataset: OrderDataset,
  params: URLSearchParams,
  nowMs: number,
  tokens: PaginationTokens = new PaginationTokens(),
): Record<string, unknown> {
  const pageSize = parseMaxResults(params);
  const included = parseIncludedData(params);
  const rawToken = params.get('paginationToken');
  let token: PageToken;
  if (rawToken !== null) {
    token = decodeToken(rawToken);
    if (token.expiresMs < nowMs || (token.epoch ?? 0) !== tokens.epoch)
      throw invalidInput(STALE_TOKEN_MESSAGE, STALE_TOKEN_DETAILS);
    const anyFilter = ['createdAfter', 'lastUpdatedAfter', 'createdBefore', 'lastUpdatedBefore'].some((k) =>
      params.has(k),
    );
    if (anyFilter) {
      // Later pages must repeat the first request's parameters; the Before may be omitted.
      const afterName = token.mode === 'created' ? 'createdAfter' : 'lastUpdatedAfter';
      const after = params.get(afterName);
      const beforeName = token.mode === 'created' ? 'createdBefore' : 'lastUpdatedBefore';
      const before = params.get(beforeName);
      const otherMode =
        token.mode === 'created'
          ? ['lastUpdatedAfter', 'lastUpdatedBefore']
          : ['createdAfter', 'createdBefore'];
      if (
        after === null ||
        parseIsoParam(afterName, after) !== token.afterMs ||
        (before !== null && parseIsoParam(beforeName, before) !== token.beforeMs) ||
        otherMode.some((k) => params.has(k))
      ) {
        throw invalidInput(
          'The paginationToken does not match the request parameters.',
          'Repeat the parameters of the first request.',
        );
      }
    }
    const filters: [string, string[]][] = [
      ['fulfillmentStatuses', token.statuses],
      ['fulfilledBy', token.fulfilledBy],
      ['marketplaceIds', token.marketplaceIds],
    ];
    for (const [name, expected] of filters) {
      if (params.has(name) && !sameList(queryList(params, name), expected)) {
        throw invalidInput(
          'The paginationToken does not match the request parameters.',
          `${name} differs from the first request.`,
        );
      }
    }
  } else {
    const query = parseQuery(params, nowMs);
    token = { ...query, asOfMs: nowMs, position: -1, expiresMs: nowMs + TOKEN_LIFETIME_MS };
  }

  const plans = dataset.plans;
  const statuses = new Set(token.statuses);
  const fulfilledBy = new Set(token.fulfilledBy);
  const marketplaces = new Set(token.marketplaceIds);
  const asOf = token.asOfMs;
  const start =
    token.position >= 0
      ? token.position
      : token.mode === 'created'
        ? dataset.firstCreatedAtOrAfter(token.afterMs)
        : 0;
  const matches: number[] = [];
  let next = -1;
  for (let i = start; i < plans.length; i++) {
    const plan = plans[i]!;
    if (plan.createdMs > asOf) break;
    if (token.mode === 'created') {
      if (plan.createdMs > token.beforeMs) break;
      if (plan.createdMs < token.afterMs) continue;
    } else {
      if (plan.createdMs > token.beforeMs) break;
      const updated = lastUpdatedAt(plan, asOf);
      if (updated < token.afterMs || updated > token.beforeMs) continue;
    }
    if (fulfilledBy.size > 0 && !fulfilledBy.has(plan.fulfilledBy)) continue;
    if (marketplaces.size > 0) {
      const id = marketplaceIdOf(plan.marketplaceIndex);
      if (!marketplaces.has(id)) continue;
    }
    if (statuses.size > 0 && !statuses.has(statusAt(plan, asOf))) continue;
    if (matches.length === pageSize) {
      next = i;
      break;
    }
    matches.push(i);
  }
  const ctx = { seed: dataset.seed, catalog: dataset.catalog };
  const response: Record<string, unknown> = {
    orders: matches.map((i) => renderOrder(ctx, plans[i]!, asOf, included)),
  };
  if (next >= 0) {
    response.pagination = {
      nextToken: encodeToken({
        ...token,
        position: next,
        expiresMs: nowMs + TOKEN_LIFETIME_MS,
        epoch: tokens.epoch,
      }),
    };
  }
  if (token.mode === 'created') response.createdBefore = iso(token.beforeMs);
  else response.lastUpdatedBefore = iso(token.beforeMs);
  return response;
}

function marketplaceIdOf(index: number): string {
  return SANDBOX_MARKETPLACES[index]!.id;
}

export function getOrder(
  dataset: OrderDataset,
  orderId: string,
  params: URLSearchParams,
  nowMs: number,
): Record<string, unknown> {
  if (!ORDER_ID_EXACT.test(orderId)) {
    throw invalidInput(`Invalid orderId: '${orderId}'. An Amazon order id looks like 123-1234567-1234567.`);
  }
  const included = parseIncludedData(params);
  const plan = dataset.byId(orderId);
  if (!plan || plan.createdMs > nowMs) throw notFound(`Order ${orderId} was not found.`);
  return { order: renderOrder({ seed: dataset.seed, catalog: dataset.catalog }, plan, nowMs, included) };
}
