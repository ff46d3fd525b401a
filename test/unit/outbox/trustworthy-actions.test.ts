import { enqueueCancel, getAction, listActions, resolveNeedsReview, runOutbox } from '../../../lib/outbox';
import type { FeedSubmission } from '../../../lib/domain/feed-submission';
import { NOT_SHOWN_TEXT } from '../../../lib/outbox/confirm-cancel';
import { outboxWork } from '../../../lib/outbox/outbox-work';
import { sendAgain } from '../../../lib/outbox/retry-cancel';
import { listActiveSubmissions } from '../../../lib/store/outbox-store';
import { openOrderDb, writeOrderBatch } from '../../../lib/store';
import { storedItem, storedOrder } from '../store/stored-order-fixture';
import { ITEM_A1, ITEM_A2, ITEM_B1, ORDER_A, ORDER_B, outboxWorld, type OutboxWorld } from './outbox-fixture';

const ACK = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';
const US = ['ATVPDKIKX0DER'];

async function queueTwo(world: OutboxWorld) {
  await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions);
  await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' }, world.enqueueOptions);
}

/** Another tool's feed whose report will look clean for two messages (about orders of its own). */
const OTHER_TOOL_CONTENT =
  '<Message><MessageID>1</MessageID><AmazonOrderID>999-0000001-0000001</AmazonOrderID></Message>' +
  '<Message><MessageID>2</MessageID><AmazonOrderID>999-0000002-0000002</AmazonOrderID></Message>';

const killedAt = (step: FeedSubmission['step']) => (submission: FeedSubmission) => {
  if (submission.step === step) throw new Error(`killed at ${step}`);
};

const ours = (world: OutboxWorld) =>
  world.amazon.feeds.filter((feed) => feed.inputFeedDocumentId !== 'elsewhere');

