import type { StoredOrder } from '../../lib/domain/order';
import { DEMO_ORDER_DB_NAME } from '../../lib/store/account-db-name';
import { storedOrder } from '../unit/store/stored-order-fixture';
import type { LoadedExtension } from './extension-harness';
import { waitForOrders } from './order-list-page';

/**
 * Puts Unshipped orders with these ids into demo mode's database, as if the demo sync had brought
 * them, so Seller Central's saved pages (whose order ids are fixed) are about orders the manager has.
 */
export async function storeDemoOrders(
  extension: LoadedExtension,
  orders: readonly { orderId: string; marketplaceId: string }[],
): Promise<void> {
  const popup = await extension.openPage('popup.html');
  // The demo sync has created and filled the database: opening it now cannot create an empty one.
  await waitForOrders(popup, 250, 30_000);
  const records: StoredOrder[] = orders.map((order) => storedOrder(order));
  await popup.evaluate(
    async ({ name, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const tx = db.transaction('orders', 'readwrite');
      for (const record of records) tx.objectStore('orders').put(record);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { name: DEMO_ORDER_DB_NAME, records },
  );
  await popup.close();
}
