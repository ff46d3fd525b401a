import { lineShipMs } from '../../../lib/sandbox/order-timeline';
import {
  ACK_FEED,
  ackXml,
  downloadReport,
  HOUR,
  pickOrder,
  reportResults,
  runFeed,
  statusAt,
  submitFeed,
  unshippedFor,
} from './feed-test-flow';
import { isoAt, makeSandbox, type ApiOrder, type SearchBody, type TestSandbox } from './sandbox-test-client';

type FullOrder = Omit<ApiOrder, 'packages' | 'orderItems' | 'fulfillment'> & {
  fulfillment: { fulfillmentStatus: string };
  packages?: { packageItems: { orderItemId: string }[] }[];
  orderItems: (Omit<ApiOrder['orderItems'][number], 'cancellation'> & {
    cancellation?: { cancellationExecution?: { cancelledBy: string; cancelReason: string } };
    fulfillment?: { quantityFulfilled: number; quantityUnfulfilled: number };
  })[];
};

async function getOrder(t: TestSandbox, orderId: string): Promise<FullOrder> {
  const body = await t.json<{ order: FullOrder }>(
    `/orders/2026-01-01/orders/${orderId}?includedData=CANCELLATION,FULFILLMENT,PACKAGES`,
  );
  return body.order;
}