describe("the truth about a cancel comes from Amazon's order", () => {
  it("never calls a cancel done on another tool's feed adopted while ours never reached Amazon", async () => {
    // Before: the restart adopted any feed since T − 5 min and its clean report said "Cancelled".
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.createFeed = () => 'fail-before';
    await runOutbox(world.context({ afterStep: killedAt('creating') })).catch(() => undefined);
    world.amazon.hooks.createFeed = undefined;
    // The worker died in `creating` before createFeed; another tool sends a feed 20 s later.
    world.clock.advance(20_000);
    world.amazon.foreignFeed(ACK, US, world.amazon.amazonNow(), OTHER_TOOL_CONTENT);

    await world.settle();
    expect(ours(world)).toHaveLength(0);
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.resultText).toBe(NOT_SHOWN_TEXT);
    // The adopted feed has ended, so nothing of ours can be in flight: "Send again" is safe.
    expect(actions[0]?.sendAgainAllowed).toBe(true);

    for (const action of actions) await sendAgain(world.db, action.id, { clock: world.clock });
    await world.settle();
    expect(ours(world)).toHaveLength(1);
    expect((await listActions(world.db)).map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('does not adopt a feed created after the window closed; sends its own exactly once', async () => {
    const world = await outboxWorld({ amazonOffsetMs: 0 });
    await queueTwo(world);
    await runOutbox(world.context({ afterStep: killedAt('creating') })).catch(() => undefined);
    // Ten minutes later another tool's feed appears, well after T + timeout + margin.
    world.clock.advance(10 * 60_000);
    world.amazon.foreignFeed(ACK, US, world.amazon.amazonNow(), OTHER_TOOL_CONTENT);

    await world.settle();
    expect(ours(world)).toHaveLength(1);
    expect((await listActions(world.db)).map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('a local clock 6 minutes fast still finds the feed that reached Amazon (no second feed)', async () => {
    // Amazon is 6 minutes behind this machine. Before: T was local, the search began at T − 5 min
    // (still a minute after the feed's createdTime), found nothing and created a second feed.
    const world = await outboxWorld({ amazonOffsetMs: -6 * 60_000 });
    await queueTwo(world);
    await world.killWhileCreateFeedAnswers().catch(() => undefined);

    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(1);
    expect(ours(world)).toHaveLength(1);
    expect((await listActions(world.db)).map((a) => a.status)).toEqual(['done', 'done']);
  });

  it("a local clock 6 minutes slow does not adopt another tool's earlier feed", async () => {
    // Amazon is 6 minutes ahead. Another tool's feed was created 4 minutes (Amazon time) before T.
    const world = await outboxWorld({ amazonOffsetMs: 6 * 60_000 });
    await queueTwo(world);
    world.amazon.foreignFeed(ACK, US, world.amazon.amazonNow() - 4 * 60_000 + 60_000, OTHER_TOOL_CONTENT);
    await runOutbox(world.context({ afterStep: killedAt('creating') })).catch(() => undefined);

    await world.settle();
    expect(ours(world)).toHaveLength(1);
    expect((await listActions(world.db)).map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('T is taken when the POST leaves: a createFeed held back by a 429 and its quota wait is still found', async () => {
    // Before: T was recorded before the call; after a 429 the client waited about two minutes for
    // quota, the POST left after the window closed, and a restart sent a second feed.
    const world = await outboxWorld();
    await queueTwo(world);
    let calls = 0;
    world.amazon.hooks.createFeed = () => {
      if (++calls === 1) return '429';
      // The worker dies while the second attempt is answered: nothing more reaches the database.
      world.db.close();
      return 'create-then-fail';
    };
    await runOutbox(world.context()).catch(() => undefined);
    world.amazon.hooks.createFeed = undefined;
    const db = await openOrderDb(world.db.name);

    await world.settle({ db });
    expect(ours(world)).toHaveLength(1);
    expect((await listActions(db)).map((a) => a.status)).toEqual(['done', 'done']);
  });

  it('waits until the window has settled before adopting: a late-listed feed of ours is not missed', async () => {
    // Before: the first listing (ours not shown yet) held only another tool's feed, which was adopted at
    // once; its report and the order then offered "Send again" while our feed was still queued.
    const world = await outboxWorld({ listingLagMs: 30_000 });
    await queueTwo(world);
    world.amazon.foreignFeed(ACK, US, world.amazon.amazonNow() - 50_000, OTHER_TOOL_CONTENT);
    await world.killWhileCreateFeedAnswers().catch(() => undefined);

    await world.settle();
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.sendAgainAllowed).toBe(false);
    expect(actions[0]?.resultText).toMatch(/cannot say which carries it/);
    expect(ours(world)).toHaveLength(1);
  });

  it('a getFeeds listing cut short cannot decide: needs review, nothing sent again', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await runOutbox(world.context({ afterStep: killedAt('creating') })).catch(() => undefined);
    world.amazon.hooks.getFeeds = () => 'endless';

    await world.settle({}, 3);
    expect(world.amazon.calls.createFeed ?? 0).toBe(0);
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.resultText).toMatch(/more cancellation feeds/);
    expect(actions[0]?.sendAgainAllowed).toBe(false);
  });

  it('a clean report while the order shows no cancellation is not "Cancelled"', async () => {
    const world = await outboxWorld({ applyCancels: false });
    await queueTwo(world);
    await runOutbox(world.context());
    let actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(actions[0]?.confirming).toBeDefined();

    world.clock.advance(16 * 60_000);
    await runOutbox(world.context());
    actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.resultText).toBe(NOT_SHOWN_TEXT);
  });

  it('a cancel under review resolves itself when a later sync shows the order cancelled, or shipped', async () => {
    const world = await outboxWorld({ applyCancels: false });
    await queueTwo(world);
    await runOutbox(world.context());
    world.clock.advance(16 * 60_000);
    await runOutbox(world.context());
    // The sync later stores A cancelled and B shipped.
    await writeOrderBatch(world.db, {
      orders: [
        {
          order: storedOrder({ orderId: ORDER_A, status: 'CANCELLED', lastUpdated: '2026-11-20T13:00:00Z' }),
          items: [storedItem(ORDER_A, ITEM_A1, { quantityOrdered: 2 }), storedItem(ORDER_A, ITEM_A2)],
        },
        {
          order: storedOrder({ orderId: ORDER_B, status: 'SHIPPED', lastUpdated: '2026-11-20T13:00:00Z' }),
          items: [storedItem(ORDER_B, ITEM_B1, { quantityShipped: 1 })],
        },
      ],
    });
    await runOutbox(world.context());
    const byOrder = Object.fromEntries((await listActions(world.db)).map((a) => [a.orderId, a]));
    expect(byOrder[ORDER_A]?.status).toBe('done');
    expect(byOrder[ORDER_B]?.status).toBe('failed');
    expect(byOrder[ORDER_B]?.resultText).toMatch(/shipped/);
  });
  it('a confirmation whose getOrder keeps failing goes to review after the window, in the right words', async () => {
    // Before: it stayed "Cancel pending" forever, saying the cancellation would be sent again.
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.getOrder = () => '503';
    await runOutbox(world.context());
    let [action] = await listActions(world.db);
    expect(action?.status).toBe('pending');
    expect(action?.problem?.message).toMatch(/could not read the order to confirm/);
    expect(action?.problem?.message).not.toMatch(/sent again/);

    world.clock.advance(16 * 60_000);
    await runOutbox(world.context());
    [action] = await listActions(world.db);
    expect(action?.status).toBe('needs-review');
    expect(action?.resultText).toMatch(/could not read the order to confirm/);
  });
});

describe('never twice: a browser-level resend of createFeed', () => {
  it('notes the second feed Amazon lists in the window, and confirms the cancel from the order', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.createFeed = () => 'resend';
    await world.settle();
    world.amazon.hooks.createFeed = undefined;
    expect(world.amazon.feeds).toHaveLength(2);
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['done', 'done']);
    expect(actions[0]?.feedId).toBe(world.amazon.feeds[1]!.feedId);
    expect(actions[0]?.suspectedDuplicateFeedIds).toEqual([world.amazon.feeds[0]!.feedId]);
  });

  it('with the answer lost too: two candidates, review without "Send again", settled by the next sync', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.createFeed = () => 'resend-then-fail';
    await runOutbox(world.context());
    world.amazon.hooks.createFeed = undefined;
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.sendAgainAllowed).toBe(false);
    await expect(sendAgain(world.db, actions[0]!.id, { clock: world.clock })).rejects.toThrow(
      /cannot be sent again/,
    );
    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(1);

    // Amazon processed both copies; the sync stores the order cancelled.
    await writeOrderBatch(world.db, {
      orders: [
        {
          order: storedOrder({ orderId: ORDER_A, status: 'CANCELLED', lastUpdated: '2026-11-20T13:00:00Z' }),
          items: [storedItem(ORDER_A, ITEM_A1, { quantityOrdered: 2 }), storedItem(ORDER_A, ITEM_A2)],
        },
      ],
    });
    await runOutbox(world.context());
    expect((await listActions(world.db, { status: 'done' })).map((a) => a.orderId)).toEqual([ORDER_A]);
  });
});

