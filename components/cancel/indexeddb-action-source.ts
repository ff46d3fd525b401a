import { sendRequest } from '../../lib/messaging';
import { enqueueCancel } from '../../lib/outbox/enqueue-cancel';
import { replaceFailedCancel } from '../../lib/outbox/replace-cancel';
import { resolveNeedsReview, retryCancel } from '../../lib/outbox/retry-cancel';
import { loadSettings, onSettingsChanged } from '../../lib/settings/settings-store';
import type { Settings } from '../../lib/settings/settings-schema';
import { createOrderDbCache } from '../../lib/store/order-db-cache';
import { listActions, listActionsForOrder } from '../../lib/store/outbox-store';
import { watchSyncStatus } from '../../lib/sync/sync-status-store';
import type { ActionSource } from './action-source';
import { readOrderInBackground, sendAgainInBackground } from './background-requests';
import { OUTBOX_CHANGED_CHANNEL } from '../../lib/outbox/outbox-channel';

export { OUTBOX_CHANGED_CHANNEL } from '../../lib/outbox/outbox-channel';

/**
 * The outbox in the extension's IndexedDB (the demo database or the account's, as the settings say).
 * Queuing or retrying writes the action here first, then asks the background to send now.
 */
export function indexedDbActionSource(fixedDbName?: string): ActionSource {
  const dbs = createOrderDbCache();
  const listeners = new Set<() => void>();
  // The settings given, or the current ones: an action is queued in the account it was asked for.
  const open = async (settings?: Settings) =>
    fixedDbName ? dbs.byName(fixedDbName) : dbs.forSettings(settings ?? (await loadSettings()));
  const changed = () => {
    for (const listener of listeners) listener();
    // The alarm sends later anyway; a background that cannot be reached is no reason to fail the queue.
    void sendRequest({ type: 'outbox-changed' }).catch(() => undefined);
  };
  // Refuse here, in the dialog, rather than leave the action pending for ever.
  const settingsWithMerchantToken = async () => {
    const settings = await loadSettings();
    if (settings.credentials && !settings.credentials.sellerId?.trim()) {
      throw new Error(
        'Add your merchant token (Seller Central: Settings → Account Info) in the order manager’s Settings first: Amazon needs it to accept a cancellation.',
      );
    }
    return settings;
  };
  return {
    forOrder: async (orderId) => (await listActionsForOrder(await open(), orderId)).reverse(),
    all: async () => (await listActions(await open())).reverse(),
    async enqueueCancel(request) {
      const settings = await settingsWithMerchantToken();
      const action = await enqueueCancel(await open(settings), request);
      changed();
      return action;
    },
    async replace(failedActionId, request) {
      const settings = await settingsWithMerchantToken();
      const { replacement } = await replaceFailedCancel(await open(settings), failedActionId, request);
      changed();
      return replacement;
    },
    async retry(actionId) {
      await retryCancel(await open(), actionId);
      changed();
    },
    async resolveReview(actionId, verdict) {
      await resolveNeedsReview(await open(), actionId, verdict);
      for (const listener of listeners) listener();
    },
    sendAgain: sendAgainInBackground,
    readOrderFromAmazon: readOrderInBackground,
    subscribe(onChange) {
      listeners.add(onChange);
      const stopSync = watchSyncStatus(() => onChange());
      // Another account's actions once the settings switch accounts.
      const stopSettings = fixedDbName ? () => undefined : onSettingsChanged(() => onChange());
      const channel =
        typeof BroadcastChannel === 'function' ? new BroadcastChannel(OUTBOX_CHANGED_CHANNEL) : undefined;
      channel?.addEventListener('message', () => onChange());
      return () => {
        listeners.delete(onChange);
        stopSync();
        stopSettings();
        channel?.close();
      };
    },
  };
}
