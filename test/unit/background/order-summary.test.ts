import { orderSummary, readOrderSummary } from '../../../lib/background/order-summary';
import { orderSummarySchema } from '../../../lib/messaging';
import type { CancelAction } from '../../../lib/domain/outbox-action';
import { deleteOrderDb, openOrderDb, writeOrderBatch } from '../../../lib/store';
import { freshDbName, storedItem, storedOrder } from '../store/stored-order-fixture';

const ID = '111-1234567-1234567';

function action(overrides: Partial<CancelAction>): CancelAction {
  return {
    kind: 'cancel',
    id: overrides.id ?? 'a1',
    orderId: ID,
    marketplaceId: 'ATVPDKIKX0DER',
    lines: [{ orderItemId: '1', quantity: 1 }],
    wholeOrder: true,
    reason: 'NoInventory',
    createdAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    status: 'pending',
    ...overrides,
  };
}

describe('order summary for Seller Central pages', () => {
  it('shows a pending cancel before an older failed one, with the memo', () => {
    const summary = orderSummary(
      ID,
      storedOrder({ orderId: ID }),
      [],
      [
        action({
          id: 'old',
          status: 'failed',
          resultText: 'Shipped already',
          createdAt: '2026-11-25T10:00:00Z',
        }),
        action({ id: 'new', status: 'pending', memo: 'Out of stock at the warehouse' }),
      ],
      false,
      48,
    );
    expect(summary).toMatchObject({
      status: 'UNSHIPPED',
      cancel: { status: 'pending', reason: 'NoInventory' },
      memo: 'Out of stock at the warehouse',
    });
    expect(orderSummarySchema.parse(summary)).toEqual(summary);
  });

  it('carries a cancel made outside the manager and a buyer request', () => {
    const summary = orderSummary(
      ID,
      storedOrder({
        orderId: ID,
        status: 'CANCELLED',
        cancelledOutsideManager: { seenAt: '2026-11-26T09:00:00Z' },
        buyerCancelRequest: { reason: 'Found it cheaper', firstSeenAt: '2026-11-25T09:00:00Z' },
      }),
      [],
      [],
      true,
      48,
    );
    expect(summary).toMatchObject({
      status: 'CANCELLED',
      demo: true,
      cancelledOutsideManager: { seenAt: '2026-11-26T09:00:00Z' },
      buyerCancelRequest: { reason: 'Found it cheaper' },
    });
    expect(summary.cancel).toBeUndefined();
  });

  it('says a request is answered when an Accept is pending or a cancel done after it, not for a line cancelled before', () => {
    const order = storedOrder({
      orderId: ID,
      buyerCancelRequest: {
        firstSeenAt: '2026-11-25T10:00:00.000Z',
        requestedAt: '2026-11-25T09:00:00.000Z',
      },
    });
    const summaryWith = (cancel: CancelAction) =>
      orderSummary(ID, order, [], [cancel], false, 48).buyerCancelRequest;
    expect(summaryWith(action({ status: 'pending', reason: 'BuyerCanceled' }))?.answered).toBe(true);
    const lineBefore = summaryWith(
      action({ status: 'done', wholeOrder: false, createdAt: '2026-11-24T10:00:00Z' }),
    );
    expect(lineBefore?.answered).toBeUndefined();
    expect(
      orderSummarySchema.parse({ orderId: ID, demo: false, buyerCancelRequest: lineBefore }),
    ).toBeTruthy();
  });

  it("gives a request its deadline from the response window setting, and the seller's decline", () => {
    const summary = orderSummary(
      ID,
      storedOrder({
        orderId: ID,
        buyerCancelRequest: {
          reason: 'Ordered by mistake',
          firstSeenAt: '2026-11-25T10:00:00.000Z',
          requestedAt: '2026-11-25T09:00:00.000Z',
          declined: { at: '2026-11-25T12:00:00.000Z', memo: 'Already packed' },
        },
      }),
      [],
      [],
      false,
      24,
    );
    expect(summary.buyerCancelRequest).toEqual({
      reason: 'Ordered by mistake',
      firstSeenAt: '2026-11-25T10:00:00.000Z',
      requestedAt: '2026-11-25T09:00:00.000Z',
      deadline: '2026-11-26T09:00:00.000Z',
      declined: { at: '2026-11-25T12:00:00.000Z', memo: 'Already packed' },
    });
    expect(orderSummarySchema.parse(summary)).toEqual(summary);
    // A request stored before requestedAt was kept counts from when it was first seen.
    const older = orderSummary(
      ID,
      storedOrder({ orderId: ID, buyerCancelRequest: { firstSeenAt: '2026-11-25T10:00:00.000Z' } }),
      [],
      [],
      false,
      48,
    );
    expect(older.buyerCancelRequest).toEqual({
      firstSeenAt: '2026-11-25T10:00:00.000Z',
      requestedAt: '2026-11-25T10:00:00.000Z',
      deadline: '2026-11-27T10:00:00.000Z',
    });
  });

  it('leaves out a buyer request that has closed, so Seller Central never shows it as waiting', () => {
    const summary = orderSummary(
      ID,
      storedOrder({
        orderId: ID,
        status: 'SHIPPED',
        buyerCancelRequest: {
          reason: 'Found it cheaper',
          firstSeenAt: '2026-11-25T09:00:00Z',
          closed: { at: '2026-11-25T15:00:00Z', how: 'shipped' },
        },
      }),
      [],
      [],
      false,
      48,
    );
    expect(summary.buyerCancelRequest).toBeUndefined();
  });

  const threeLines = [
    storedItem(ID, 'L1', { sku: 'MUG-RED', quantityOrdered: 2 }),
    storedItem(ID, 'L2', { sku: 'MUG-BLUE' }),
    storedItem(ID, 'L3', { title: 'Tea towel', quantityOrdered: 3, quantityShipped: 1 }),
  ];

  it('a done line cancel takes only its line: the other lines are still to ship', () => {
    const summary = orderSummary(
      ID,
      storedOrder({ orderId: ID, itemCount: 6 }),
      threeLines,
      [
        action({
          status: 'done',
          wholeOrder: false,
          lines: [{ orderItemId: 'L1', quantity: 2, sku: 'MUG-RED', quantityOrdered: 2 }],
        }),
      ],
      false,
      48,
    );
    expect(summary.cancel).toEqual({
      status: 'done',
      reason: 'NoInventory',
      wholeOrder: false,
      orderItemIds: ['L1'],
    });
    expect(summary.lines).toEqual([
      {
        orderItemId: 'L1',
        sku: 'MUG-RED',
        quantityOrdered: 2,
        quantityShipped: 0,
        quantityCancelled: 2,
        quantityOpen: 0,
      },
      {
        orderItemId: 'L2',
        sku: 'MUG-BLUE',
        quantityOrdered: 1,
        quantityShipped: 0,
        quantityCancelled: 0,
        quantityOpen: 1,
      },
      {
        orderItemId: 'L3',
        title: 'Tea towel',
        quantityOrdered: 3,
        quantityShipped: 1,
        quantityCancelled: 0,
        quantityOpen: 2,
      },
    ]);
    expect(orderSummarySchema.parse(summary)).toEqual(summary);
  });

  it('a done whole-order cancel takes every unshipped unit; pending and failed cancels take nothing yet', () => {
    const whole = orderSummary(
      ID,
      storedOrder({ orderId: ID }),
      threeLines,
      [action({ status: 'done', wholeOrder: true, lines: [{ orderItemId: 'L1', quantity: 2 }] })],
      false,
      48,
    );
    expect(whole.lines?.map((l) => [l.quantityCancelled, l.quantityOpen])).toEqual([
      [2, 0],
      [1, 0],
      [2, 0],
    ]);
    const notYet = orderSummary(
      ID,
      storedOrder({ orderId: ID }),
      threeLines,
      [
        action({
          id: 'p',
          status: 'pending',
          wholeOrder: false,
          lines: [{ orderItemId: 'L2', quantity: 1 }],
        }),
        action({ id: 'f', status: 'failed', wholeOrder: false, lines: [{ orderItemId: 'L1', quantity: 2 }] }),
      ],
      false,
      48,
    );
    expect(notYet.cancel).toMatchObject({ status: 'pending', wholeOrder: false, orderItemIds: ['L2'] });
    expect(notYet.lines?.map((l) => [l.quantityCancelled, l.quantityOpen])).toEqual([
      [0, 2],
      [0, 1],
      [0, 2],
    ]);
  });

  it('reads the order, its items and its actions from the store', async () => {
    const name = freshDbName();
    const db = await openOrderDb(name);
    try {
      await writeOrderBatch(db, { orders: [{ order: storedOrder({ orderId: ID }), items: threeLines }] });
      await db.put(
        'outbox',
        action({ status: 'done', wholeOrder: false, lines: [{ orderItemId: 'L2', quantity: 1 }] }),
      );
      const summary = await readOrderSummary(db, ID, true, 48);
      expect(summary).toMatchObject({
        demo: true,
        cancel: { status: 'done', wholeOrder: false },
      });
      expect(summary?.lines?.map((l) => [l.orderItemId, l.quantityOpen])).toEqual([
        ['L1', 2],
        ['L2', 0],
        ['L3', 2],
      ]);
      // Not in this database: no summary (lookUpOrder says why).
      expect(await readOrderSummary(db, '111-0000000-0000000', false, 48)).toBeUndefined();
    } finally {
      db.close();
      await deleteOrderDb(name);
    }
  });
});
