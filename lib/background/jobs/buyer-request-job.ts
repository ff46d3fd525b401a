import { browser } from 'wxt/browser';
import type { Clock } from '../../clock';
import {
  DEFAULT_BUYER_REQUEST_WINDOW_HOURS,
  isSellerFulfilledPrime,
  openBuyerCancelRequest,
  requestDeadline,
} from '../../domain/buyer-request';
import type { OrderStatus, StoredOrder } from '../../domain/order';
import { cancelActionSchema } from '../../domain/outbox-action';
import {
  remindersDue,
  orderIdOfNotification,
  requestNeedsAnswer,
  type OpenRequest,
} from '../../domain/request-reminders';
import { managerHash } from '../../manager-route';
import type { Settings } from '../../settings/settings-schema';
import type { OrderDb } from '../../store/order-db';
import { requestReminderLedgerItem } from '../../storage/request-reminder-ledger';
import { updateRequestBadge } from '../badge';
import type { BackgroundJob } from './background-job';

/*
 * The buyer-request job: notifications for buyer cancellation requests (new, then 24 h / 6 h / 1 h left)
 * and the badge counting open requests. Its alarm lives only while a request is open; it also runs
 * after every finished sync, which is when requests appear and close.
 */

export const BUYER_REQUEST_ALARM = 'buyer-requests';
const PERIOD_MINUTES = 5;
const HOUR_MS = 3_600_000;
/** Amazon gives no request time; the seller has about two days to answer (see lib/domain/buyer-request.ts). */
/** Under this much time left the badge turns to the warning colour. */
const WARN_LEFT_MS = 6 * HOUR_MS;

const OPEN_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
]);

/** The open request of a stored order, with its deadline; undefined when it has none or it closed. */
export function openRequestOf(
  order: StoredOrder,
  windowHours = DEFAULT_BUYER_REQUEST_WINDOW_HOURS,
): OpenRequest | undefined {
  const request = openBuyerCancelRequest(order);
  if (!request) return undefined;
  const deadline = Date.parse(requestDeadline(request, windowHours));
  if (!Number.isFinite(deadline)) return undefined;
  return {
    orderId: order.orderId,
    ...(request.reason ? { reason: request.reason } : {}),
    deadline,
    sellerFulfilledPrime: isSellerFulfilledPrime(order),
  };
}

const cancelStatusSchema = cancelActionSchema.pick({ status: true, wholeOrder: true, createdAt: true });

/**
 * Requests that still wait for the seller, in one transaction: open requests on open orders (a cancelled
 * or shipped order's request is over), leaving out declined ones and orders whose cancel is on its way
 * or done (an Accept in flight). Reads only orders that had a request, through the buyerRequest index.
 */
export async function openRequestsInDb(
  db: OrderDb,
  windowHours = DEFAULT_BUYER_REQUEST_WINDOW_HOURS,
): Promise<OpenRequest[]> {
  const tx = db.transaction(['orders', 'outbox'], 'readonly');
  const orders = await tx.objectStore('orders').index('buyerRequest').getAll();
  const cancelsOf = tx.objectStore('outbox').index('orderId');
  const waiting = await Promise.all(
    orders.map(async (order) => {
      const request = openBuyerCancelRequest(order);
      if (!request || !OPEN_STATUSES.has(order.status)) return undefined;
      // Only the status matters here; a record without a readable one answers nothing.
      const cancels = (await cancelsOf.getAll(order.orderId)).flatMap((raw) => {
        const parsed = cancelStatusSchema.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      });
      return requestNeedsAnswer(request, cancels) ? openRequestOf(order, windowHours) : undefined;
    }),
  );
  await tx.done;
  return waiting.flatMap((request) => request ?? []);
}

/** The badge's part for buyer requests: how many wait, and whether any has under 6 hours left. */
export function showRequestBadge(requests: readonly OpenRequest[], now: number): Promise<void> {
  return updateRequestBadge({
    open: requests.length,
    urgent: requests.some((r) => r.deadline - now < WARN_LEFT_MS),
  });
}

export interface BuyerRequestJobDeps {
  readonly clock: Clock;
  loadSettings(): Promise<Settings>;
  /** The open requests of the account these settings use. */
  openRequests(settings: Settings): Promise<OpenRequest[]>;
  readonly log?: (message: string) => void;
}

export type BuyerRequestBackgroundJob = BackgroundJob<() => Promise<void>>;

export function createBuyerRequestBackgroundJob(deps: BuyerRequestJobDeps): BuyerRequestBackgroundJob {
  let running: Promise<void> | undefined;
  let again = false;

  async function run(): Promise<void> {
    const settings = await deps.loadSettings();
    const requests = await deps.openRequests(settings);
    const now = deps.clock.now();
    const before = await requestReminderLedgerItem.get();
    const due = remindersDue({ requests, now, toggles: settings, ledger: before });
    // The ledger is stored (one write) before anything is shown: a worker killed in between misses
    // these notifications rather than showing them twice.
    if (JSON.stringify(due.ledger) !== JSON.stringify(before))
      await requestReminderLedgerItem.set(due.ledger);
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    for (const n of due.notifications) {
      try {
        await browser.notifications.create(n.id, {
          type: 'basic',
          iconUrl,
          title: n.title,
          message: n.message,
        });
      } catch (error) {
        // Not retried (the ledger says shown); the badge and the requests view still show the request.
        deps.log?.(`Notification for ${n.orderId} could not be shown: ${String(error)}`);
      }
    }
    await showRequestBadge(requests, now);
    await armBuyerRequestAlarm(requests.length > 0);
  }

  function start(): Promise<void> {
    if (running) {
      // A sync finished during a run: look again once it ends, so a new request is not left to the alarm.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    alarm: BUYER_REQUEST_ALARM,
    start,
    onAlarm: () => void start().catch((error: unknown) => deps.log?.(String(error))),
    idle: async () => {
      while (running) await running.catch(() => undefined);
    },
    // Every worker start: re-arm the alarm (and the badge) when requests are open; clear it when none.
    heal: async () => {
      // A failed look (the database not open yet) must not stop the other jobs healing; the next sync retries.
      await start().catch((error: unknown) => deps.log?.(`Buyer requests not checked: ${String(error)}`));
    },
  };
}

/** Every five minutes while any request is open, so reminders come on time between syncs; cleared when none. */
export async function armBuyerRequestAlarm(anyOpen: boolean): Promise<void> {
  if (!anyOpen) {
    await browser.alarms.clear(BUYER_REQUEST_ALARM);
    return;
  }
  const existing = await browser.alarms.get(BUYER_REQUEST_ALARM);
  if (existing?.periodInMinutes === PERIOD_MINUTES) return;
  await browser.alarms.create(BUYER_REQUEST_ALARM, { periodInMinutes: PERIOD_MINUTES });
}

/** A click on a buyer-request notification opens the manager on that order. */
export async function openNotifiedOrder(notificationId: string): Promise<void> {
  const orderId = orderIdOfNotification(notificationId);
  if (!orderId) return;
  await browser.tabs.create({
    url:
      browser.runtime.getURL('/manager.html') +
      managerHash({ view: 'order', orderId, action: 'show-request' }),
  });
  await browser.notifications.clear(notificationId);
}
