// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { indexedDbActionSource } from '../../components/cancel/indexeddb-action-source';
import { deleteOrderDb, openOrderDb, writeOrderBatch } from '../../lib/store';
import { cancelAction, twoLineOrder } from './cancel-fixtures';
import { deleteCredentialStore } from '../../lib/settings/credential-store';

const DB = 'components-action-source-test';

beforeEach(async () => {
  fakeBrowser.reset();
  // Credentials live in their own IndexedDB store, which fakeBrowser.reset leaves alone.
  await deleteCredentialStore();
  vi.restoreAllMocks();
  await deleteOrderDb(DB);
  const { order, items } = twoLineOrder();
  const db = await openOrderDb(DB);
  await writeOrderBatch(db, { orders: [{ order, items }] });
  db.close();
});

describe('indexedDbActionSource', () => {
  it('queues a cancellation in the outbox, tells subscribers and wakes the background', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const source = indexedDbActionSource(DB);
    const onChange = vi.fn();
    const unsubscribe = source.subscribe!(onChange);
    const request = {
      id: 'dialog-key-1',
      orderId: '111-2222222-3333333',
      lines: [{ orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' }],
      reason: 'NoInventory' as const,
      memo: 'Out of red mugs',
      zeroStockSkus: ['MUG-RED'],
    };
    const action = await source.enqueueCancel(request);
    expect(action).toMatchObject({
      id: 'dialog-key-1',
      status: 'pending',
      memo: 'Out of red mugs',
      zeroStockSkus: ['MUG-RED'],
      lines: [{ orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' }],
    });
    expect(send).toHaveBeenCalledWith({ type: 'outbox-changed' });
    expect(onChange).toHaveBeenCalled();
    // The same dialog submitting twice queues one action.
    await source.enqueueCancel(request);
    expect((await source.forOrder('111-2222222-3333333')).map((a) => a.id)).toEqual(['dialog-key-1']);
    expect(await source.all()).toHaveLength(1);
    unsubscribe();
  });

  it('refuses a cancel for a seller account that has no merchant token yet', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    await fakeBrowser.storage.local.set({
      settings: {
        credentials: {
          clientId: 'amzn1.application-oa2-client.x',
          clientSecret: 'secret',
          refreshToken: 'Atzr|x',
          region: 'na',
          marketplaceIds: ['ATVPDKIKX0DER'],
        },
      },
    });
    const source = indexedDbActionSource(DB);
    await expect(
      source.enqueueCancel({
        orderId: '111-2222222-3333333',
        lines: [{ orderItemId: 'item-0', quantity: 3 }],
        reason: 'NoInventory',
      }),
    ).rejects.toThrow(/merchant token/);
    expect(await source.all()).toEqual([]);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses, in words, a second cancel of a line that is pending', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const source = indexedDbActionSource(DB);
    const lines = [{ orderItemId: 'item-0', quantity: 3 }];
    await source.enqueueCancel({
      orderId: '111-2222222-3333333',
      lines,
      reason: 'NoInventory',
    });
    await expect(
      source.enqueueCancel({
        orderId: '111-2222222-3333333',
        lines,
        reason: 'NoInventory',
      }),
    ).rejects.toThrow(/already pending/);
  });

  it('retries a failed action and wakes the background', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const { order } = twoLineOrder();
    const db = await openOrderDb(DB);
    await db.put('outbox', cancelAction(order, { status: 'failed', resultText: 'Invalid reason' }));
    db.close();
    const source = indexedDbActionSource(DB);
    await source.retry('action-1');
    expect(send).toHaveBeenCalledWith({ type: 'outbox-changed' });
    const [retried] = await source.forOrder(order.orderId);
    expect(retried).toMatchObject({ status: 'pending', previousResults: ['Invalid reason'] });
  });

  it('replaces a refused action by an edited one in the outbox and wakes the background', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const { order } = twoLineOrder();
    const db = await openOrderDb(DB);
    await db.put('outbox', cancelAction(order, { status: 'failed', failure: 'refused', resultText: 'Bad' }));
    db.close();
    const source = indexedDbActionSource(DB);
    const replacement = await source.replace('action-1', {
      id: 'edited',
      orderId: order.orderId,
      lines: [{ orderItemId: 'item-1' }],
      reason: 'PricingError',
    });
    expect(replacement).toMatchObject({ id: 'edited', status: 'pending', replaces: 'action-1' });
    expect(send).toHaveBeenCalledWith({ type: 'outbox-changed' });
    expect(await source.forOrder(order.orderId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'action-1', status: 'failed', replacedBy: 'edited' }),
      ]),
    );
  });
});