describe('one bad action never blocks the others', () => {
  it('an action with report placeholder item ids fails alone; the rest are sent', async () => {
    const world = await outboxWorld();
    await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' }, world.enqueueOptions);
    // Queued by an earlier version for an order known only from the order report.
    const tx = world.db.transaction('outbox', 'readwrite');
    await tx.store.put({
      kind: 'cancel',
      id: 'act-report-only',
      orderId: ORDER_A,
      marketplaceId: 'ATVPDKIKX0DER',
      lines: [{ orderItemId: 'report-111-0000001-0000001-1', quantity: 1 }],
      wholeOrder: true,
      reason: 'NoInventory',
      createdAt: '2026-11-20T09:00:00.000Z',
      status: 'pending',
      attempt: 1,
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    await tx.done;

    await world.settle();
    const bad = await getAction(world.db, 'act-report-only');
    expect(bad?.status).toBe('failed');
    expect(bad?.resultText).toMatch(/cannot be sent to Amazon as queued/);
    const good = (await listActions(world.db)).find((a) => a.orderId === ORDER_B);
    expect(good?.status).toBe('done');
    expect(world.amazon.feeds).toHaveLength(1);
  });
});

describe('nothing waits for ever', () => {
  it('a feed Amazon has not finished a day after it was sent goes to review', async () => {
    // Before: it stayed "Cancel pending" and the outbox polled it every minute, for ever.
    const world = await outboxWorld({ pollsUntilDone: 1_000_000 });
    await queueTwo(world);
    await runOutbox(world.context());
    world.clock.advance(25 * 60 * 60_000);
    await runOutbox(world.context());
    const actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['needs-review', 'needs-review']);
    expect(actions[0]?.resultText).toMatch(/not finished processing/);
    expect(await listActiveSubmissions(world.db)).toEqual([]);
  });
});

describe('one damaged record never stops the outbox', () => {
  it('sets a damaged cancellation and a damaged submission aside; the rest is sent', async () => {
    // Before: one unreadable record made every outbox run throw, and nothing was sent.
    const world = await outboxWorld();
    await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' }, world.enqueueOptions);
    const tx = world.db.transaction(['outbox', 'feedSubmissions'], 'readwrite');
    await tx.objectStore('outbox').put({ id: 'act-damaged', orderId: ORDER_A, lines: [] } as never);
    await tx.objectStore('outbox').put({
      kind: 'cancel',
      id: 'act-orphan',
      orderId: ORDER_A,
      marketplaceId: 'ATVPDKIKX0DER',
      lines: [{ orderItemId: ITEM_A1, quantity: 2 }],
      wholeOrder: false,
      reason: 'NoInventory',
      createdAt: '2026-11-20T09:00:00.000Z',
      status: 'pending',
      submissionId: 'sub-damaged',
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    await tx.objectStore('feedSubmissions').put({ id: 'sub-damaged', step: 'creating' } as never);
    await tx.done;

    await world.settle();
    const byId = Object.fromEntries((await listActions(world.db)).map((a) => [a.id, a]));
    expect(Object.keys(byId).sort()).toEqual(['act-1', 'act-orphan'].sort());
    expect(byId['act-1']?.status).toBe('done');
    expect(byId['act-orphan']?.status).toBe('needs-review');
    expect(byId['act-orphan']?.sendAgainAllowed).toBe(false);
    const quarantined = await world.db.getAll('quarantine');
    expect(quarantined.map((q) => q.reference).sort()).toEqual([
      'cancellation act-damaged',
      'feed submission sub-damaged',
    ]);
  });
});

describe('every outbox failure reaches the seller', () => {
  it('a refusal that will not pass (no Feeds role) is shown on the actions, then fails them', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.createFeedDocument = () => '403';
    await runOutbox(world.context());
    let actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(actions[0]?.problem).toMatchObject({ permanent: true, attempts: 1 });
    expect(actions[0]?.problem?.message).toMatch(/role/);

    await runOutbox(world.context());
    await runOutbox(world.context());
    actions = await listActions(world.db);
    expect(actions.map((a) => a.status)).toEqual(['failed', 'failed']);
    expect(actions[0]?.resultText).toMatch(/role/);
    expect(await listActiveSubmissions(world.db)).toEqual([]);
  });

  it('a passing outage is shown while the action waits, and cleared once sent', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    world.amazon.hooks.createFeedDocument = () => '503';
    await runOutbox(world.context());
    const [waiting] = await listActions(world.db);
    expect(waiting?.status).toBe('pending');
    expect(waiting?.problem).toMatchObject({ permanent: false });
    world.amazon.hooks.createFeedDocument = undefined;
    await world.settle();
    const [sent] = await listActions(world.db);
    expect(sent?.status).toBe('done');
    expect(sent?.problem).toBeUndefined();
  });

  it('a submission stuck on errors does not stop a later one', async () => {
    const world = await outboxWorld();
    await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions);
    let failFirst = true;
    world.amazon.hooks.createFeedDocument = () => (failFirst ? ((failFirst = false), '503') : undefined);
    await runOutbox(world.context({ afterStep: killedAt('building') })).catch(() => undefined);
    await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'BuyerCanceled' }, world.enqueueOptions);
    await world.settle();
    expect((await listActions(world.db)).map((a) => a.status)).toEqual(['done', 'done']);
  });
});

