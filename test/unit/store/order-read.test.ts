import {
  countOrders,
  deleteOrderDb,
  getAllOrders,
  getOrderWithItems,
  listNewestOrders,
  listQuarantine,
  openOrderDb,
  writeOrderBatch,
  type OrderDb,
} from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from './stored-order-fixture';

let db: OrderDb;
let name: string;

beforeEach(async () => {
  name = freshDbName();
  db = await openOrderDb(name);
  await writeOrderBatch(db, {
    orders: ['2026-03-02', '2026-03-05', '2026-03-01', '2026-03-04', '2026-03-03'].map((day, index) => ({
      order: storedOrder({ orderId: `O${index}`, purchaseDate: `${day}T00:00:00Z` }),
      items: [storedItem(`O${index}`, 'i1'), storedItem(`O${index}`, 'i2')],
    })),
  });
});

afterEach(async () => {
  db.close();
  await deleteOrderDb(name);
});

describe('order reads', () => {
  it('lists the newest orders by purchase date, up to the limit', async () => {
    expect((await listNewestOrders(db, 3)).map((order) => order.purchaseDate.slice(0, 10))).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
    ]);
    expect(await listNewestOrders(db, 0)).toEqual([]);
  });

  it('returns all orders newest first and counts them', async () => {
    const orders = await getAllOrders(db);
    expect(orders.map((order) => order.orderId)).toEqual(['O1', 'O3', 'O4', 'O0', 'O2']);
    expect(await countOrders(db)).toBe(5);
  });

  it('returns one order with its items, or undefined', async () => {
    const found = await getOrderWithItems(db, 'O3');
    expect(found?.order.orderId).toBe('O3');
    expect(found?.items.map((item) => item.orderItemId)).toEqual(['i1', 'i2']);
    expect(await getOrderWithItems(db, 'missing')).toBeUndefined();
  });

  it('lists quarantine newest first with capped raw text', async () => {
    await writeOrderBatch(db, {
      orders: [],
      quarantined: [
        {
          at: '2026-03-01T00:00:00Z',
          source: 'report',
          reference: 'R1',
          reason: 'first',
          raw: 'x'.repeat(100_000),
        },
        {
          at: '2026-03-02T00:00:00Z',
          source: 'searchOrders',
          reference: 'run',
          reason: 'second',
          raw: { a: 1 },
        },
      ],
    });
    const records = await listQuarantine(db);
    expect(records.map((record) => record.reason)).toEqual(['second', 'first']);
    expect(records[1]!.raw.length).toBeLessThan(20_000);
    expect(await listQuarantine(db, 1)).toHaveLength(1);
  });
});
