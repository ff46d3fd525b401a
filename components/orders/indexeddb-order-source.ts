import {
  getAllOrders,
  getOrderWithItems,
  listNewestOrders,
  listQuarantine,
  openOrderDb,
  type OrderDb,
} from '../../lib/store';
import { watchSyncStatus } from '../../lib/sync/sync-status-store';
import type { OrderSource } from './order-source';

/** Reads the extension's IndexedDB; reloads when the background reports a finished sync run. */
export function indexedDbOrderSource(dbName?: string): OrderSource {
  let db: Promise<OrderDb> | undefined;
  const open = () => (db ??= openOrderDb(dbName));
  return {
    newest: async (limit) => listNewestOrders(await open(), limit),
    all: async () => getAllOrders(await open()),
    withItems: async (orderId) => getOrderWithItems(await open(), orderId),
    quarantine: async () => listQuarantine(await open()),
    subscribe(onChange) {
      let wasRunning = false;
      // Reload once per finished run, not on every progress tick (a reload reads every order).
      return watchSyncStatus((status) => {
        if (wasRunning && !status.running) onChange();
        wasRunning = status.running;
      });
    },
  };
}
