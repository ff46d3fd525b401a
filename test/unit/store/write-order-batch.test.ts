import type { StoredOrder } from '../../../lib/domain/order';
import {
  DamagedStoreRecordError,
  InvalidOrderBatchError,
  deleteOrderDb,
  getOrderWithItems,
  listQuarantine,
  listReports,
  openOrderDb,
  readOrderCursor,
  writeOrderBatch,
  type OrderDb,
  type OrderSyncCursor,
  type QuarantineInput,
} from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from './stored-order-fixture';

let db: OrderDb;
let name: string;

beforeEach(async () => {
  name = freshDbName();
  db = await openOrderDb(name);
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await deleteOrderDb(name);
});

const cursor = (overrides: Partial<OrderSyncCursor> = {}): OrderSyncCursor => ({
  phase: 'incremental',
  lastUpdatedAfter: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  ...overrides,
});

async function orderOf(id: string): Promise<StoredOrder | undefined> {
  return (await getOrderWithItems(db, id))?.order;
}

describe('writeOrderBatch merge rules', () => {
  it('inserts new orders with their items and counts them', async () => {
    const result = await writeOrderBatch(db, {
      orders: [
        { order: storedOrder({ orderId: 'A' }), items: [storedItem('A', '1'), storedItem('A', '2')] },
        { order: storedOrder({ orderId: 'B' }), items: [storedItem('B', '1')] },
      ],
    });
    expect(result).toMatchObject({ inserted: 2, updated: 0, skippedOlder: 0, insertedOrderIds: ['A', 'B'] });
    expect((await getOrderWithItems(db, 'A'))?.items.map((item) => item.orderItemId)).toEqual(['1', '2']);
  });

  it('keeps the earliest firstReported when a later run sees the order again', async () => {
    const early = {
      at: '2026-03-01T11:00:00.000Z',
      source: { kind: 'report', reportId: 'R1', reportType: 'T' },
    } as const;
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', firstReported: early }), items: [] }],
    });
    const result = await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({
            orderId: 'A',
            lastUpdated: '2026-03-02T00:00:00Z',
            status: 'SHIPPED',
            firstReported: { at: '2026-03-02T01:00:00.000Z', source: { kind: 'search', syncRunId: 'run-2' } },
          }),
          items: [],
        },
      ],
    });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const stored = await orderOf('A');
    expect(stored?.status).toBe('SHIPPED');
    expect(stored?.firstReported).toEqual(early);
  });

  it('never lets an older lastUpdated overwrite a newer one', async () => {
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-05T00:00:00Z', status: 'SHIPPED' }),
          items: [],
        },
      ],
    });
    const result = await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-04T00:00:00Z', status: 'UNSHIPPED' }),
          items: [],
        },
      ],
    });
    expect(result).toMatchObject({ inserted: 0, updated: 0, skippedOlder: 1 });
    expect((await orderOf('A'))?.status).toBe('SHIPPED');
  });

  // Found by the simulator (seed 168): Amazon cancelled an order in the same second as the seller's
  // line cancellation that the outbox had just read back, and the store kept the older status for ever.
  it('takes a second change within the same second, one whose status is further along', async () => {
    const at = '2026-03-05T00:00:00Z';
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', lastUpdated: at, status: 'UNSHIPPED' }), items: [] }],
    });
    const later = await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', lastUpdated: at, status: 'CANCELLED' }), items: [] }],
    });
    expect(later).toMatchObject({ updated: 1, skippedOlder: 0 });
    expect((await orderOf('A'))?.status).toBe('CANCELLED');
    const earlier = await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', lastUpdated: at, status: 'UNSHIPPED' }), items: [] }],
    });
    expect(earlier).toMatchObject({ updated: 0, skippedOlder: 1 });
    expect((await orderOf('A'))?.status).toBe('CANCELLED');
  });

  it('never moves an order back within the same second, even over a flag that its update was unreadable', async () => {
    const at = '2026-03-05T00:00:00Z';
    const unreadableUpdate = { at, reason: 'unknown status' };
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: at, status: 'CANCELLED', unreadableUpdate }),
          items: [],
        },
      ],
    });
    const older = await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', lastUpdated: at, status: 'UNSHIPPED' }), items: [] }],
    });
    expect(older).toMatchObject({ updated: 0, skippedOlder: 1 });
    expect((await orderOf('A'))?.status).toBe('CANCELLED');
  });

  it('compares lastUpdated as instants, not as text', async () => {
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-05T00:00:00.500Z', status: 'SHIPPED' }),
          items: [],
        },
      ],
    });
    const result = await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-05T00:00:00Z', status: 'UNSHIPPED' }),
          items: [],
        },
      ],
    });
    expect(result.skippedOlder).toBe(1);
  });

  it('does not let report data of the same age replace Orders API data', async () => {
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', isPrime: true, status: 'UNSHIPPED' }),
          items: [storedItem('A', 'real-1')],
        },
      ],
    });
    const result = await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', detailLevel: 'report', isPrime: undefined, status: 'PENDING' }),
          items: [storedItem('A', 'report-1')],
        },
      ],
    });
    expect(result.skippedOlder).toBe(1);
    const stored = await getOrderWithItems(db, 'A');
    expect(stored?.order).toMatchObject({ detailLevel: 'full', isPrime: true, status: 'UNSHIPPED' });
    expect(stored?.items.map((item) => item.orderItemId)).toEqual(['real-1']);
  });

  it('takes a newer report over Orders API data but keeps Prime, ship-by and the real items', async () => {
    const shipBy = { earliest: '2026-03-02T00:00:00Z', latest: '2026-03-03T00:00:00Z' };
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({
            orderId: 'A',
            isPrime: true,
            shipBy,
            programs: ['PRIME'],
            searchText: 'a sku-1',
          }),
          items: [storedItem('A', 'real-1', { sku: 'SKU-1' })],
        },
      ],
    });
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({
            orderId: 'A',
            detailLevel: 'report',
            isPrime: undefined,
            lastUpdated: '2026-03-04T00:00:00Z',
            status: 'SHIPPED',
          }),
          items: [storedItem('A', 'report-line-1', { sku: 'SKU-1' })],
        },
      ],
    });
    const stored = await getOrderWithItems(db, 'A');
    expect(stored?.order).toMatchObject({ status: 'SHIPPED', isPrime: true, shipBy, detailLevel: 'report' });
    expect(stored?.order.subTypes).toContain('prime');
    expect(stored?.order.programs).toContain('PRIME');
    expect(stored?.items.map((item) => item.orderItemId)).toEqual(['real-1']);
  });

  it('replaces synthetic report items once the Orders API returns the real ones', async () => {
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', detailLevel: 'report', isPrime: undefined }),
          items: [storedItem('A', 'report-1'), storedItem('A', 'report-2')],
        },
      ],
    });
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A', isPrime: false }), items: [storedItem('A', '9001')] }],
    });
    const stored = await getOrderWithItems(db, 'A');
    expect(stored?.order.detailLevel).toBe('full');
    expect(stored?.items.map((item) => item.orderItemId)).toEqual(['9001']);
  });

  it('keeps the first time a buyer cancellation request was seen', async () => {
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({
            orderId: 'A',
            buyerCancelRequest: { reason: 'Changed mind', firstSeenAt: '2026-03-01T12:00:00Z' },
          }),
          items: [],
        },
      ],
    });
    await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({
            orderId: 'A',
            lastUpdated: '2026-03-02T00:00:00Z',
            buyerCancelRequest: { reason: 'Changed mind', firstSeenAt: '2026-03-02T12:00:00Z' },
          }),
          items: [],
        },
      ],
    });
    expect((await orderOf('A'))?.buyerCancelRequest?.firstSeenAt).toBe('2026-03-01T12:00:00Z');
  });

  it('merges repeated entries for one order inside a batch', async () => {
    const result = await writeOrderBatch(db, {
      orders: [
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-02T00:00:00Z', status: 'SHIPPED' }),
          items: [],
        },
        {
          order: storedOrder({ orderId: 'A', lastUpdated: '2026-03-01T00:00:00Z', status: 'UNSHIPPED' }),
          items: [],
        },
      ],
    });
    expect(result).toMatchObject({ inserted: 1, skippedOlder: 1 });
    expect((await orderOf('A'))?.status).toBe('SHIPPED');
  });
});

