import type { Settings } from '../settings/settings-schema';
// Through the barrel: where orderDbNameFor lives inside lib/store is the store's business.
import { orderDbNameFor } from './index';
import { openOrderDb, type OrderDb } from './order-db';

export interface OrderDbCache {
  /** The open database of this name, opened on first use. */
  byName(name: string): Promise<OrderDb>;
  /** The database these settings use: the demo one, or the account's own (see account-db-name.ts). */
  forSettings(settings: Pick<Settings, 'credentials'>): Promise<OrderDb>;
}

/**
 * One open connection per database name, for the background and for each view. An entry is dropped
 * when its open fails or when the connection closes on `versionchange` (Settings removing an account's
 * data, or a newer schema elsewhere), so the next use opens afresh instead of reusing a closed one.
 */
export function createOrderDbCache(open: (name: string) => Promise<OrderDb> = openOrderDb): OrderDbCache {
  const dbs = new Map<string, Promise<OrderDb>>();
  const byName = (name: string): Promise<OrderDb> => {
    let db = dbs.get(name);
    if (!db) {
      const opening = open(name);
      dbs.set(name, (db = opening));
      const forget = () => {
        if (dbs.get(name) === opening) dbs.delete(name);
      };
      void opening.then((connection) => connection.addEventListener('versionchange', forget), forget);
    }
    return db;
  };
  return {
    byName,
    forSettings: async (settings) => byName(await orderDbNameFor(settings)),
  };
}
