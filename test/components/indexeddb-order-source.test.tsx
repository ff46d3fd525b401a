// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { indexedDbOrderSource } from '../../components/orders/indexeddb-order-source';
import { deleteOrderDb, openOrderDb, writeOrderBatch } from '../../lib/store';
import { updateSyncStatus } from '../../lib/sync/sync-status-store';
import { sampleShop } from './order-fixtures';

const DB = 'components-order-source-test';

beforeEach(async () => {
  fakeBrowser.reset();
  await deleteOrderDb(DB);
  const shop = sampleShop();
  const db = await openOrderDb(DB);
  await writeOrderBatch(db, {
    orders: shop.orders.map((order) => ({
      order,
      items: shop.items.filter((i) => i.orderId === order.orderId),
    })),
  });
  db.close();
});

describe('indexedDbOrderSource', () => {
  it('reads the newest orders, all orders and one order with its items', async () => {
    const source = indexedDbOrderSource(DB);
    expect((await source.newest(2)).map((o) => o.orderId)).toEqual([
      '113-0000005-0000005',
      '112-0000004-0000004',
    ]);
    expect(await source.all()).toHaveLength(6);
    const found = await source.withItems('202-0000002-0000002');
    expect(found?.items.map((i) => i.sku)).toEqual(['TEA-GRN']);
    expect(await source.quarantine()).toEqual([]);
  });

  it('tells subscribers once a sync run has finished', async () => {
    const onChange = vi.fn();
    const unsubscribe = indexedDbOrderSource(DB).subscribe!(onChange);
    await updateSyncStatus({ running: true, demo: true, progress: { done: 1 } });
    await updateSyncStatus({ running: true, demo: true, progress: { done: 2 } });
    expect(onChange).not.toHaveBeenCalled();
    await updateSyncStatus({ running: false, demo: true });
    expect(onChange).toHaveBeenCalledOnce();
    unsubscribe();
  });
});
