import { sandboxWithClient } from '../sp-api/sandbox-client';
import { refreshOrderForCancel } from '../../../lib/background/refresh-order-handler';
import { SpApiError } from '../../../lib/sp-api/errors';
import { getOrderWithItems, openOrderDb, writeOrderBatch } from '../../../lib/store';
import { orderFromApi } from '../../../lib/sync/order-from-api';
import { freshDbName } from '../store/stored-order-fixture';

const NOW = Date.parse('2026-11-26T10:00:00Z');

/** A sandbox order stored as only the order report knows it: placeholder item ids, detail level report. */
async function reportOnlyWorld() {
  const { clock, client } = sandboxWithClient(NOW, { seed: 11, orderCount: 80 });
  const db = await openOrderDb(freshDbName());
  const page = await client.searchOrders({
    createdAfter: new Date(NOW - 30 * 86_400_000).toISOString(),
    fulfillmentStatuses: ['UNSHIPPED'],
    fulfilledBy: ['MERCHANT'],
  });
  const apiOrder = page.orders.find((order) => order.orderItems.length > 0)!;
  const full = orderFromApi(apiOrder, {
    at: new Date(NOW).toISOString(),
    source: {
      kind: 'report',
      reportId: 'r-1',
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
    },
  });
  const items = full.items.map((item, index) => ({
    ...item,
    orderItemId: `report:${item.sku ?? 'line'}:${index + 1}`,
  }));
  await writeOrderBatch(db, { orders: [{ order: { ...full.order, detailLevel: 'report' }, items }] });
  return { clock, client, db, orderId: apiOrder.orderId, realItemIds: full.items.map((i) => i.orderItemId) };
}

describe('refreshOrderForCancel', () => {
  it('replaces the report’s placeholder lines with Amazon’s real order item ids', async () => {
    const world = await reportOnlyWorld();
    const answer = await refreshOrderForCancel(world, world.orderId);
    expect(answer).toEqual({ ok: true });
    const stored = await getOrderWithItems(world.db, world.orderId);
    expect(stored?.order.detailLevel).toBe('full');
    expect(stored?.items.map((item) => item.orderItemId).sort()).toEqual([...world.realItemIds].sort());
    expect(stored?.items.some((item) => item.orderItemId.startsWith('report:'))).toBe(false);
  });

  it('answers in plain words when Amazon refuses, and leaves the stored order as it was', async () => {
    const world = await reportOnlyWorld();
    const refusing = {
      getOrder: async () => {
        throw new SpApiError({
          operation: 'getOrder',
          status: 403,
          code: 'Unauthorized',
          message: 'Access denied',
        });
      },
    };
    const answer = await refreshOrderForCancel({ ...world, client: refusing }, world.orderId);
    expect(answer).toEqual({ ok: false, message: expect.stringMatching(/^Amazon refused the access token/) });
    const stored = await getOrderWithItems(world.db, world.orderId);
    expect(stored?.order.detailLevel).toBe('report');
  });
});
