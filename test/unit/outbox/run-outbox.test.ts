import { enqueueCancel, getAction, listActions, runOutbox } from '../../../lib/outbox';
import type { FeedSubmission } from '../../../lib/domain/feed-submission';
import { getSubmission, listActiveSubmissions } from '../../../lib/store/outbox-store';
import { processingReportXml } from './fake-feeds-amazon';
import { ITEM_A1, ITEM_A2, ITEM_B1, ORDER_A, ORDER_B, outboxWorld, type OutboxWorld } from './outbox-fixture';

async function queueTwo(world: OutboxWorld) {
  const a = await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions);
  const b = await enqueueCancel(
    world.db,
    { orderId: ORDER_B, reason: 'BuyerCanceled' },
    world.enqueueOptions,
  );
  return [a, b];
}

describe('runOutbox', () => {
  it('drives a submission through every persisted step to done', async () => {
    const world = await outboxWorld({ pollsUntilDone: 2 });
    const [action] = await queueTwo(world);
    const steps: string[] = [];
    const result = await runOutbox(world.context({ afterStep: (s) => void steps.push(s.step) }));

    expect(steps).toEqual([
      'building',
      'document-created',
      'uploaded',
      'creating',
      'submitted',
      'submitted', // IN_PROGRESS seen
      'submitted', // DONE seen
      'done',
    ]);
    expect(result).toEqual({ sent: 2, completed: 2, failed: 0, needsReview: 0 });
    const stored = await getAction(world.db, action!.id);
    expect(stored).toMatchObject({ status: 'done', feedId: '50000', submissionId: 'sub-3' });
    const submission = await getSubmission(world.db, 'sub-3');
    expect(submission).toMatchObject({ step: 'done', feedId: '50000', createAttempts: 1 });
  });

  it('batches all pending actions into one feed whose content validates message by message', async () => {
    const world = await outboxWorld();
    await queueTwo(world);
    await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions).catch(
      () => undefined,
    );
    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(1);
    expect(world.amazon.feeds).toHaveLength(1);
    const feed = world.amazon.feeds[0]!;
    expect(feed.feedType).toBe('POST_ORDER_ACKNOWLEDGEMENT_DATA');
    expect(feed.marketplaceIds).toEqual(['ATVPDKIKX0DER']);
    expect(feed.content.match(/<MessageID>/g)).toHaveLength(2);
    expect(feed.content).toContain(`<AmazonOrderItemCode>${ITEM_A1}</AmazonOrderItemCode>`);
    expect(feed.content).toContain(`<AmazonOrderItemCode>${ITEM_A2}</AmazonOrderItemCode>`);
    expect(feed.content).toContain(`<AmazonOrderItemCode>${ITEM_B1}</AmazonOrderItemCode>`);
    expect(feed.content).not.toContain('<Quantity>'); // whole lines
  });

  it('still sends Item/Quantity for a part-quantity cancel queued before whole lines only', async () => {
    const world = await outboxWorld();
    // New requests are whole lines only; an action stored by an older version keeps its quantity.
    await world.db.put('outbox', {
      kind: 'cancel',
      id: 'old-part',
      orderId: ORDER_A,
      marketplaceId: 'ATVPDKIKX0DER',
      lines: [{ orderItemId: ITEM_A1, quantity: 1, quantityOrdered: 2, sku: 'SKU-A1' }],
      wholeOrder: false,
      reason: 'NoInventory',
      createdAt: '2026-11-20T10:00:00.000Z',
      status: 'pending',
      attempt: 1,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    await world.settle();
    expect(world.amazon.feeds[0]!.content).toMatch(
      new RegExp(
        `<AmazonOrderItemCode>${ITEM_A1}</AmazonOrderItemCode>\\s*<CancelReason>NoInventory</CancelReason>\\s*<Quantity>1</Quantity>`,
      ),
    );
  });

  it("fails only the action Amazon's report has an error for, with Amazon's text", async () => {
    const world = await outboxWorld({
      report: () =>
        processingReportXml(2, [
          { messageId: 2, description: 'The order has already shipped & cannot be cancelled.' },
        ]),
    });
    const [a, b] = await queueTwo(world);
    const result = await runOutbox(world.context());
    expect(result).toMatchObject({ completed: 1, failed: 1 });
    expect(await getAction(world.db, a!.id)).toMatchObject({ status: 'done' });
    const failed = await getAction(world.db, b!.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.resultText).toContain('The order has already shipped & cannot be cancelled.');
    expect(failed?.resultText).toContain('18028');
  });

  it('never reads an unreadable processing report as success, nor as a failure Retry may send again', async () => {
    const world = await outboxWorld({ report: () => '<html>Service Unavailable</html>' });
    const [a, b] = await queueTwo(world);
    expect(await runOutbox(world.context())).toMatchObject({ needsReview: 2, failed: 0, completed: 0 });
    for (const id of [a!.id, b!.id]) {
      const action = await getAction(world.db, id);
      // Amazon processed the feed (DONE): the lines may be cancelled, so only the seller's check settles it.
      expect(action?.status).toBe('needs-review');
      expect(action?.resultText).toMatch(/processing report could not be read, so the result is unknown/);
      expect(action?.resultText).toMatch(/Check the order in Seller Central/);
    }
  });

  it('holds the actions for review when the feed ends FATAL, and fails them when it was CANCELLED', async () => {
    const fatal = await outboxWorld({ finalStatus: 'FATAL' });
    const [a] = await queueTwo(fatal);
    expect(await runOutbox(fatal.context())).toMatchObject({ needsReview: 2, completed: 0 });
    expect((await getAction(fatal.db, a!.id))?.resultText).toMatch(/some, none or all/);

    const cancelled = await outboxWorld({ finalStatus: 'CANCELLED' });
    const [c] = await queueTwo(cancelled);
    expect(await runOutbox(cancelled.context())).toMatchObject({ failed: 2 });
    expect((await getAction(cancelled.db, c!.id))?.resultText).toMatch(/nothing was applied/);
  });

  it('leaves a slow feed for the next run and finishes it then, without a second feed', async () => {
    const world = await outboxWorld({ pollsUntilDone: 50 });
    await queueTwo(world);
    const first = await runOutbox(world.context({ pollBudgetMs: 60_000 }));
    expect(first).toMatchObject({ sent: 2, completed: 0 });
    expect((await listActiveSubmissions(world.db))[0]?.step).toBe('submitted');
    await world.settle();
    expect(world.amazon.calls.createFeed).toBe(1);
    expect((await listActions(world.db, { status: 'done' })).length).toBe(2);
  });

  it('sets merchant stock to 0 after the cancel is done and records each SKU result', async () => {
    const world = await outboxWorld();
    const action = await enqueueCancel(
      world.db,
      { orderId: ORDER_A, reason: 'NoInventory', zeroStockSkus: ['SKU-A1', 'BAD-A2'] },
      world.enqueueOptions,
    );
    await world.settle();
    expect(world.amazon.patches.map((p) => p.sku).sort()).toEqual(['BAD-A2', 'SKU-A1']);
    expect(world.amazon.patches[0]).toMatchObject({
      marketplaceIds: 'ATVPDKIKX0DER',
      body: {
        productType: 'PRODUCT',
        patches: [
          {
            op: 'replace',
            path: '/attributes/fulfillment_availability',
            value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }],
          },
        ],
      },
    });
    const stored = await getAction(world.db, action.id);
    expect(stored?.zeroStock).toEqual([
      { sku: 'SKU-A1', status: 'accepted', submissionId: 'sub-SKU-A1' },
      { sku: 'BAD-A2', status: 'failed', submissionId: 'sub-BAD-A2', issues: ['ERROR: Unknown SKU (90220)'] },
    ]);
    // Done once: a later run patches nothing again.
    await runOutbox(world.context());
    expect(world.amazon.calls.patchListingsItem).toBe(2);
  });

  it('does not touch stock when the cancel failed', async () => {
    const world = await outboxWorld({
      report: () => processingReportXml(1, [{ messageId: 1, description: 'No.' }]),
    });
    await enqueueCancel(
      world.db,
      { orderId: ORDER_A, reason: 'NoInventory', zeroStockSkus: ['SKU-A1'] },
      world.enqueueOptions,
    );
    await world.settle();
    expect(world.amazon.calls.patchListingsItem ?? 0).toBe(0);
  });

  it('waits while another submission of the type is creating (at most one createFeed in flight)', async () => {
    const world = await outboxWorld();
    await enqueueCancel(world.db, { orderId: ORDER_A, reason: 'NoInventory' }, world.enqueueOptions);
    // Killed right after "creating" was recorded.
    await expect(runOutbox(world.context({ afterStep: killAt('creating') }))).rejects.toThrow('killed');
    await enqueueCancel(world.db, { orderId: ORDER_B, reason: 'NoInventory' }, world.enqueueOptions);
    const seen: FeedSubmission[] = [];
    world.amazon.hooks.getFeeds = () => 'fail';
    await runOutbox(world.context({ afterStep: (s) => void seen.push(s) }));
    // The second submission got as far as uploaded but never to creating.
    const second = seen.filter((s) => s.id !== seen.find((x) => x.step === 'creating')?.id);
    expect(second.map((s) => s.step)).not.toContain('creating');
    expect(world.amazon.calls.createFeed ?? 0).toBe(0);
  });
});

export function killAt(step: string, occurrence = 1) {
  let seen = 0;
  return (submission: FeedSubmission) => {
    if (submission.step === step && ++seen === occurrence) throw new Error(`killed at ${step}`);
  };
}
