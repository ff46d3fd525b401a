import { enqueueCancel } from '../../../lib/outbox';
import { getOrderWithItems, openOrderDb, writeOrderBatch } from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from '../store/stored-order-fixture';

const ID = '111-0000005-0000005';
const ITEM = '10000000000051';

async function withOpenOrder() {
  const db = await openOrderDb(freshDbName());
  await writeOrderBatch(db, {
    orders: [{ order: storedOrder({ orderId: ID }), items: [storedItem(ID, ITEM)] }],
  });
  return db;
}

const cancelledAt = (lastUpdated: string, seen: string, cancelledBy?: string) => ({
  order: storedOrder({
    orderId: ID,
    status: 'CANCELLED',
    lastUpdated,
    firstReported: { at: seen, source: { kind: 'search', syncRunId: 'run-2' } },
  }),
  items: [storedItem(ID, ITEM, cancelledBy ? { cancelledBy } : {})],
});

describe('cancelled outside the order manager', () => {
  it('marks an order a sync finds cancelled with no cancel of the manager, with when it was seen', async () => {
    const db = await withOpenOrder();
    await writeOrderBatch(db, {
      orders: [cancelledAt('2026-03-02T10:00:00Z', '2026-03-02T11:00:00.000Z', 'MERCHANT')],
    });
    const stored = await getOrderWithItems(db, ID);
    expect(stored?.order.cancelledOutsideManager).toEqual({
      seenAt: '2026-03-02T11:00:00.000Z',
      cancelledBy: 'MERCHANT',
    });

    // A later update keeps the mark (and its first sighting).
    await writeOrderBatch(db, { orders: [cancelledAt('2026-03-03T10:00:00Z', '2026-03-03T11:00:00.000Z')] });
    expect((await getOrderWithItems(db, ID))?.order.cancelledOutsideManager?.seenAt).toBe(
      '2026-03-02T11:00:00.000Z',
    );
  });

  it('does not mark an order the manager is cancelling or cancelled', async () => {
    const db = await withOpenOrder();
    await enqueueCancel(db, { orderId: ID, reason: 'NoInventory' });
    await writeOrderBatch(db, { orders: [cancelledAt('2026-03-02T10:00:00Z', '2026-03-02T11:00:00.000Z')] });
    expect((await getOrderWithItems(db, ID))?.order.cancelledOutsideManager).toBeUndefined();
  });

  it('does not mark an order first stored already cancelled (a backfill of history)', async () => {
    const db = await openOrderDb(freshDbName());
    await writeOrderBatch(db, { orders: [cancelledAt('2026-03-02T10:00:00Z', '2026-03-02T11:00:00.000Z')] });
    expect((await getOrderWithItems(db, ID))?.order.cancelledOutsideManager).toBeUndefined();
  });
});
