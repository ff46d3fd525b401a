import {
  CancelRefusedError,
  enqueueCancel,
  getPendingCount,
  listActionsForOrder,
  resolveNeedsReview,
  retryCancel,
  runOutbox,
} from '../../../lib/outbox';
import { processingReportXml } from './fake-feeds-amazon';
import { ITEM_A1, ITEM_A2, ORDER_A, ORDER_B, ORDER_FBA, outboxWorld } from './outbox-fixture';

describe('enqueueCancel', () => {
  it('queues a whole-order cancel as one pending action', async () => {
    const world = await outboxWorld();
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_A, reason: 'NoInventory', memo: '  out of stock  ' },
      world.enqueueOptions,
    );
    expect(action).toMatchObject({
      kind: 'cancel',
      orderId: ORDER_A,
      marketplaceId: 'ATVPDKIKX0DER',
      wholeOrder: true,
      status: 'pending',
      memo: 'out of stock',
      lines: [
        { orderItemId: ITEM_A1, quantity: 2, quantityOrdered: 2, sku: 'SKU-A1' },
        { orderItemId: ITEM_A2, quantity: 1, quantityOrdered: 1, sku: 'BAD-A2' },
      ],
    });
    expect(await getPendingCount(world.db)).toBe(1);
    expect(await listActionsForOrder(world.db, ORDER_A)).toEqual([action]);
  });

  it('calls chosen lines that take every unit of every line a whole-order cancel', async () => {
    const world = await outboxWorld();
    const action = await enqueueCancel(
      world.db,
      {
        orderId: ORDER_A,
        lines: [
          { orderItemId: ITEM_A2, quantity: 1 },
          { orderItemId: ITEM_A1, quantity: 2 },
        ],
        reason: 'NoInventory',
      },
      world.enqueueOptions,
    );
    expect(action.wholeOrder).toBe(true);
  });

  it('refuses a second cancel of a line while one is pending, but allows another line', async () => {
    const world = await outboxWorld();
    await enqueueCancel(
      world.db,
      { orderId: ORDER_A, lines: [{ orderItemId: ITEM_A1 }], reason: 'NoInventory' },
      world.enqueueOptions,
    );
    await expect(
      enqueueCancel(world.db, { orderId: ORDER_A, lines: [{ orderItemId: ITEM_A1 }], reason: 'NoInventory' }),
    ).rejects.toThrow('A cancellation is already pending for the line with SKU SKU-A1');
    const other = await enqueueCancel(
      world.db,
      { orderId: ORDER_A, lines: [{ orderItemId: ITEM_A2 }], reason: 'NoInventory' },
      world.enqueueOptions,
    );
    expect(other.wholeOrder).toBe(false);
    await expect(enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' })).rejects.toThrow(
      'A cancellation is already pending',
    );
    expect(await getPendingCount(world.db)).toBe(2);
  });

  it('returns the same action for a repeated request id instead of queuing twice', async () => {
    const world = await outboxWorld();
    const first = await enqueueCancel(world.db, { id: 'click-1', orderId: ORDER_B, reason: 'BuyerCanceled' });
    const again = await enqueueCancel(world.db, { id: 'click-1', orderId: ORDER_B, reason: 'BuyerCanceled' });
    expect(again).toEqual(first);
    expect(await getPendingCount(world.db)).toBe(1);
  });

  it('refuses what Amazon would not accept, saying why', async () => {
    const world = await outboxWorld();
    await expect(enqueueCancel(world.db, { orderId: ORDER_FBA, reason: 'NoInventory' })).rejects.toThrow(
      'Fulfilled by Amazon orders cannot be cancelled here',
    );
    await expect(
      enqueueCancel(world.db, {
        orderId: ORDER_A,
        lines: [{ orderItemId: ITEM_A1, quantity: 3 }],
        reason: 'NoInventory',
      }),
    ).rejects.toThrow('can only be cancelled whole: all 2 units, not 3');
    // A part quantity is refused too: Amazon is only known to cancel whole lines.
    await expect(
      enqueueCancel(world.db, {
        orderId: ORDER_A,
        lines: [{ orderItemId: ITEM_A1, quantity: 1 }],
        reason: 'NoInventory',
      }),
    ).rejects.toThrow('The line with SKU SKU-A1 can only be cancelled whole: all 2 units, not 1');
    await expect(
      enqueueCancel(world.db, { orderId: ORDER_A, reason: 'BuyerCanceled', zeroStockSkus: ['SKU-A1'] }),
    ).rejects.toThrow(/No inventory/);
    await expect(
      enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory', zeroStockSkus: ['SKU-B1'] }),
    ).rejects.toThrow(/not one of the cancelled lines/);
    await expect(
      enqueueCancel(world.db, { orderId: '111-9999999-9999999', reason: 'NoInventory' }),
    ).rejects.toBeInstanceOf(CancelRefusedError);
    expect(await getPendingCount(world.db)).toBe(0);
  });
});

describe('retryCancel and resolveNeedsReview', () => {
  it('queues a failed cancel again as a new attempt and sends it in a new feed; a done one never', async () => {
    let feeds = 0;
    const world = await outboxWorld({
      report: () =>
        ++feeds === 1 ? processingReportXml(1, [{ messageId: 1, description: 'Try later' }]) : undefined,
    });
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_B, reason: 'BuyerCanceled' },
      world.enqueueOptions,
    );
    await world.settle();
    const failed = (await listActionsForOrder(world.db, ORDER_B))[0]!;
    expect(failed.status).toBe('failed');

    const retried = await retryCancel(world.db, action.id, { clock: world.clock });
    expect(retried).toMatchObject({
      status: 'pending',
      attempt: 2,
      previousResults: [expect.stringContaining('Try later')],
    });
    expect(retried.submissionId).toBeUndefined();
    await world.settle();
    const done = (await listActionsForOrder(world.db, ORDER_B))[0]!;
    expect(done.status).toBe('done');
    expect(world.amazon.calls.createFeed).toBe(2);
    await expect(retryCancel(world.db, action.id)).rejects.toThrow(/never sent twice/);
  });

  it('lets the seller settle a cancellation under review, and only then retry', async () => {
    const world = await outboxWorld({ finalStatus: 'FATAL' });
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_B, reason: 'BuyerCanceled' },
      world.enqueueOptions,
    );
    await runOutbox(world.context());
    await expect(retryCancel(world.db, action.id)).rejects.toThrow(/mark it done or failed first/);
    // Under review, the line stays blocked.
    await expect(enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' })).rejects.toThrow(
      /review/,
    );
    const resolved = await resolveNeedsReview(world.db, action.id, 'failed');
    expect(resolved.status).toBe('failed');
    expect((await retryCancel(world.db, action.id)).status).toBe('pending');
  });
});
