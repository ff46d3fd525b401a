import {
  CancelRefusedError,
  enqueueCancel,
  getPendingCount,
  listActionsForOrder,
  retryCancel,
} from '../../../lib/outbox';
import { cancelFailureOf, type CancelAction } from '../../../lib/domain/outbox-action';
import { replaceFailedCancel } from '../../../lib/outbox/replace-cancel';
import { getAction } from '../../../lib/store/outbox-store';
import { processingReportXml } from './fake-feeds-amazon';
import { ITEM_A1, ITEM_A2, ORDER_A, ORDER_B, outboxWorld } from './outbox-fixture';

/** A world whose first feed report rejects message 1 with an Error result (the data was wrong). */
async function refusedWorld() {
  let feeds = 0;
  const world = await outboxWorld({
    report: () =>
      ++feeds === 1
        ? processingReportXml(1, [
            {
              messageId: 1,
              description: `Quantity 1 for item ${ITEM_A1} does not match the quantity ordered`,
            },
          ])
        : undefined,
  });
  const action = await enqueueCancel(
    world.db,
    { orderId: ORDER_A, lines: [{ orderItemId: ITEM_A1 }], reason: 'NoInventory', memo: 'out' },
    world.enqueueOptions,
  );
  await world.settle();
  return { world, action };
}

describe('cancelFailureOf: can a retry fix this failure?', () => {
  const base = {
    kind: 'cancel',
    id: 'a',
    orderId: ORDER_A,
    marketplaceId: 'ATVPDKIKX0DER',
    lines: [{ orderItemId: ITEM_A1, quantity: 2 }],
    wholeOrder: false,
    reason: 'NoInventory',
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
  } satisfies Partial<CancelAction>;
  const failed = (patch: Partial<CancelAction>): CancelAction => ({ ...base, status: 'failed', ...patch });

  it('reads the failure the outbox recorded', () => {
    expect(cancelFailureOf(failed({ failure: 'refused' }))).toBe('refused');
    expect(cancelFailureOf(failed({ failure: 'not-applied' }))).toBe('not-applied');
  });

  it('tells older records apart by Amazon’s text: a rejected message is refused, an unprocessed feed is not', () => {
    expect(cancelFailureOf(failed({ resultText: 'Quantity mismatch (Amazon code 18107)' }))).toBe('refused');
    expect(
      cancelFailureOf(
        failed({ resultText: 'Amazon did not process the cancellation feed: Bad (Amazon code 5001)' }),
      ),
    ).toBe('not-applied');
    expect(cancelFailureOf(failed({ resultText: 'Amazon cancelled the feed before processing it' }))).toBe(
      'not-applied',
    );
  });

  it('is undefined for an action that has not failed', () => {
    expect(cancelFailureOf({ ...base, status: 'pending' })).toBeUndefined();
  });
});

describe('the outbox records whether a retry can fix a failure', () => {
  it('marks a message Amazon’s report rejected as refused', async () => {
    const { world, action } = await refusedWorld();
    expect(await getAction(world.db, action.id)).toMatchObject({ status: 'failed', failure: 'refused' });
  });

  it('marks a feed Amazon cancelled before processing as not applied (Retry can fix it)', async () => {
    const world = await outboxWorld({ finalStatus: 'CANCELLED' });
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_B, reason: 'BuyerCanceled' },
      world.enqueueOptions,
    );
    await world.settle();
    expect(await getAction(world.db, action.id)).toMatchObject({ status: 'failed', failure: 'not-applied' });
  });
});

describe('replaceFailedCancel', () => {
  it('queues the edited cancellation and marks the failed one replaced, in one transaction', async () => {
    const { world, action } = await refusedWorld();
    const { replacement, replaced } = await replaceFailedCancel(
      world.db,
      action.id,
      { id: 'edited-1', orderId: ORDER_A, lines: [{ orderItemId: ITEM_A2 }], reason: 'PricingError' },
      { clock: world.clock },
    );
    expect(replacement).toMatchObject({
      id: 'edited-1',
      status: 'pending',
      replaces: action.id,
      reason: 'PricingError',
      lines: [{ orderItemId: ITEM_A2, quantity: 1 }],
    });
    const stored = await getAction(world.db, action.id);
    expect(stored).toEqual(replaced);
    // The failed one keeps its history: still failed, with Amazon's text and the pointer to its replacement.
    expect(stored).toMatchObject({ status: 'failed', replacedBy: 'edited-1', memo: 'out' });
    expect(stored?.resultText).toContain('does not match');
    expect(await getPendingCount(world.db)).toBe(1);
    expect((await listActionsForOrder(world.db, ORDER_A)).map((a) => a.id).sort()).toEqual(
      [action.id, 'edited-1'].sort(),
    );
    // The replacement is what is sent; the replaced one can neither be retried nor replaced again.
    await expect(retryCancel(world.db, action.id)).rejects.toThrow(/replaced by an edited one/);
    await expect(
      replaceFailedCancel(world.db, action.id, { id: 'edited-2', orderId: ORDER_A, reason: 'PricingError' }),
    ).rejects.toThrow(/already replaced/);
    // The same request again (a double click) answers the replacement already queued.
    const again = await replaceFailedCancel(world.db, action.id, {
      id: 'edited-1',
      orderId: ORDER_A,
      reason: 'PricingError',
    });
    expect(again.replacement).toEqual(replacement);
    await world.settle();
    expect(await getAction(world.db, 'edited-1')).toMatchObject({ status: 'done' });
  });

  it('is refused when the old action is not failed (pending: it may still reach Amazon), and changes nothing', async () => {
    const world = await outboxWorld();
    const pending = await enqueueCancel(
      world.db,
      { orderId: ORDER_A, lines: [{ orderItemId: ITEM_A1 }], reason: 'NoInventory' },
      world.enqueueOptions,
    );
    const before = await listActionsForOrder(world.db, ORDER_A);
    await expect(
      replaceFailedCancel(world.db, pending.id, {
        id: 'edited-x',
        orderId: ORDER_A,
        lines: [{ orderItemId: ITEM_A2 }],
        reason: 'NoInventory',
      }),
    ).rejects.toBeInstanceOf(CancelRefusedError);
    expect(await listActionsForOrder(world.db, ORDER_A)).toEqual(before);
  });

  it('is refused for a done action', async () => {
    const world = await outboxWorld();
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_B, reason: 'BuyerCanceled' },
      world.enqueueOptions,
    );
    await world.settle();
    expect((await getAction(world.db, action.id))?.status).toBe('done');
    await expect(
      replaceFailedCancel(world.db, action.id, { id: 'e', orderId: ORDER_B, reason: 'BuyerCanceled' }),
    ).rejects.toThrow(/already done/);
  });

  it('leaves the failed action as it was when the edited request is refused', async () => {
    const { world, action } = await refusedWorld();
    const before = await getAction(world.db, action.id);
    await expect(
      replaceFailedCancel(world.db, action.id, {
        id: 'e',
        orderId: ORDER_A,
        lines: [{ orderItemId: ITEM_A1, quantity: 1 }],
        reason: 'NoInventory',
      }),
    ).rejects.toThrow(/only be cancelled whole/);
    expect(await getAction(world.db, action.id)).toEqual(before);
    expect(await getAction(world.db, 'e')).toBeUndefined();
  });
});
