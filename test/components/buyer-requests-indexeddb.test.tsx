// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { indexedDbOrderSource } from '../../components/orders/indexeddb-order-source';
import { deleteOrderDb, openOrderDb, writeOrderBatch } from '../../lib/store';
import { makeOrder } from './order-fixtures';

const DB = 'components-buyer-requests-source-test';

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteOrderDb(DB);
  const built = [
    makeOrder({
      orderId: '111-0000001-0000001',
      purchaseDate: '2026-11-20T10:00:00Z',
      items: [{ sku: 'MUG-BLUE', quantityOrdered: 2 }],
      extra: { buyerCancelRequest: { firstSeenAt: '2026-11-21T10:00:00Z', reason: 'Ordered by mistake' } },
    }),
    makeOrder({
      orderId: '111-0000001-0000002',
      purchaseDate: '2026-11-10T10:00:00Z',
      extra: {
        buyerCancelRequest: {
          firstSeenAt: '2026-11-11T10:00:00Z',
          closed: { at: '2026-11-12T10:00:00Z', how: 'shipped' },
        },
      },
    }),
    makeOrder({ orderId: '111-0000001-0000003', purchaseDate: '2026-11-25T10:00:00Z' }),
  ];
  const db = await openOrderDb(DB);
  await writeOrderBatch(db, { orders: built.map(({ order, items }) => ({ order, items })) });
  db.close();
});

describe('indexedDbOrderSource: the requests view’s reads', () => {
  it('buyerRequests() gives every order that had a request, open or closed, with its items', async () => {
    const found = await indexedDbOrderSource(DB).buyerRequests();
    expect(found.map(({ order }) => order.orderId).sort()).toEqual([
      '111-0000001-0000001',
      '111-0000001-0000002',
    ]);
    const open = found.find(({ order }) => order.orderId === '111-0000001-0000001');
    expect(open?.items.map((item) => item.sku)).toEqual(['MUG-BLUE']);
  });

  it('ordersPurchasedSince() gives the orders placed from that instant on', async () => {
    const found = await indexedDbOrderSource(DB).ordersPurchasedSince('2026-11-18T00:00:00Z');
    expect(found.map(({ order }) => order.orderId).sort()).toEqual([
      '111-0000001-0000001',
      '111-0000001-0000003',
    ]);
  });
});