describe('Feeds API: order acknowledgement cancels', () => {
  it('runs document → upload → createFeed → IN_QUEUE/IN_PROGRESS/DONE → report, and cancels the order', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const now = t.clock.now();
    const { plan, items } = pickOrder(
      t,
      now,
      (p, its) =>
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          its.map((_, i) => i),
        ) &&
        p.shippedMs === p.shippedMs,
    );
    const before = await getOrder(t, plan.orderId);
    expect(before.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');

    const feedId = await submitFeed(
      t,
      ackXml([
        { orderId: plan.orderId, items: items.map((i) => ({ code: i.orderItemId, reason: 'NoInventory' })) },
      ]),
    );
    const { seen, feed } = await runFeed(t, feedId);
    expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'DONE']);
    expect(feed.feedType).toBe(ACK_FEED);
    expect(Date.parse(feed.processingEndTime!) - Date.parse(feed.createdTime)).toBe(90_000);
    expect(Date.parse(feed.processingStartTime!) - Date.parse(feed.createdTime)).toBe(30_000);

    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({
      transactionId: feedId,
      processed: 1,
      successful: 1,
      withError: 0,
      withWarning: 0,
    });
    expect(report.results).toEqual([]);

    const after = await getOrder(t, plan.orderId);
    expect(after.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    expect(after.lastUpdatedTime).toBe(feed.processingEndTime);
    expect(Date.parse(after.lastUpdatedTime)).toBeGreaterThan(Date.parse(before.lastUpdatedTime));
    for (const item of after.orderItems) {
      expect(item.cancellation?.cancellationExecution).toEqual({
        cancelledBy: 'MERCHANT',
        cancelReason: 'NoInventory',
      });
      expect(item.fulfillment).toEqual({ quantityFulfilled: 0, quantityUnfulfilled: 0 });
    }

    t.clock.advance(3 * 60_000);
    const search = await t.json<SearchBody>(
      `/orders/2026-01-01/orders?lastUpdatedAfter=${isoAt(Date.parse(feed.processingEndTime!) - 1000)}&fulfillmentStatuses=CANCELLED`,
    );
    expect(search.orders.map((o) => o.orderId)).toContain(plan.orderId);

    // The timeline never ships the cancelled order later on.
    t.clock.advance(10 * 24 * HOUR);
    await t.refreshToken();
    const much = await getOrder(t, plan.orderId);
    expect(much.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    expect(much.packages).toBeUndefined();
    expect(much.lastUpdatedTime).toBe(feed.processingEndTime);
  });

  it('cancels one line of a multi-line order; the rest still ships without it', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, orderCount: 1500 });
    const now = t.clock.now();
    const { plan, items } = pickOrder(
      t,
      now,
      (p, its) =>
        its.length >= 2 &&
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          its.map((_, i) => i),
        ) &&
        p.shippedMs === p.shippedMs,
    );
    const feedId = await submitFeed(
      t,
      ackXml([
        { orderId: plan.orderId, items: [{ code: items[0]!.orderItemId, reason: 'CustomerExchange' }] },
      ]),
    );
    const { feed } = await runFeed(t, feedId);
    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({ processed: 1, successful: 1, withError: 0 });

    const order = await getOrder(t, plan.orderId);
    expect(order.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
    expect(order.lastUpdatedTime).toBe(feed.processingEndTime);
    expect(order.orderItems[0]!.cancellation?.cancellationExecution).toEqual({
      cancelledBy: 'MERCHANT',
      cancelReason: 'CustomerExchange',
    });
    expect(order.orderItems[0]!.fulfillment?.quantityUnfulfilled).toBe(0);
    expect(order.orderItems[1]!.cancellation?.cancellationExecution).toBeUndefined();
    expect(order.orderItems[1]!.fulfillment?.quantityUnfulfilled).toBe(items[1]!.quantity);

    t.clock.set(Math.max(plan.shippedMs, plan.deliveredMs) + HOUR);
    await t.refreshToken();
    const shipped = await getOrder(t, plan.orderId);
    expect(shipped.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(shipped.orderItems[0]!.fulfillment?.quantityFulfilled).toBe(0);
    expect(shipped.orderItems[1]!.fulfillment?.quantityFulfilled).toBe(items[1]!.quantity);
    const packed = shipped.packages!.flatMap((p) => p.packageItems.map((i) => i.orderItemId));
    expect(packed).not.toContain(items[0]!.orderItemId);
    expect(packed).toContain(items[1]!.orderItemId);
  });

  it('reports per-message errors and warnings and changes nothing for failed messages', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const now = t.clock.now();
    const at = now + 90_000;
    const shipped = pickOrder(t, now, (p) => statusAt(p, now) === 'SHIPPED');
    const open = pickOrder(
      t,
      now,
      (p, its) =>
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          its.map((_, i) => i),
        ),
    );
    const open2 = pickOrder(
      t,
      now,
      (p, its) =>
        p.orderId !== open.plan.orderId &&
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          its.map((_, i) => i),
        ),
    );
    const cancelled = pickOrder(t, now, (p) => statusAt(p, now) === 'CANCELLED');
    const fba = t.sandbox.dataset.plans.find(
      (p) => p.fulfilledBy === 'AMAZON' && statusAt(p, now) === 'UNSHIPPED',
    )!;
    const code = (o: { items: { orderItemId: string }[] }) => o.items[0]!.orderItemId;
    const xml = ackXml([
      { orderId: shipped.plan.orderId, items: [{ code: code(shipped), reason: 'NoInventory' }] },
      { orderId: open.plan.orderId, items: [{ code: '99999999999999', reason: 'NoInventory' }] },
      { orderId: open.plan.orderId, items: [{ code: code(open), reason: 'Nope' }] },
      { orderId: open.plan.orderId, items: [{ code: code(open) }] },
      { orderId: '999-9999999-9999999', items: [{ code: code(open), reason: 'NoInventory' }] },
      { orderId: cancelled.plan.orderId, items: [{ code: code(cancelled), reason: 'NoInventory' }] },
      { orderId: fba.orderId, items: [{ code: '12345678901234', reason: 'NoInventory' }] },
      { orderId: open.plan.orderId, items: [] },
      {
        orderId: open2.plan.orderId,
        items: [{ code: code(open2), reason: 'PricingError', quantity: open2.items[0]!.quantity + 1 }],
      },
    ]);
    const feedId = await submitFeed(t, xml);
    const { feed } = await runFeed(t, feedId);
    expect(feed.processingStatus).toBe('DONE');
    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({ processed: 9, successful: 1, withError: 8, withWarning: 1 });
    const byMessage = Object.fromEntries(report.results.map((r) => [r.messageId, r]));
    expect(byMessage['1']).toMatchObject({
      resultCode: 'Error',
      messageCode: '18103',
      orderId: shipped.plan.orderId,
    });
    expect(byMessage['1']!.description).toMatch(/cannot be cancelled after shipment confirmation/);
    expect(lineShipMs(shipped.plan, 0)).toBeLessThanOrEqual(at);
    expect(byMessage['2']).toMatchObject({
      resultCode: 'Error',
      messageCode: '18102',
      itemCode: '99999999999999',
    });
    expect(byMessage['3']).toMatchObject({ resultCode: 'Error', messageCode: '5000' });
    expect(byMessage['3']!.description).toMatch(/CancelReason/);
    expect(byMessage['4']).toMatchObject({ resultCode: 'Error', messageCode: '18104', itemCode: code(open) });
    expect(byMessage['5']).toMatchObject({
      resultCode: 'Error',
      messageCode: '18101',
      orderId: '999-9999999-9999999',
    });
    expect(byMessage['6']).toMatchObject({ resultCode: 'Warning', messageCode: '18105' });
    expect(byMessage['6']!.description).toMatch(/already cancelled/);
    expect(byMessage['7']).toMatchObject({ resultCode: 'Error', messageCode: '18106' });
    expect(byMessage['8']).toMatchObject({ resultCode: 'Error', messageCode: '18104' });
    expect(byMessage['9']).toMatchObject({ resultCode: 'Error', messageCode: '18107' });

    // Nothing was applied to the orders of failed messages.
    for (const id of [open.plan.orderId, open2.plan.orderId, shipped.plan.orderId]) {
      const order = await getOrder(t, id);
      expect(order.orderItems.every((i) => i.cancellation?.cancellationExecution === undefined)).toBe(true);
    }
  });

  it('ends FATAL for XML that is not well-formed or not an AmazonEnvelope', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    for (const text of ['<AmazonEnvelope><Header></AmazonEnvelope>', '<?xml version="1.0"?><Orders/>']) {
      const feedId = await submitFeed(t, text);
      const { seen, feed } = await runFeed(t, feedId);
      expect(seen).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'FATAL']);
      const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
      expect(report.results).toHaveLength(1);
      expect(report.results[0]).toMatchObject({ messageId: '0', resultCode: 'Error', messageCode: '5001' });
    }
  });

  it('reports an envelope schema error as DONE with one document-level error', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const xml = ackXml([{ orderId: '111-1111111-1111111', items: [] }]).replace(
      '<DocumentVersion>1.01</DocumentVersion>',
      '',
    );
    const { feed } = await runFeed(t, await submitFeed(t, xml));
    expect(feed.processingStatus).toBe('DONE');
    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({ processed: 0, withError: 1 });
    expect(report.results[0]).toMatchObject({ messageId: '0', messageCode: '5000' });
    expect(report.results[0]!.description).toMatch(/DocumentVersion/);
  });

  it('keeps other feed types and answers every message as not supported', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const xml = ackXml([
      { orderId: '111-1111111-1111111', items: [] },
      { orderId: '111-1111111-1111112', items: [] },
    ]).replace(/OrderAcknowledgement/g, 'OrderFulfillment');
    const { feed } = await runFeed(t, await submitFeed(t, xml, 'POST_ORDER_FULFILLMENT_DATA'));
    expect(feed.processingStatus).toBe('DONE');
    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({ processed: 2, successful: 0, withError: 2 });
    expect(report.results.map((r) => r.messageCode)).toEqual(['90001', '90001']);
    expect(report.results[0]!.description).toMatch(/not supported by the sandbox/);

    const flat = await runFeed(
      t,
      await submitFeed(t, 'order-id\tx\n', 'POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA'),
    );
    expect(flat.feed.processingStatus).toBe('DONE');
    const flatReport = reportResults(await downloadReport(t, flat.feed.resultFeedDocumentId!));
    expect(flatReport.results[0]).toMatchObject({ messageId: '0', messageCode: '90001' });
  });

  it('lists every feed with its decoded input on the control route and in feeds()', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, control: true });
    const xml = ackXml([
      { orderId: '999-9999999-9999999', items: [{ code: '12345678901234', reason: 'NoInventory' }] },
    ]);
    const feedId = await submitFeed(t, xml);
    const res = await t.sandbox.fetch(new Request('https://sellingpartnerapi-na.amazon.com/_sandbox/feeds'));
    const body = (await res.json()) as {
      feeds: { feedId: string; input: string; processingStatus: string; processingReport?: string }[];
    };
    expect(body.feeds).toHaveLength(1);
    expect(body.feeds[0]).toMatchObject({ feedId, input: xml, processingStatus: 'IN_QUEUE' });
    expect(body.feeds[0]!.processingReport).toBeUndefined();
    t.clock.advance(120_000);
    const [record] = t.sandbox.feeds();
    expect(record).toMatchObject({
      feedId,
      processingStatus: 'DONE',
      contentType: 'text/xml; charset=UTF-8',
    });
    expect(record!.processingReport).toMatch(/<DocumentTransactionID>/);
    const none = await makeSandbox();
    expect((await none.sandbox.fetch(new Request('https://x.test/_sandbox/feeds'))).status).toBe(404);
  });

  it('cancels a line the timeline would ship later, so a second cancel of it only warns', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const now = t.clock.now();
    const { plan, items } = pickOrder(
      t,
      now,
      (p, its) =>
        statusAt(p, now) === 'UNSHIPPED' &&
        unshippedFor(
          p,
          now,
          its.map((_, i) => i),
        ),
    );
    const xml = ackXml([
      { orderId: plan.orderId, items: items.map((i) => ({ code: i.orderItemId, reason: 'BuyerCanceled' })) },
    ]);
    await runFeed(t, await submitFeed(t, xml));
    const { feed } = await runFeed(t, await submitFeed(t, xml));
    const report = reportResults(await downloadReport(t, feed.resultFeedDocumentId!));
    expect(report).toMatchObject({ processed: 1, successful: 1, withError: 0, withWarning: 1 });
    expect(report.results.every((r) => r.resultCode === 'Warning' && r.messageCode === '18105')).toBe(true);
    expect(report.results[0]!.description).toMatch(/by MERCHANT/);
  });
});
