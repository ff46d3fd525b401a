import type { BuyerCancelRequest } from './order';

/*
 * Which buyer-cancellation-request notifications to show now: one when a request first appears, and a
 * reminder at 24 h, 6 h and 1 h left. Pure: the background job reads the requests, the settings and the
 * ledger of what was already shown, and writes the ledger this returns before it shows anything.
 */

export const REMINDER_KINDS = ['new', '24h', '6h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR_MS = 60 * 60 * 1000;
/** Thresholds latest first: the first one crossed is the one a reminder is for. */
const THRESHOLDS: ReadonlyArray<{ kind: Exclude<ReminderKind, 'new'>; leftMs: number }> = [
  { kind: '1h', leftMs: HOUR_MS },
  { kind: '6h', leftMs: 6 * HOUR_MS },
  { kind: '24h', leftMs: 24 * HOUR_MS },
];

/**
 * How long the ledger keeps a request that no longer needs an answer, so one that needs it again is
 * not notified as new: Amazon showing it again, a Decline undone or an Accept that failed, which can
 * come days later while the order waits to ship. 30 days outlasts any open order.
 */
export const LEDGER_KEEP_CLOSED_MS = 30 * 24 * HOUR_MS;

/** Longest reason shown in a notification; the full text is in the manager. */
export const REASON_MAX_CHARS = 80;

/** An open request as the reminders need it (adapted from the stored order by the job). */
export interface OpenRequest {
  readonly orderId: string;
  /** The buyer's words: untrusted, shown as plain text. */
  readonly reason?: string;
  /** When the response window ends, ms since the epoch. */
  readonly deadline: number;
  readonly sellerFulfilledPrime?: boolean;
}

/** The Settings toggles that tune the notifications. */
export interface ReminderToggles {
  readonly remindAt24Hours: boolean;
  readonly remindAt6Hours: boolean;
  readonly remindAt1Hour: boolean;
  readonly muteBuyerRequestNotifications: boolean;
}

/** Per request: what was already notified (or covered by a later notification) and when it was last open. */
export interface ReminderLedger {
  readonly orders: Readonly<
    Record<string, { readonly lastOpenAt: number; readonly sent: readonly ReminderKind[] }>
  >;
}

export const EMPTY_REMINDER_LEDGER: ReminderLedger = { orders: {} };

export interface RequestNotification {
  /** Stable per request and kind: `buyer-request:<orderId>:<kind>`; a click opens that order. */
  readonly id: string;
  readonly orderId: string;
  readonly kind: ReminderKind;
  readonly title: string;
  readonly message: string;
}

const NOTIFICATION_PREFIX = 'buyer-request:';

export const notificationId = (orderId: string, kind: ReminderKind) =>
  `${NOTIFICATION_PREFIX}${orderId}:${kind}`;

/** The order a notification id names, or undefined for a notification this module did not make. */
export function orderIdOfNotification(id: string): string | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const rest = id.slice(NOTIFICATION_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  const kind = rest.slice(colon + 1);
  if (colon <= 0 || !(REMINDER_KINDS as readonly string[]).includes(kind)) return undefined;
  return rest.slice(0, colon);
}

const enabled = (kind: Exclude<ReminderKind, 'new'>, toggles: ReminderToggles): boolean =>
  kind === '24h' ? toggles.remindAt24Hours : kind === '6h' ? toggles.remindAt6Hours : toggles.remindAt1Hour;

/** Every threshold already crossed with `leftMs` left: a notification now covers them all. */
const crossed = (leftMs: number) => THRESHOLDS.filter((t) => leftMs <= t.leftMs).map((t) => t.kind);

/**
 * The notifications to show now and the ledger to store first. One "new" per request never notified;
 * else a reminder for the latest enabled threshold crossed and not yet sent (after a long sleep one, not
 * three: each notification marks every threshold already crossed as covered). Past the deadline only a
 * never-sent "new". Muted: nothing shown, but what is crossed is marked, so unmuting does not replay it.
 */
export function remindersDue(input: {
  readonly requests: readonly OpenRequest[];
  readonly now: number;
  readonly toggles: ReminderToggles;
  readonly ledger: ReminderLedger;
}): { notifications: RequestNotification[]; ledger: ReminderLedger } {
  const { requests, now, toggles, ledger } = input;
  const orders: Record<string, { lastOpenAt: number; sent: readonly ReminderKind[] }> = {};
  const open = new Set(requests.map((r) => r.orderId));
  // An answered or closed request's entry stays 30 days, so it is not notified as new if it needs an answer again.
  for (const [orderId, entry] of Object.entries(ledger.orders)) {
    if (!open.has(orderId) && now - entry.lastOpenAt <= LEDGER_KEEP_CLOSED_MS) orders[orderId] = entry;
  }
  const notifications: RequestNotification[] = [];
  for (const request of requests) {
    const sent = new Set(ledger.orders[request.orderId]?.sent ?? []);
    const leftMs = request.deadline - now;
    let kind: ReminderKind | undefined;
    if (!sent.has('new')) kind = 'new';
    else if (leftMs > 0) {
      const latest = THRESHOLDS.find((t) => leftMs <= t.leftMs && enabled(t.kind, toggles));
      if (latest && !sent.has(latest.kind)) kind = latest.kind;
    }
    if (kind) {
      sent.add(kind);
      for (const covered of crossed(leftMs)) sent.add(covered);
      if (!toggles.muteBuyerRequestNotifications) notifications.push(notificationFor(request, kind, leftMs));
    }
    orders[request.orderId] = { lastOpenAt: now, sent: REMINDER_KINDS.filter((k) => sent.has(k)) };
  }
  return { notifications, ledger: { orders } };
}

/** "46 h left", "35 min left", or that the window has passed. */
export function timeLeftText(leftMs: number): string {
  if (leftMs <= 0) return 'past the response window: the buyer may contact Amazon';
  if (leftMs >= HOUR_MS) return `${Math.floor(leftMs / HOUR_MS)} h left`;
  return `${Math.max(1, Math.floor(leftMs / 60_000))} min left`;
}

/** The buyer's reason as one short line of plain text (control and bidi characters and runs of spaces folded). */
export function reasonText(reason: string): string {
  const folded = reason
    // eslint-disable-next-line no-control-regex -- control characters are what is removed here
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    // Bidirectional controls in the buyer's words could reverse the order id or the time left after them.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > REASON_MAX_CHARS ? `${folded.slice(0, REASON_MAX_CHARS - 1).trimEnd()}…` : folded;
}

function notificationFor(request: OpenRequest, kind: ReminderKind, leftMs: number): RequestNotification {
  const reason = request.reason ? reasonText(request.reason) : '';
  const left = timeLeftText(leftMs);
  const message = `Buyer asked to cancel ${request.orderId}${reason ? `: ${reason}` : ''} — ${left}`;
  const prime = request.sellerFulfilledPrime
    ? ' (Seller Fulfilled Prime: the buyer may go to Amazon directly)'
    : '';
  return {
    id: notificationId(request.orderId, kind),
    orderId: request.orderId,
    kind,
    title:
      kind === 'new'
        ? `New buyer cancellation request${prime}`
        : `Reminder: answer the buyer's cancellation request, ${left}${prime}`,
    message,
  };
}

/** Cancel statuses that answer a request while in flight: an Accept on its way or held for review. */
const ANSWERING_CANCEL_STATUSES: ReadonlySet<string> = new Set(['pending', 'needs-review']);

/** What requestNeedsAnswer reads of a cancel action. */
export interface CancelForRequest {
  readonly status: string;
  readonly wholeOrder: boolean;
  readonly createdAt: string;
}

/**
 * Whether a buyer's request still waits for the seller: not when the seller declined it, nor while a
 * cancel of the order is on its way, nor once one is done (a line cancel done before the buyer asked
 * answers nothing). A failed cancel answers nothing, so the request counts again.
 */
export function requestNeedsAnswer(
  request: BuyerCancelRequest,
  cancels: ReadonlyArray<CancelForRequest>,
): boolean {
  if (request.declined) return false;
  const askedAt = Date.parse(request.requestedAt ?? request.firstSeenAt);
  return !cancels.some(
    (cancel) =>
      ANSWERING_CANCEL_STATUSES.has(cancel.status) ||
      (cancel.status === 'done' && (cancel.wholeOrder || !(Date.parse(cancel.createdAt) < askedAt))),
  );
}
