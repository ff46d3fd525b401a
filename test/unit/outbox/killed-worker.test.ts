import { enqueueCancel, listActions, runOutbox } from '../../../lib/outbox';
import type { FeedSubmission } from '../../../lib/domain/feed-submission';
import { listActiveSubmissions } from '../../../lib/store/outbox-store';
import { ORDER_A, ORDER_B, outboxWorld, type OutboxWorld } from './outbox-fixture';

async function queueTwo(world: OutboxWorld) {
  await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions);
  await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' }, world.enqueueOptions);
}

/** Throws (a killed worker) right after the n-th step is persisted. */
function killAfterStep(n: number) {
  let seen = 0;
  return (submission: FeedSubmission) => {
    if (++seen === n) throw new Error(`killed after ${submission.step}`);
  };
}

async function expectExactlyOneFeed(world: OutboxWorld) {
  expect(world.amazon.calls.createFeed).toBe(1);
  expect(world.amazon.feeds).toHaveLength(1);
  const done = await listActions(world.db, { status: 'done' });
  expect(done).toHaveLength(2);
  expect(new Set(done.map((a) => a.feedId))).toEqual(new Set([world.amazon.feeds[0]!.feedId]));
}

describe('a worker killed at any step still sends exactly one feed per action', () => {
  // A clean run persists 8 steps (building … done); kill after each one in turn.
  for (let n = 1; n <= 8; n++) {
    it(`killed after persisted step #${n}`, async () => {
      const world = await outboxWorld({ pollsUntilDone: 2 });
      await queueTwo(world);
      await expect(runOutbox(world.context({ afterStep: killAfterStep(n) }))).rejects.toThrow('killed');
      await world.settle();
      await expectExactlyOneFeed(world);
      expect(await listActiveSubmissions(world.db)).toEqual([]);
    });
  }

  it('killed after createFeed reached Amazon but before its answer was recorded: adopts the feed', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await expect(world.killWhileCreateFeedAnswers()).rejects.toThrow();
    const [stuck] = await listActiveSubmissions(world.db);
    expect(stuck?.step).toBe('creating');

    await world.settle();
    await expectExactlyOneFeed(world);
    expect(world.amazon.calls.getFeeds).toBeGreaterThanOrEqual(1);
  });

  it.each(['create-then-fail', '500-after-create'] as const)(
    'createFeed answered %s after creating the feed: adopted in the same run, not sent again',
    async (hook) => {
      const world = await outboxWorld();
      await queueTwo(world);
      let first = true;
      world.amazon.hooks.createFeed = () => (first ? ((first = false), hook) : undefined);
      await world.settle();
      await expectExactlyOneFeed(world);
    },
  );

  it('createFeed failed before reaching Amazon: after the settling wait it is created once', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    let first = true;
    world.amazon.hooks.createFeed = () => (first ? ((first = false), 'fail-before') : undefined);
    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(2); // the first never made a feed
    expect(world.amazon.feeds).toHaveLength(1);
    expect(await listActions(world.db, { status: 'done' })).toHaveLength(2);
  });

  it('holds the actions for review when adoption is ambiguous (two candidate feeds)', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await world.killWhileCreateFeedAnswers().catch(() => undefined);
    // Another tool of the seller sent an acknowledgement feed meanwhile.
    world.amazon.foreignFeed('POST_ORDER_ACKNOWLEDGEMENT_DATA', ['ATVPDKIKX0DER']);

    const result = await runOutbox(world.context());
    expect(result.needsReview).toBe(2);
    expect(world.amazon.calls.createFeed).toBe(1);
    const actions = await listActions(world.db, { status: 'needs-review' });
    expect(actions).toHaveLength(2);
    expect(actions[0]?.resultText).toMatch(/cannot say which carries it/);
    // Nothing more is ever sent for them.
    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(1);
  });

  it('holds the actions for review when getFeeds keeps failing after a restart in creating', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await runOutbox(world.context({ afterStep: (s) => void (s.step === 'creating' && throwKilled()) })).catch(
      () => undefined,
    );
    world.amazon.hooks.getFeeds = () => 'fail';
    await world.settle({}, 5);
    expect(world.amazon.calls.createFeed ?? 0).toBe(0);
    const actions = await listActions(world.db, { status: 'needs-review' });
    expect(actions).toHaveLength(2);
    expect(actions[0]?.resultText).toMatch(/could not ask Amazon/);
  });

  it('creates a new document when a restart finds an expired upload URL', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await runOutbox(
      world.context({ afterStep: (s) => void (s.step === 'document-created' && throwKilled()) }),
    ).catch(() => undefined);
    world.clock.advance(6 * 60_000);
    await world.settle();
    expect(world.amazon.calls.createFeedDocument).toBe(2);
    expect(world.amazon.calls.upload).toBe(1);
    await expectExactlyOneFeed(world);
  });
});

function throwKilled(): never {
  throw new Error('killed');
}
