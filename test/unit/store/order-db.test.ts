import { ORDER_DB_VERSION, deleteOrderDb, migrations, openOrderDb } from '../../../lib/store';
import { openDB } from 'idb';
import type { OrderManagerDb } from '../../../lib/store';
import { freshDbName, storedOrder } from './stored-order-fixture';

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
      'buyerRequest',
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

describe('migration 3: an unknown type is not Standard', () => {
  it('clears the sub-types of orders whose Prime flag is unknown, and only theirs', async () => {
    const name = freshDbName();
    // A database as version 2 left it: report-only orders were stored as Standard (or Business).
    const v2 = await openDB<OrderManagerDb>(name, 2, {
      upgrade(db, _old, _new, tx) {
        migrations[0]!(db, tx);
        migrations[1]!(db, tx);
      },
    });
    await v2.put(
      'orders',
      storedOrder({ orderId: '111-0000001-0000001', isPrime: undefined, subTypes: ['standard'] }),
    );
    await v2.put(
      'orders',
      storedOrder({
        orderId: '111-0000002-0000002',
        isPrime: undefined,
        isBusiness: true,
        subTypes: ['business'],
      }),
    );
    await v2.put('orders', storedOrder({ orderId: '111-0000003-0000003', isPrime: false }));
    await v2.put('orders', storedOrder({ orderId: '111-0000004-0000004', isPrime: true }));
    v2.close();

    const db = await openOrderDb(name);
    expect(db.version).toBeGreaterThanOrEqual(3);
    expect((await db.get('orders', '111-0000001-0000001'))?.subTypes).toEqual([]);
    expect((await db.get('orders', '111-0000002-0000002'))?.subTypes).toEqual([]);
    expect((await db.get('orders', '111-0000003-0000003'))?.subTypes).toEqual(['standard']);
    expect((await db.get('orders', '111-0000004-0000004'))?.subTypes).toEqual(['prime']);
    expect(await db.getAllKeysFromIndex('orders', 'subTypes', 'standard')).toEqual(['111-0000003-0000003']);
    // Everything else about the order is kept.
    expect(await db.get('orders', '111-0000002-0000002')).toMatchObject({
      isBusiness: true,
      status: 'UNSHIPPED',
    });
    db.close();
    await deleteOrderDb(name);
  });
});

describe('migration 4: an index of orders with a buyer cancellation request', () => {
  it('indexes existing orders that had a request, open or closed, and no others', async () => {
    const name = freshDbName();
    // A database as version 3 left it, with requests stored before the index existed.
    const v3 = await openDB<OrderManagerDb>(name, 3, {
      upgrade(db, _old, _new, tx) {
        for (const migration of migrations.slice(0, 3)) migration(db, tx);
      },
    });
    await v3.put(
      'orders',
      storedOrder({
        orderId: '111-0000001-0000001',
        buyerCancelRequest: { firstSeenAt: '2026-03-01T11:00:00Z' },
      }),
    );
    await v3.put(
      'orders',
      storedOrder({
        orderId: '111-0000002-0000002',
        status: 'SHIPPED',
        buyerCancelRequest: {
          firstSeenAt: '2026-02-01T11:00:00Z',
          closed: { at: '2026-02-02T11:00:00Z', how: 'shipped' },
        },
      }),
    );
    await v3.put('orders', storedOrder({ orderId: '111-0000003-0000003' }));
    v3.close();

    const db = await openOrderDb(name);
    expect(db.version).toBe(ORDER_DB_VERSION);
    expect(await db.getAllKeysFromIndex('orders', 'buyerRequest')).toEqual([
      '111-0000002-0000002',
      '111-0000001-0000001',
    ]);
    expect(await db.count('orders')).toBe(3);
    db.close();
    await deleteOrderDb(name);
  });
});
