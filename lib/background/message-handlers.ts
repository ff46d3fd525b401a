import { browser } from 'wxt/browser';
import { managerHash } from '../manager-route';
import { sendAgain } from '../outbox/retry-cancel';
import { startFullResync } from '../sync/full-resync';
import { describeError } from './describe-error';
import type { BackgroundJobDeps } from './jobs/background-job';
import type { OutboxBackgroundJob } from './jobs/outbox-job';
import type { SyncBackgroundJob } from './jobs/sync-job';
import type { Handlers } from './message-router';
import { createOrderDbCache } from '../store/order-db-cache';
import type { OrderDb } from '../store/order-db';
import {
  declineBuyerRequest,
  undoDeclineBuyerRequest,
  type BuyerRequestAnswer,
} from '../store/buyer-request-answer';
import type { BuyerRequestBackgroundJob } from './jobs/buyer-request-job';
import { lookUpOrder } from './order-lookup';
import { refreshOrderForCancel } from './refresh-order-handler';
import { recordSellerCentralHealth } from './seller-central-health';
import { clientFor } from './sp-api-connection';
import { unreachableEndpointMessage } from '../settings/connection-test-failure';
import type { SyncStatus } from '../sync/sync-status';
import { loadSyncStatus } from '../sync/sync-status-store';

/** A Seller Central page's Sync now while a long sync (a first backfill) runs past the page's wait. */
export const SYNC_STILL_RUNNING_FOR_PAGE_TEXT =
  'The sync is still running; a first sync can take several minutes. ' +
  'Press Sync now again in a few minutes to look for this order.';
/** How long a page's Sync now waits for the sync: answered before the page's own 5 minutes run out. */
const SYNC_ORDER_WAIT_MS = 4 * 60_000;

/** A Seller Central page's Sync now whose run failed: the error's own words stay in the manager. */
export const SYNC_FAILED_FOR_PAGE_TEXT =
  'The sync stopped with an error, so the order manager could not look for this order. ' +
  'Open the order manager to see what went wrong.';

export interface MessageHandlerDeps extends BackgroundJobDeps {
  readonly sync: Pick<SyncBackgroundJob, 'start' | 'idle' | 'busy'>;
  readonly outbox: Pick<OutboxBackgroundJob, 'start'>;
  /** Opens another account's database by name, to tell a Seller Central page its order is there. */
  readonly dbByName?: (name: string) => Promise<OrderDb>;
  /** The sync status, to tell a page whether the sync it waited for failed. */
  readonly syncStatus?: () => Promise<Pick<SyncStatus, 'lastError'>>;
  /** Re-run after a decline or its undo, so the badge and reminders follow at once. */
  readonly requests?: Pick<BuyerRequestBackgroundJob, 'start'>;
}

/** What the background answers to each request a view or content script may send (lib/messaging.ts). */
export function createMessageHandlers(deps: MessageHandlerDeps): Handlers {
  const { clock, sync, outbox } = deps;
  const currentDb = async () => deps.dbFor(await deps.loadSettings());
  const dbByName = deps.dbByName ?? createOrderDbCache().byName;
  const syncStatus = deps.syncStatus ?? loadSyncStatus;
  const lookUp = async (orderId: string, pageUrl: string | undefined) => {
    const settings = await deps.loadSettings();
    const db = await deps.dbFor(settings);
    return lookUpOrder({ settings, db, dbByName, ...(pageUrl ? { pageUrl } : {}) }, orderId);
  };
  // After the seller answers a request: views re-read the order, the badge and reminders recount.
  const afterAnswer = async (answer: BuyerRequestAnswer): Promise<BuyerRequestAnswer> => {
    if (!answer.ok) return answer;
    deps.announceOutboxChange();
    // The answer is stored; a failed recount is left to the job's next run (its alarm or the next sync).
    await deps.requests?.start().catch(() => undefined);
    return answer;
  };
  return {
    'sync-now': async () => sync.start('manual'),
    'full-resync': async () =>
      startFullResync({ db: await currentDb(), clock, startSync: () => sync.start('manual') }),
    'test-connection': async ({ credentials, endpointOverride }) => {
      try {
        const client = clientFor(credentials, endpointOverride, { clock, fetch: (r) => fetch(r) });
        return await client.testConnection(credentials.marketplaceIds);
      } catch (error) {
        // No answer at all: an Advanced address is the likelier cause than the internet connection.
        const unreachable = unreachableEndpointMessage(error, endpointOverride);
        if (unreachable) return { ok: false as const, message: unreachable };
        const { message, code } = describeError(error);
        return { ok: false as const, message, ...(code ? { code } : {}) };
      }
    },
    'outbox-changed': async () => {
      outbox.start();
      // A cancel just queued may be the Accept of a buyer's request: the badge and reminders recount now.
      void deps.requests?.start().catch(() => undefined);
      return { ok: true as const };
    },
    'send-again': async ({ actionId }) => {
      await sendAgain(await currentDb(), actionId, { clock });
      outbox.start();
      return { ok: true as const };
    },
    'refresh-order': async ({ orderId }) => {
      const settings = await deps.loadSettings();
      const answer = await refreshOrderForCancel(
        { client: deps.connection(settings).client, db: await deps.dbFor(settings), clock },
        orderId,
      );
      // Open views re-read stored orders when this channel speaks.
      if (answer.ok) deps.announceOutboxChange();
      return answer;
    },
    'get-order-summary': async ({ orderId }, sender) => lookUp(orderId, sender.url),
    'sync-order': async ({ orderId }, sender) => {
      const start = await sync.start('manual');
      // A sync already under way is as good as a new one: wait for it. Any other refusal is said.
      if (!start.started && !sync.busy()) return { synced: false as const, reason: refusal(start.reason) };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ended = await Promise.race([
        sync.idle().then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SYNC_ORDER_WAIT_MS))),
      ]).finally(() => clearTimeout(timer));
      if (!ended) return { synced: false as const, reason: SYNC_STILL_RUNNING_FOR_PAGE_TEXT };
      // A failed run did not look for the order: "still not there, try again" would send the seller round.
      if ((await syncStatus()).lastError)
        return { synced: false as const, reason: SYNC_FAILED_FOR_PAGE_TEXT };
      return { synced: true as const, lookup: await lookUp(orderId, sender.url) };
    },
    'open-options': async () => {
      await browser.runtime.openOptionsPage();
      return { ok: true as const };
    },
    'open-manager': async ({ orderId, action, view }) => {
      const hash = orderId
        ? managerHash({ view: 'order', orderId, ...(action ? { action } : {}) })
        : view
          ? managerHash({ view })
          : '';
      await browser.tabs.create({ url: browser.runtime.getURL('/manager.html') + hash });
      return { ok: true as const };
    },
    'seller-central-health': async (report) => recordSellerCentralHealth(report, clock),
    'decline-buyer-request': async ({ orderId, memo }) =>
      afterAnswer(
        await declineBuyerRequest(await currentDb(), orderId, memo, new Date(clock.now()).toISOString()),
      ),
    'undo-decline-buyer-request': async ({ orderId }) =>
      afterAnswer(await undoDeclineBuyerRequest(await currentDb(), orderId)),
  };
}

function refusal(reason: string | undefined): string {
  return `The sync could not start: ${reason ?? 'the order manager is busy; try again in a minute.'}`;
}
