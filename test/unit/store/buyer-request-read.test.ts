import {
  deleteOrderDb,
  openOrderDb,
  readBuyerRequestOrders,
  readOrdersPurchasedSince,
} from '../../../lib/store';
import type { OrderDb } from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from './stored-order-fixture';

let db: OrderDb;
let name: string;

beforeEach(async () => {
  name = freshDbName();
  db = await openOrderDb(name);
  const tx = db.transaction(['orders', 'orderItems'], 'readwrite');
  await Promise.all([
    tx.objectStore('orders').put(
      storedOrder({
        orderId: 'OPEN',
        purchaseDate: '2026-03-01T10:00:00Z',
        buyerCancelRequest: { reason: 'No longer needed', firstSeenAt: '2026-03-02T11:00:00Z' },
      }),
    ),
    tx.objectStore('orders').put(
      storedOrder({
        orderId: 'CLOSED',
        status: 'SHIPPED',
        purchaseDate: '2026-03-05T10:00:00.000Z',
        buyerCancelRequest: {
          firstSeenAt: '2026-03-01T11:00:00Z',
          closed: { at: '2026-03-01T12:00:00Z', how: 'shipped' },
        },
      }),
    ),
    tx.objectStore('orders').put(storedOrder({ orderId: 'PLAIN', purchaseDate: '2026-03-07T10:00:00Z' })),
    tx.objectStore('orderItems').put(storedItem('OPEN', 'i1', { sku: 'MUG-1' })),
    tx.objectStore('orderItems').put(storedItem('OPEN', 'i2', { sku: 'MUG-2' })),
    tx.objectStore('orderItems').put(storedItem('PLAIN', 'i3')),
  ]);
  await tx.done;
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await deleteOrderDb(name);
});

describe('readBuyerRequestOrders', () => {
  it('returns every order with a request, open or closed, with its items, oldest request first', async () => {
    const read = await readBuyerRequestOrders(db);
    expect(read.map(({ order }) => order.orderId)).toEqual(['CLOSED', 'OPEN']);
    expect(read[1]?.items.map((item) => item.sku)).toEqual(['MUG-1', 'MUG-2']);
    expect(read[0]?.items).toEqual([]);
  });

  it('reads orders only through the request index, never the whole orders store', async () => {
    const storeReads: string[] = [];
    const indexReads: string[] = [];
    for (const method of ['get', 'getAll', 'openCursor'] as const) {
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: unknown[]
      ) {
        storeReads.push(this.name);
        return Reflect.apply(originalStore[method], this, args) as IDBRequest;
      } as never);
      vi.spyOn(IDBIndex.prototype, method).mockImplementation(function (this: IDBIndex, ...args: unknown[]) {
        indexReads.push(`${this.objectStore.name}.${this.name}`);
        return Reflect.apply(originalIndex[method], this, args) as IDBRequest;
      } as never);
    }
    await readBuyerRequestOrders(db);
    expect(storeReads).toEqual([]);
    expect(new Set(indexReads)).toEqual(new Set(['orders.buyerRequest', 'orderItems.orderId']));
    expect(indexReads.filter((read) => read === 'orderItems.orderId')).toHaveLength(2);
  });
});

describe('readOrdersPurchasedSince', () => {
  it('returns orders purchased at or after the time, with items, whatever the stored precision', async () => {
    const read = await readOrdersPurchasedSince(db, '2026-03-05T10:00:00Z');
    expect(read.map(({ order }) => order.orderId)).toEqual(['CLOSED', 'PLAIN']);
    expect(read[1]?.items).toHaveLength(1);
    expect(
      (await readOrdersPurchasedSince(db, '2026-03-05T10:00:00.001Z')).map((o) => o.order.orderId),
    ).toEqual(['PLAIN']);
    expect(await readOrdersPurchasedSince(db, '2026-04-01T00:00:00Z')).toEqual([]);
  });

  it('refuses a time that is not a date', async () => {
    await expect(readOrdersPurchasedSince(db, 'last week')).rejects.toThrow('not a date-time');
  });
});

const originalStore = {
  get: IDBObjectStore.prototype.get,
  getAll: IDBObjectStore.prototype.getAll,
  openCursor: IDBObjectStore.prototype.openCursor,
};
const originalIndex = {
  get: IDBIndex.prototype.get,
  getAll: IDBIndex.prototype.getAll,
  openCursor: IDBIndex.prototype.openCursor,
};
