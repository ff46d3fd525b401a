import type { BuyerCancelRequest, StoredOrder } from './order';

/** The response window Settings starts with; Amazon gives no request time, so this is an assumption. */
export const DEFAULT_BUYER_REQUEST_WINDOW_HOURS = 48;

/** Where the response window figure comes from, for Settings and the requests view. */
export const BUYER_REQUEST_WINDOW_SOURCE =
  'The 48 hours are an assumption: sellers speak of about two days to answer before the buyer may contact Amazon, but Amazon publishes no exact figure and does not say when the buyer asked. The countdown starts when Amazon last updated the order as the request appeared.';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The request while it is open (not cancelled, shipped or withdrawn); undefined otherwise. */
export function openBuyerCancelRequest(
  order: Pick<StoredOrder, 'buyerCancelRequest'>,
): BuyerCancelRequest | undefined {
  const request = order.buyerCancelRequest;
  return request && !request.closed ? request : undefined;
}

/** When the buyer asked, as well as it is known; requests stored before it was kept read firstSeenAt. */
export function requestedAtOf(request: BuyerCancelRequest): string {
  return request.requestedAt ?? request.firstSeenAt;
}

/** The instant (ISO 8601, UTC) by which the seller should answer: requestedAt + the window. */
export function requestDeadline(request: BuyerCancelRequest, windowHours: number): string {
  // UTC instants: adding hours never meets a DST change (only the seller's display zone does).
  return new Date(Date.parse(requestedAtOf(request)) + windowHours * HOUR_MS).toISOString();
}

/** Milliseconds from `now` to the deadline; negative once it has passed. */
export function timeLeft(deadline: string, now: Date): number {
  return Date.parse(deadline) - now.getTime();
}

export function isOverdue(deadline: string, now: Date): boolean {
  return timeLeft(deadline, now) <= 0;
}

/** Prime and merchant-fulfilled: for these the buyer deals with Amazon directly. */
export function isSellerFulfilledPrime(order: Pick<StoredOrder, 'isPrime' | 'fulfilledBy'>): boolean {
  return order.isPrime === true && order.fulfilledBy === 'MERCHANT';
}

export interface RequestQueueEntry {
  readonly order: StoredOrder;
  readonly request: BuyerCancelRequest;
  /** ISO 8601 instant. */
  readonly deadline: string;
  /** Milliseconds left; negative when overdue. */
  readonly msLeft: number;
  readonly overdue: boolean;
  readonly sellerFulfilledPrime: boolean;
}

/**
 * Open requests by deadline, earliest first: the overdue ones come first (most overdue first), then
 * the least time left; equal deadlines by order id, so the order never jumps between renders.
 */
export function requestQueue(
  orders: readonly StoredOrder[],
  now: Date,
  windowHours: number,
): RequestQueueEntry[] {
  const entries: RequestQueueEntry[] = [];
  for (const order of orders) {
    const request = openBuyerCancelRequest(order);
    if (!request) continue;
    const deadline = requestDeadline(request, windowHours);
    const msLeft = timeLeft(deadline, now);
    entries.push({
      order,
      request,
      deadline,
      msLeft,
      overdue: msLeft <= 0,
      sellerFulfilledPrime: isSellerFulfilledPrime(order),
    });
  }
  return entries.sort(
    (a, b) =>
      a.msLeft - b.msLeft ||
      (a.order.orderId < b.order.orderId ? -1 : a.order.orderId > b.order.orderId ? 1 : 0),
  );
}

export interface ClosedRequestEntry {
  readonly order: StoredOrder;
  readonly request: BuyerCancelRequest;
  readonly closed: NonNullable<BuyerCancelRequest['closed']>;
}

/** Requests closed within the last `days` days, most recently closed first. */
export function recentlyClosed(
  orders: readonly StoredOrder[],
  now: Date,
  days: number,
): ClosedRequestEntry[] {
  const since = now.getTime() - days * DAY_MS;
  const entries: ClosedRequestEntry[] = [];
  for (const order of orders) {
    const request = order.buyerCancelRequest;
    const closed = request?.closed;
    if (!request || !closed) continue;
    const at = Date.parse(closed.at);
    if (at >= since && at <= now.getTime()) entries.push({ order, request, closed });
  }
  return entries.sort(
    (a, b) =>
      Date.parse(b.closed.at) - Date.parse(a.closed.at) ||
      (a.order.orderId < b.order.orderId ? -1 : a.order.orderId > b.order.orderId ? 1 : 0),
  );
}

/** How a closed request ended, in the seller's words. */
export const CLOSED_HOW_LABELS: Readonly<Record<NonNullable<BuyerCancelRequest['closed']>['how'], string>> = {
  cancelled: 'Order cancelled',
  shipped: 'Order shipped',
  withdrawn: 'Request no longer shown by Amazon',
};

/** "46 h left", "35 min left", or "3 h past the response window". */
export function formatTimeLeft(msLeft: number): string {
  const span = Math.abs(msLeft);
  const words =
    span >= HOUR_MS ? `${Math.floor(span / HOUR_MS)} h` : `${Math.max(1, Math.floor(span / 60_000))} min`;
  return msLeft > 0 ? `${words} left` : `${words} past the response window`;
}

/** The deadline in the seller's time zone (not UTC), e.g. "Sun, 27 Oct, 14:30 GMT". */
export function formatDeadline(deadline: string, timeZone?: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone ?? ''}`;
  // Building a formatter costs about as much as rendering a row: the requests view formats hundreds.
  let formatter = DEADLINE_FORMATTERS.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    DEADLINE_FORMATTERS.set(key, formatter);
  }
  return formatter.format(new Date(deadline));
}

const DEADLINE_FORMATTERS = new Map<string, Intl.DateTimeFormat>();