describe('writeOrderBatch atomicity', () => {
  it('writes cursor, report and quarantine together with the orders', async () => {
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A' }), items: [] }],
      cursor: cursor({ paginationToken: 'page-2' }),
      report: {
        reportId: 'R1',
        reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
        createdTime: '2026-03-01T00:00:00Z',
        processedAt: '2026-03-01T00:10:00Z',
        orderIds: ['A'],
        newOrderIds: ['A'],
        rowCount: 1,
        rejectedRowCount: 0,
      },
      quarantined: [
        {
          at: '2026-03-01T00:00:00Z',
          source: 'searchOrders',
          reference: 'run-1',
          reason: 'bad enum',
          raw: { x: 1 },
        },
      ],
    });
    expect((await readOrderCursor(db))?.paginationToken).toBe('page-2');
    expect((await listReports(db)).map((report) => report.reportId)).toEqual(['R1']);
    const [quarantined] = await listQuarantine(db);
    expect(quarantined).toMatchObject({ source: 'searchOrders', reason: 'bad enum', raw: '{"x":1}' });
    expect(typeof quarantined?.id).toBe('number');
  });

  it('rejects a batch with an invalid order before writing any of it', async () => {
    await writeOrderBatch(db, { orders: [], cursor: cursor() });
    const bad = { ...storedOrder({ orderId: 'B' }), status: 'Shipped' } as unknown as StoredOrder;
    await expect(
      writeOrderBatch(db, {
        orders: [
          { order: storedOrder({ orderId: 'A' }), items: [] },
          { order: bad, items: [] },
        ],
        cursor: cursor({ lastUpdatedAfter: '2026-03-09T00:00:00Z' }),
      }),
    ).rejects.toBeInstanceOf(InvalidOrderBatchError);
    expect(await db.count('orders')).toBe(0);
    expect((await readOrderCursor(db))?.lastUpdatedAfter).toBe('2026-03-01T00:00:00Z');
  });

  it('leaves nothing of the batch when a write fails inside the transaction', async () => {
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'OLD' }), items: [] }],
      cursor: cursor(),
    });
    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      puts += 1;
      if (puts === 3) throw new DOMException('disk full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(
      writeOrderBatch(db, {
        orders: [
          { order: storedOrder({ orderId: 'A' }), items: [storedItem('A', '1')] },
          { order: storedOrder({ orderId: 'B' }), items: [storedItem('B', '1')] },
        ],
        cursor: cursor({ lastUpdatedAfter: '2026-03-09T00:00:00Z' }),
        quarantined: [
          { at: '2026-03-01T00:00:00Z', source: 'report', reference: 'R', reason: 'x', raw: 'row' },
        ],
      }),
    ).rejects.toThrow('disk full');
    vi.restoreAllMocks();
    expect((await db.getAllKeys('orders')).sort()).toEqual(['OLD']);
    expect(await db.count('orderItems')).toBe(0);
    expect(await db.count('quarantine')).toBe(0);
    expect((await readOrderCursor(db))?.lastUpdatedAfter).toBe('2026-03-01T00:00:00Z');
  });
});