describe('pending stock changes are not forgotten', () => {
  it('a zero-stock change postponed by a 5xx keeps the outbox running with no cancel pending', async () => {
    const world = await outboxWorld();
    await enqueueCancel(
      world.db,
      { orderId: ORDER_A, reason: 'NoInventory', zeroStockSkus: ['SKU-A1'] },
      world.enqueueOptions,
    );
    const realPatch = world.amazon.transport;
    void realPatch;
    await world.settle();
    // Simulate the postponed patch: put the SKU back to pending.
    const [action] = await listActions(world.db, { status: 'done' });
    const tx = world.db.transaction('outbox', 'readwrite');
    await tx.store.put({ ...action!, zeroStock: [{ sku: 'SKU-A1', status: 'pending' }] });
    await tx.done;
    expect(await outboxWork(world.db)).toMatchObject({ pending: 0, hasWork: true });
    await runOutbox(world.context());
    expect((await outboxWork(world.db)).hasWork).toBe(false);
  });

  it('marking a reviewed cancel done queues its stock change', async () => {
    const world = await outboxWorld({ applyCancels: false });
    await enqueueCancel(
      world.db,
      { orderId: ORDER_A, reason: 'NoInventory', zeroStockSkus: ['SKU-A1'] },
      world.enqueueOptions,
    );
    await runOutbox(world.context());
    world.clock.advance(16 * 60_000);
    await runOutbox(world.context());
    const [review] = await listActions(world.db, { status: 'needs-review' });
    await resolveNeedsReview(world.db, review!.id, 'done', { clock: world.clock });
    await runOutbox(world.context());
    expect(world.amazon.patches.map((p) => p.sku)).toEqual(['SKU-A1']);
  });
});
