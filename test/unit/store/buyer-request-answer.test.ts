import { declineBuyerRequest, undoDeclineBuyerRequest } from '../../../lib/store/buyer-request-answer';
import { deleteOrderDb, openOrderDb, type OrderDb } from '../../../lib/store';
import { freshDbName, storedOrder } from './stored-order-fixture';

const OPEN_ID = '111-0000001-0000001';
const CLOSED_ID = '111-0000002-0000002';
const PLAIN_ID = '111-0000003-0000003';
const SHIPPED_ID = '111-0000004-0000004';
const AT = '2026-03-02T12:00:00.000Z';
const request = { reason: 'No longer needed', firstSeenAt: '2026-03-02T09:00:00.000Z' };

let db: OrderDb;
let name: string;

beforeEach(async () => {
  name = freshDbName();
  db = await openOrderDb(name);
  await db.put('orders', storedOrder({ orderId: OPEN_ID, buyerCancelRequest: request }));
  await db.put(
    'orders',
    storedOrder({
      orderId: CLOSED_ID,
      status: 'CANCELLED',
      buyerCancelRequest: { ...request, closed: { at: AT, how: 'cancelled' } },
    }),
  );
  await db.put('orders', storedOrder({ orderId: PLAIN_ID }));
  await db.put(
    'orders',
    storedOrder({ orderId: SHIPPED_ID, status: 'SHIPPED', buyerCancelRequest: request }),
  );
});

afterEach(async () => {
  db.close();
  await deleteOrderDb(name);
});

describe('declining a buyer cancellation request', () => {
  it('stores when and why (memo trimmed) on the open request, keeping the rest of the order', async () => {
    expect(await declineBuyerRequest(db, OPEN_ID, '  Already packed; shipping today ', AT)).toEqual({
      ok: true,
    });
    const order = await db.get('orders', OPEN_ID);
    expect(order?.buyerCancelRequest).toEqual({
      ...request,
      declined: { at: AT, memo: 'Already packed; shipping today' },
    });
    expect(order?.status).toBe('UNSHIPPED');
  });

  it('undo takes the decline away, and the request needs an answer again', async () => {
    await declineBuyerRequest(db, OPEN_ID, 'Shipping today', AT);
    expect(await undoDeclineBuyerRequest(db, OPEN_ID)).toEqual({ ok: true });
    expect((await db.get('orders', OPEN_ID))?.buyerCancelRequest).toEqual(request);
  });

  it.each([
    [
      'an order the store does not have',
      '111-9999999-9999999',
      'does not have order 111-9999999-9999999. Press Sync now',
    ],
    ['an order with no request', PLAIN_ID, 'has not asked to cancel order'],
    ['a request that closed', CLOSED_ID, 'already over'],
    ['a request on an order that has shipped', SHIPPED_ID, 'already over (it has shipped)'],
  ])('refuses %s in plain words and writes nothing', async (_what, orderId, words) => {
    const before = await db.get('orders', orderId);
    const declined = await declineBuyerRequest(db, orderId, 'Shipping today', AT);
    expect(declined).toEqual({ ok: false, message: expect.stringContaining(words) });
    expect(await undoDeclineBuyerRequest(db, orderId)).toEqual({
      ok: false,
      message: expect.stringContaining(words),
    });
    expect(await db.get('orders', orderId)).toEqual(before);
  });

  it.each(['pending', 'needs-review', 'done'] as const)(
    'refuses a decline while an Accept (cancel) of the order is %s: the request is answered already',
    async (status) => {
      await db.put('outbox', {
        kind: 'cancel',
        id: 'accept-1',
        orderId: OPEN_ID,
        marketplaceId: 'ATVPDKIKX0DER',
        lines: [{ orderItemId: '1', quantity: 1 }],
        wholeOrder: true,
        reason: 'BuyerCanceled',
        createdAt: AT,
        updatedAt: AT,
        status,
      });
      expect(await declineBuyerRequest(db, OPEN_ID, 'Shipping today', AT)).toEqual({
        ok: false,
        message: expect.stringContaining('already cancelling'),
      });
      expect((await db.get('orders', OPEN_ID))?.buyerCancelRequest?.declined).toBeUndefined();
    },
  );

  it('declines once an earlier Accept failed (the failed cancel answered nothing)', async () => {
    await db.put('outbox', {
      kind: 'cancel',
      id: 'accept-1',
      orderId: OPEN_ID,
      marketplaceId: 'ATVPDKIKX0DER',
      lines: [{ orderItemId: '1', quantity: 1 }],
      wholeOrder: true,
      reason: 'BuyerCanceled',
      createdAt: AT,
      updatedAt: AT,
      status: 'failed',
    });
    expect(await declineBuyerRequest(db, OPEN_ID, 'Shipping today', AT)).toEqual({ ok: true });
  });

  it('refuses an empty memo, saying what to write', async () => {
    expect(await declineBuyerRequest(db, OPEN_ID, '   ', AT)).toEqual({
      ok: false,
      message: expect.stringContaining('Write why you are keeping the order'),
    });
    expect((await db.get('orders', OPEN_ID))?.buyerCancelRequest?.declined).toBeUndefined();
  });
});
