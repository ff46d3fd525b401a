import { ORDER_DB_VERSION, deleteOrderDb, migrations, openOrderDb } from '../../../lib/store';
import { freshDbName } from './stored-order-fixture';

describe('openOrderDb', () => {
  it('creates every store and index on an empty database', async () => {
    const name = freshDbName();
    const db = await openOrderDb(name);
    expect(db.version).toBe(migrations.length);
    expect(ORDER_DB_VERSION).toBe(migrations.length);
    expect([...db.objectStoreNames].sort()).toEqual([
      'feedSubmissions',
      'orderItems',
      'orders',
      'outbox',
      'quarantine',
      'reports',
      'syncState',
    ]);
    const tx = db.transaction(['orders', 'orderItems']);
    expect([...tx.objectStore('orders').indexNames].sort()).toEqual([
      'lastUpdated',
      'marketplaceId',
      'purchaseDate',
      'status',
      'subTypes',
    ]);
    expect(tx.objectStore('orders').index('subTypes').multiEntry).toBe(true);
    expect(tx.objectStore('orderItems').keyPath).toEqual(['orderId', 'orderItemId']);
    db.close();
    await deleteOrderDb(name);
  });

  it('opens an existing database again without re-running migrations', async () => {
    const name = freshDbName();
    const first = await openOrderDb(name);
    await first.put('syncState', { key: 'marker', value: 1 });
    first.close();
    const second = await openOrderDb(name);
    expect(await second.get('syncState', 'marker')).toEqual({ key: 'marker', value: 1 });
    second.close();
    await deleteOrderDb(name);
  });
});
