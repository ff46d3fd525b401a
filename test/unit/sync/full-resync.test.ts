import { getAllOrders, readOrderCursor } from '../../../lib/store';
import { startFullResync } from '../../../lib/sync/full-resync';
import { createHarness, type Harness } from './order-sync-harness';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
});

describe('full re-sync', () => {
  it('backfills again on the next sync, keeping stored orders and outbox records', async () => {
    harness = await createHarness({ orderCount: 300 });
    await harness.run();
    const before = (await getAllOrders(harness.db)).map((order) => order.orderId).sort();
    await harness.db.put('outbox', { id: 'action-1', orderId: before[0], status: 'done' } as never);
    // Sync is busy: the request waits in the database for the next run.
    const answer = await startFullResync({
      db: harness.db,
      clock: harness.clock,
      startSync: async () => ({ started: false, reason: 'A sync is already running.' }),
    });
    expect(answer.reason).toMatch(/full re-sync will run with the next sync/);

    harness.clock.advance(60 * 60_000);
    await harness.run();
    expect(harness.client.calls.byOperation.createReport).toBe(2);
    expect((await readOrderCursor(harness.db))?.phase).toBe('incremental');
    const after = new Set((await getAllOrders(harness.db)).map((order) => order.orderId));
    expect(before.filter((id) => !after.has(id))).toEqual([]);
    expect(await harness.db.get('outbox', 'action-1')).toBeDefined();
  });

  it('gets past a damaged saved position, as the error message promises', async () => {
    harness = await createHarness({ orderCount: 300 });
    await harness.db.put('syncState', { key: 'orderCursor', value: { phase: 'sideways' } });
    await expect(harness.run()).rejects.toThrow(/damaged/);
    await startFullResync({
      db: harness.db,
      clock: harness.clock,
      startSync: async () => ({ started: true }),
    });
    await expect(harness.run()).resolves.toMatchObject({ phase: 'incremental' });
  });
});