describe('writeOrderBatch atomicity when a request fails later', () => {
  it('rolls back orders and cursor when a quarantine write is refused by the store', async () => {
    await writeOrderBatch(db, {
      orders: [],
      cursor: cursor(),
      quarantined: [
        { at: '2026-03-01T00:00:00Z', source: 'report', reference: 'R', reason: 'first', raw: '' },
      ],
    });
    const [existing] = await listQuarantine(db);
    // A record that reuses an existing key makes add() fail asynchronously, after the order puts.
    const clash = {
      at: '2026-03-02T00:00:00Z',
      source: 'report',
      reference: 'R',
      reason: 'clash',
      raw: '',
      id: existing!.id,
    };
    await expect(
      writeOrderBatch(db, {
        orders: [{ order: storedOrder({ orderId: 'A' }), items: [storedItem('A', '1')] }],
        cursor: cursor({ lastUpdatedAfter: '2026-03-09T00:00:00Z' }),
        quarantined: [clash as QuarantineInput],
      }),
    ).rejects.toThrow();
    expect(await db.count('orders')).toBe(0);
    expect(await db.count('orderItems')).toBe(0);
    expect((await listQuarantine(db)).map((record) => record.reason)).toEqual(['first']);
    expect((await readOrderCursor(db))?.lastUpdatedAfter).toBe('2026-03-01T00:00:00Z');
  });
});

describe('order cursor', () => {
  it('is undefined before the first sync', async () => {
    expect(await readOrderCursor(db)).toBeUndefined();
  });

  it('reports a damaged cursor instead of using it', async () => {
    await db.put('syncState', { key: 'orderCursor', value: { phase: 'sideways', updatedAt: 5 } });
    await expect(readOrderCursor(db)).rejects.toBeInstanceOf(DamagedStoreRecordError);
  });
});

describe('writeOrderBatch: repeats and unreadable updates', () => {
  it('writes nothing when an order comes again with the same lastUpdated (overlapping polls)', async () => {
    await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A' }), items: [storedItem('A', '1')] }],
    });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    const again = await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A' }), items: [storedItem('A', '1')] }],
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0 });
    expect(put).not.toHaveBeenCalled();
  });

  it('flags a stored order whose update could not be read, and a readable update clears the flag', async () => {
    await writeOrderBatch(db, { orders: [{ order: storedOrder({ orderId: 'A' }), items: [] }] });
    const flagged = await writeOrderBatch(db, {
      orders: [],
      unreadable: [
        { orderId: 'A', at: '2026-03-02T00:00:00.000Z', reason: 'unknown status TELEPORTED' },
        { orderId: 'NOT-STORED', at: '2026-03-02T00:00:00.000Z', reason: 'whatever' },
      ],
    });
    expect(flagged.flaggedOrderIds).toEqual(['A']);
    expect((await orderOf('A'))?.unreadableUpdate).toEqual({
      at: '2026-03-02T00:00:00.000Z',
      reason: 'unknown status TELEPORTED',
    });
    expect(await orderOf('NOT-STORED')).toBeUndefined();

    // A re-read with the same lastUpdated still replaces the flagged record.
    const reread = await writeOrderBatch(db, {
      orders: [{ order: storedOrder({ orderId: 'A' }), items: [] }],
    });
    expect(reread.updated).toBe(1);
    expect((await orderOf('A'))?.unreadableUpdate).toBeUndefined();
  });
});
