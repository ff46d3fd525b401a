import {
  getAllOrders,
  getOrderWithItems,
  listNewestOrders,
  listQuarantine,
  orderDbNameFor,
  readBuyerRequestOrders,
  readOrdersPurchasedSince,
} from '../../lib/store';
import { createOrderDbCache } from '../../lib/store/order-db-cache';
import { loadSettings, onSettingsChanged } from '../../lib/settings/settings-store';
import { watchSyncStatus } from '../../lib/sync/sync-status-store';
import type { OrderSource } from './order-source';
import { OUTBOX_CHANGED_CHANNEL } from '../../lib/outbox/outbox-channel';

/**
 * Reads the extension's IndexedDB: the demo database or the account's, as the settings say.
 * Reloads when the background reports a finished sync run, or when the account changes.
 */
export function indexedDbOrderSource(fixedDbName?: string): OrderSource {
  const dbs = createOrderDbCache();
  const open = async () => (fixedDbName ? dbs.byName(fixedDbName) : dbs.forSettings(await loadSettings()));
  return {
    newest: async (limit) => listNewestOrders(await open(), limit),
    all: async () => getAllOrders(await open()),
    withItems: async (orderId) => getOrderWithItems(await open(), orderId),
    buyerRequests: async () => readBuyerRequestOrders(await open()),
    ordersPurchasedSince: async (sinceIso) => readOrdersPurchasedSince(await open(), sinceIso),
    quarantine: async () => listQuarantine(await open()),
    subscribe(onChange) {
      let wasRunning = false;
      // Reload once per finished run, not on every progress tick (a reload reads every order).
      const stopSync = watchSyncStatus((status) => {
        if (wasRunning && !status.running) onChange();
        wasRunning = status.running;
      });
      let currentName: string | undefined;
      void loadSettings()
        .then(orderDbNameFor)
        .then((name) => (currentName ??= name));
      // Another account (or demo) was chosen: every view reloads from that account's database.
      const stopSettings = onSettingsChanged((settings) => {
        void orderDbNameFor(settings).then((name) => {
          if (currentName !== undefined && name !== currentName && !fixedDbName) onChange();
          currentName = name;
        });
      });
      // The outbox re-reads orders it has just acted on (e.g. a cancel confirmed by Amazon).
      const channel =
        typeof BroadcastChannel === 'function' ? new BroadcastChannel(OUTBOX_CHANGED_CHANNEL) : undefined;
      channel?.addEventListener('message', () => onChange());
      return () => {
        stopSync();
        stopSettings();
        channel?.close();
      };
    },
  };
}
