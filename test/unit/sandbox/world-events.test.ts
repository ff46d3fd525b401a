import type { OrderTruth } from '../../../lib/sandbox';
import { iso } from '../../../lib/sandbox/order-view';
import { plannedItems } from '../../../lib/sandbox/order-items';
import { statusAt, type FulfillmentStatus, type OrderPlan } from '../../../lib/sandbox/order-timeline';
import { ackXml, reportResults, runFeed, submitFeed } from './feed-test-flow';
import { makeSandbox, type TestSandbox } from './sandbox-test-client';

const DAY = 86_400_000;
const MINUTE = 60_000;

type ApiOrder = {
  orderId: string;
  createdTime: string;
  lastUpdatedTime: string;
  salesChannel: { channelName: string; marketplaceId: string };
  fulfillment: { fulfillmentStatus: string; fulfilledBy: string };
  orderItems: {
    orderItemId: string;
    quantityOrdered: number;
    cancellation?: {
      cancellationRequest?: { requester: string; cancelReason: string };
      cancellationExecution?: { cancelledBy: string; cancelReason: string };
    };
    fulfillment: { quantityFulfilled: number; quantityUnfulfilled: number };
  }[];
};

async function getOrder(t: TestSandbox, orderId: string): Promise<ApiOrder> {
  const res = await t.get(`/orders/2026-01-01/orders/${orderId}?includedData=FULFILLMENT,CANCELLATION`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { order: ApiOrder }).order;
}

/** The truth in the shape getOrder gives, to compare field by field. */
function asApi(truth: OrderTruth) {
  return {
    orderId: truth.orderId,
    createdTime: iso(truth.createdMs),
    lastUpdatedTime: iso(truth.lastUpdatedMs),
    channel: truth.channel,
    marketplaceId: truth.marketplaceId,
    status: truth.status,
    fulfilledBy: truth.fulfilledBy,
    lines: truth.lines,
  };
}

function fromApi(order: ApiOrder) {
  return {
    orderId: order.orderId,
    createdTime: order.createdTime,
    lastUpdatedTime: order.lastUpdatedTime,
    channel: order.salesChannel.channelName,
    marketplaceId: order.salesChannel.marketplaceId,
    status: order.fulfillment.fulfillmentStatus,
    fulfilledBy: order.fulfillment.fulfilledBy,
    lines: order.orderItems.map((item) => ({
      orderItemId: item.orderItemId,
      quantityOrdered: item.quantityOrdered,
      cancelled: item.cancellation?.cancellationExecution !== undefined,
      shipped: item.fulfillment.quantityFulfilled > 0,
    })),
  };
}

async function expectTruthIsApi(t: TestSandbox, orderId: string): Promise<OrderTruth> {
  const truth = t.sandbox.orderTruth(orderId);
  expect(truth).toBeDefined();
  expect(asApi(truth!)).toEqual(fromApi(await getOrder(t, orderId)));
  return truth!;
}

/** A merchant-fulfilled order whose status at `at` is `status` and that matches `test`. */
function findOrder(
  t: TestSandbox,
  status: FulfillmentStatus,
  test: (plan: OrderPlan) => boolean = () => true,
  at = t.clock.now(),
): OrderPlan {
  const plan = t.sandbox.dataset.plans.find(
    (p) => p.createdMs < at && p.fulfilledBy === 'MERCHANT' && statusAt(p, at) === status && test(p),
  );
  if (!plan) throw new Error(`no ${status} order`);
  return plan;
}

/** Enough orders that every status has merchant-fulfilled orders of each shape now. */
const sandboxAt = () => makeSandbox({ enforceRateLimits: false, orderCount: 3000 });

/** Every shape of order the simulator meets, by the status it has now. */
const SHAPES: { name: string; status: FulfillmentStatus; test?: (p: OrderPlan) => boolean }[] = [
  { name: 'cancelled', status: 'CANCELLED' },
  { name: 'shipped', status: 'SHIPPED' },
  { name: 'partly shipped', status: 'PARTIALLY_SHIPPED' },
  { name: 'unshipped', status: 'UNSHIPPED', test: (p) => !(p.buyerRequestMs === p.buyerRequestMs) },
];

const EVENTS = [
  { name: 'amazonCancelsOrder', accepts: ['unshipped'] },
  { name: 'shipElsewhere', accepts: ['unshipped', 'partly shipped'] },
  { name: 'buyerRequestsCancel', accepts: ['unshipped'] },
] as const;

describe('sandbox world events', () => {
  for (const shape of SHAPES) {
    for (const event of EVENTS) {
      it(`orderTruth is what getOrder says for a ${shape.name} order before and after ${event.name}`, async () => {
        const t = await sandboxAt();
        const plan = findOrder(t, shape.status, shape.test);
        const before = await expectTruthIsApi(t, plan.orderId);
        const eventMs = t.clock.now();
        const justBefore = t.sandbox.orderTruth(plan.orderId, eventMs - 1);
        const accepted = t.sandbox.world[event.name](plan.orderId);
        expect(accepted).toBe((event.accepts as readonly string[]).includes(shape.name));
        const after = await expectTruthIsApi(t, plan.orderId);
        if (accepted) expect(after.lastUpdatedMs).toBe(eventMs);
        else expect(after).toEqual(before);
        // History is unchanged, and later the answers still agree with the truth.
        expect(t.sandbox.orderTruth(plan.orderId, eventMs - 1)).toEqual(justBefore);
        for (const step of [MINUTE, DAY, 10 * DAY]) {
          t.clock.advance(step);
          await t.refreshToken();
          await expectTruthIsApi(t, plan.orderId);
        }
      });
    }
  }

  it('keeps every order’s history before an event and drops what the timeline planned against it', async () => {
    const t = await sandboxAt();
    const now = t.clock.now();
    const samples = [-20 * DAY, -3 * DAY, -DAY, -hours(5), -MINUTE, -1].map((d) => now + d);
    const orders = t.sandbox.dataset.plans.filter((p) => p.createdMs < now);
    const kinds = ['amazonCancelsOrder', 'shipElsewhere', 'buyerRequestsCancel'] as const;
    const history = new Map(
      orders.map((p) => [p.orderId, samples.map((at) => t.sandbox.orderTruth(p.orderId, at))]),
    );
    const accepted: { orderId: string; kind: (typeof kinds)[number] }[] = [];
    orders.forEach((p, i) => {
      const kind = kinds[i % 3]!;
      if (t.sandbox.world[kind](p.orderId)) accepted.push({ orderId: p.orderId, kind });
    });
    expect(accepted.length).toBeGreaterThan(10);
    for (const p of orders) {
      expect(samples.map((at) => t.sandbox.orderTruth(p.orderId, at))).toEqual(history.get(p.orderId));
    }
    const future = now + 30 * DAY;
    for (const { orderId, kind } of accepted) {
      const at = t.sandbox.orderTruth(orderId, now)!;
      const later = t.sandbox.orderTruth(orderId, future)!;
      const plan = t.sandbox.dataset.byId(orderId)!;
      expect(plan.events).toContain(now);
      if (kind === 'amazonCancelsOrder') {
        expect(at.status).toBe('CANCELLED');
        // Cancelled for good: nothing ships, nothing changes after the event.
        expect(later).toMatchObject({ status: 'CANCELLED', lastUpdatedMs: now });
        expect(later.lines.every((l) => l.cancelled && !l.shipped)).toBe(true);
      } else if (kind === 'shipElsewhere') {
        expect(at.status).toBe('SHIPPED');
        expect(at.lines.every((l) => l.shipped || l.cancelled)).toBe(true);
        // No cancellation planned for later survives, and delivery comes after the shipment.
        expect(later.status).toBe('SHIPPED');
        expect(later.lines).toEqual(at.lines);
        expect(plan.deliveredMs).toBeGreaterThan(now);
        expect(plan.cancelledMs).toBeNaN();
      } else {
        expect(plan.buyerRequestMs).toBe(now);
        expect(at.lastUpdatedMs).toBe(now);
      }
    }
  });

  it('Amazon cancelling a pending order drops the payment and shipment it had planned', async () => {
    const t = await sandboxAt();
    const plan = findOrder(t, 'PENDING', (p) => p.shippedMs === p.shippedMs);
    const now = t.clock.now();
    expect(t.sandbox.world.amazonCancelsOrder(plan.orderId)).toBe(true);
    expect(t.sandbox.world.amazonCancelsOrder(plan.orderId)).toBe(false);
    const order = await getOrder(t, plan.orderId);
    expect(order.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    expect(order.orderItems[0]!.cancellation?.cancellationExecution).toEqual({
      cancelledBy: 'AMAZON',
      cancelReason: 'Payment could not be authorized',
    });
    t.clock.advance(plan.shippedMs + DAY - now);
    await t.refreshToken();
    expect(t.sandbox.orderTruth(plan.orderId)).toMatchObject({ status: 'CANCELLED', lastUpdatedMs: now });
    await expectTruthIsApi(t, plan.orderId);
  });

  it('a lastUpdatedAfter poll sees each event', async () => {
    const t = await sandboxAt();
    const unshipped = findOrder(t, 'UNSHIPPED', (p) => !(p.buyerRequestMs === p.buyerRequestMs));
    const other = findOrder(t, 'UNSHIPPED', (p) => p !== unshipped);
    const since = iso(t.clock.now() - 1000);
    expect(t.sandbox.world.buyerRequestsCancel(unshipped.orderId)).toBe(true);
    expect(t.sandbox.world.shipElsewhere(other.orderId)).toBe(true);
    t.clock.advance(3 * MINUTE);
    const body = await t.json<{ orders: ApiOrder[] }>(
      `/orders/2026-01-01/orders?lastUpdatedAfter=${since}&includedData=FULFILLMENT,CANCELLATION&maxResultsPerPage=100`,
    );
    const byId = new Map(body.orders.map((o) => [o.orderId, o]));
    expect(byId.get(unshipped.orderId)?.orderItems[0]?.cancellation?.cancellationRequest?.requester).toBe(
      'BUYER',
    );
    expect(byId.get(other.orderId)?.fulfillment.fulfillmentStatus).toBe('SHIPPED');
  });

  it('refuses events that cannot happen: unknown, not yet created, fulfilled by Amazon, asked twice', async () => {
    const t = await sandboxAt();
    const now = t.clock.now();
    const future = t.sandbox.dataset.plans.find((p) => p.createdMs > now + hours(1))!;
    const fba = t.sandbox.dataset.plans.find(
      (p) => p.createdMs < now && p.fulfilledBy === 'AMAZON' && statusAt(p, now) === 'UNSHIPPED',
    )!;
    for (const name of ['amazonCancelsOrder', 'shipElsewhere', 'buyerRequestsCancel'] as const) {
      expect(t.sandbox.world[name]('111-0000000-0000000')).toBe(false);
      expect(t.sandbox.world[name](future.orderId)).toBe(false);
    }
    expect(t.sandbox.orderTruth(future.orderId)).toBeUndefined();
    expect(t.sandbox.world.shipElsewhere(fba.orderId)).toBe(false);
    expect(t.sandbox.world.buyerRequestsCancel(fba.orderId)).toBe(false);
    const asked = findOrder(t, 'UNSHIPPED', (p) => p.buyerRequestMs <= now);
    expect(t.sandbox.world.buyerRequestsCancel(asked.orderId)).toBe(false);
    const fresh = findOrder(t, 'UNSHIPPED', (p) => !(p.buyerRequestMs <= now));
    expect(t.sandbox.world.buyerRequestsCancel(fresh.orderId)).toBe(true);
    expect(t.sandbox.world.buyerRequestsCancel(fresh.orderId)).toBe(false);
    const pending = findOrder(t, 'PENDING');
    expect(t.sandbox.world.shipElsewhere(pending.orderId)).toBe(false);
  });

  it('is deterministic: the same seed and events give the same answers', async () => {
    const run = async () => {
      const t = await makeSandbox({ enforceRateLimits: false, seed: 5, orderCount: 3000 });
      const plan = findOrder(t, 'UNSHIPPED', (p) => !(p.buyerRequestMs <= t.clock.now()));
      t.sandbox.world.buyerRequestsCancel(plan.orderId);
      return getOrder(t, plan.orderId);
    };
    expect(await run()).toEqual(await run());
  });

  describe('with the seller’s line cancellations (order acknowledgement feeds)', () => {
    const twoLines = (p: OrderPlan) =>
      p.itemCount >= 2 && !(p.partialShipMs === p.partialShipMs) && !(p.cancelledMs === p.cancelledMs);

    it('a feed after Amazon cancelled the order answers "already cancelled" (Warning), applying nothing', async () => {
      const t = await sandboxAt();
      const plan = findOrder(t, 'UNSHIPPED');
      const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
      const feedId = await submitFeed(
        t,
        ackXml([{ orderId: plan.orderId, items: [{ code: items[0]!.orderItemId, reason: 'NoInventory' }] }]),
      );
      expect(t.sandbox.world.amazonCancelsOrder(plan.orderId)).toBe(true);
      await runFeed(t, feedId);
      const record = t.sandbox.feeds().find((f) => f.feedId === feedId)!;
      const report = reportResults(record.processingReport!);
      expect(report.results).toMatchObject([{ resultCode: 'Warning', messageCode: '18105' }]);
      expect(report.results[0]!.description).toContain('by AMAZON');
      expect(record.messages).toEqual([
        {
          messageId: '1',
          orderId: plan.orderId,
          statusCode: 'Failure',
          itemCodes: [items[0]!.orderItemId],
          outcome: 'already-cancelled',
        },
      ]);
      await expectTruthIsApi(t, plan.orderId);
    });

    it('a feed after the seller shipped in Seller Central answers alreadyShipped (Error)', async () => {
      const t = await sandboxAt();
      const plan = findOrder(t, 'UNSHIPPED');
      const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
      const feedId = await submitFeed(
        t,
        ackXml([{ orderId: plan.orderId, items: [{ code: items[0]!.orderItemId, reason: 'NoInventory' }] }]),
      );
      expect(t.sandbox.world.shipElsewhere(plan.orderId)).toBe(true);
      await runFeed(t, feedId);
      const record = t.sandbox.feeds().find((f) => f.feedId === feedId)!;
      expect(reportResults(record.processingReport!).results).toMatchObject([
        { resultCode: 'Error', messageCode: '18103', itemCode: items[0]!.orderItemId },
      ]);
      expect(record.messages?.[0]?.outcome).toBe('error');
      expect((await expectTruthIsApi(t, plan.orderId)).status).toBe('SHIPPED');
    });

    it('a line the seller cancelled first stays cancelled when the rest ships in Seller Central', async () => {
      const t = await sandboxAt();
      const plan = findOrder(t, 'UNSHIPPED', twoLines);
      const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
      const feedId = await submitFeed(
        t,
        ackXml([{ orderId: plan.orderId, items: [{ code: items[0]!.orderItemId, reason: 'NoInventory' }] }]),
      );
      // The feed's processing ends, but nothing asks the sandbox before the world moves on.
      t.clock.advance(5 * MINUTE);
      expect(t.sandbox.world.shipElsewhere(plan.orderId)).toBe(true);
      const truth = await expectTruthIsApi(t, plan.orderId);
      expect(truth.status).toBe('SHIPPED');
      expect(truth.lines[0]).toMatchObject({ cancelled: true, shipped: false });
      expect(truth.lines.slice(1).every((l) => l.shipped && !l.cancelled)).toBe(true);
      expect(t.sandbox.feeds().find((f) => f.feedId === feedId)!.messages?.[0]).toMatchObject({
        outcome: 'applied',
        itemCodes: [items[0]!.orderItemId],
      });
    });

    it('a feed whose processing ended before the event comes first, even if nothing asked the sandbox since', async () => {
      const t = await sandboxAt();
      const plan = findOrder(t, 'UNSHIPPED', twoLines);
      const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
      await submitFeed(
        t,
        ackXml([
          {
            orderId: plan.orderId,
            items: items.map((i) => ({ code: i.orderItemId, reason: 'NoInventory' })),
          },
        ]),
      );
      t.clock.advance(5 * MINUTE);
      // The seller's feed cancelled the order minutes ago: there is nothing left to ship or cancel.
      expect(t.sandbox.world.shipElsewhere(plan.orderId)).toBe(false);
      expect(t.sandbox.world.amazonCancelsOrder(plan.orderId)).toBe(false);
      const truth = await expectTruthIsApi(t, plan.orderId);
      expect(truth.status).toBe('CANCELLED');
      const order = await getOrder(t, plan.orderId);
      expect(order.orderItems[0]!.cancellation?.cancellationExecution?.cancelledBy).toBe('MERCHANT');
    });

    it('the seller cancelling every line after a buyer request cancels the order and keeps the request', async () => {
      const t = await sandboxAt();
      const plan = findOrder(t, 'UNSHIPPED', (p) => !(p.buyerRequestMs === p.buyerRequestMs));
      const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
      expect(t.sandbox.world.buyerRequestsCancel(plan.orderId)).toBe(true);
      t.clock.advance(MINUTE);
      const feedId = await submitFeed(
        t,
        ackXml([
          {
            orderId: plan.orderId,
            items: items.map((i) => ({ code: i.orderItemId, reason: 'BuyerCanceled' })),
          },
        ]),
      );
      await runFeed(t, feedId);
      const order = await getOrder(t, plan.orderId);
      expect(order.fulfillment.fulfillmentStatus).toBe('CANCELLED');
      expect(order.orderItems.every((i) => i.cancellation?.cancellationRequest?.requester === 'BUYER')).toBe(
        true,
      );
      expect(
        order.orderItems.every((i) => i.cancellation?.cancellationExecution?.cancelledBy === 'MERCHANT'),
      ).toBe(true);
      await expectTruthIsApi(t, plan.orderId);
      // Cancelled now: Amazon cannot cancel it again nor can it ship.
      expect(t.sandbox.world.amazonCancelsOrder(plan.orderId)).toBe(false);
      expect(t.sandbox.world.shipElsewhere(plan.orderId)).toBe(false);
    });
  });
});

describe('sandbox: feed messages, access tokens, faults, build time', () => {
  it('records what each order acknowledgement message did', async () => {
    const t = await sandboxAt();
    const plan = findOrder(t, 'UNSHIPPED', (p) => p.itemCount >= 2 && !(p.partialShipMs === p.partialShipMs));
    const items = plannedItems(t.sandbox.dataset.seed, plan, t.sandbox.dataset.catalog);
    const [first, second] = [items[0]!.orderItemId, items[1]!.orderItemId];
    const one = await submitFeed(
      t,
      ackXml([{ orderId: plan.orderId, items: [{ code: first, reason: 'NoInventory' }] }]),
    );
    await runFeed(t, one);
    const two = await submitFeed(
      t,
      ackXml([
        {
          orderId: plan.orderId,
          items: [
            { code: first, reason: 'NoInventory' },
            { code: second, reason: 'NoInventory' },
          ],
        },
        { orderId: plan.orderId, items: [{ code: '99999999999999', reason: 'NoInventory' }] },
        { orderId: plan.orderId, status: 'Success', items: [] },
      ]),
    );
    await runFeed(t, two);
    const records = new Map(t.sandbox.feeds().map((f) => [f.feedId, f]));
    expect(records.get(one)!.messages).toEqual([
      {
        messageId: '1',
        orderId: plan.orderId,
        statusCode: 'Failure',
        itemCodes: [first],
        outcome: 'applied',
      },
    ]);
    // Only the line this message cancelled counts as applied; the one already cancelled only warned.
    expect(records.get(two)!.messages).toEqual([
      {
        messageId: '1',
        orderId: plan.orderId,
        statusCode: 'Failure',
        itemCodes: [second],
        outcome: 'applied',
      },
      {
        messageId: '2',
        orderId: plan.orderId,
        statusCode: 'Failure',
        itemCodes: ['99999999999999'],
        outcome: 'error',
      },
      {
        messageId: '3',
        orderId: plan.orderId,
        statusCode: 'Success',
        itemCodes: [],
        outcome: 'acknowledged',
      },
    ]);
  });

  it('expireAccessTokens makes every issued token answer 403 expired until a new one is fetched', async () => {
    const t = await sandboxAt();
    const old = t.token;
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      200,
    );
    t.sandbox.expireAccessTokens();
    const refused = await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA');
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toMatch(/expired/i);
    // An offset moving Amazon's clock back does not bring the old token back to life.
    t.sandbox.setClockOffset(-2 * hours(1));
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      403,
    );
    t.sandbox.setClockOffset(0);
    expect(await t.refreshToken()).not.toBe(old);
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      200,
    );
  });

  it('clearFaults drops every queued fault', async () => {
    const t = await sandboxAt();
    t.sandbox.injectFault({ kind: '500', count: 3 });
    t.sandbox.injectFault({ kind: '429', operation: 'getFeeds' });
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      500,
    );
    t.sandbox.clearFaults();
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      200,
    );
    expect((await t.get('/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA')).status).toBe(
      200,
    );
  });

  it('a 429 fault with retryAfterSeconds answers with a Retry-After header; without, none', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, orderCount: 40, control: true });
    const path = '/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA';
    t.sandbox.injectFault({ kind: '429', operation: 'getFeeds', retryAfterSeconds: 7 });
    const limited = await t.get(path);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    t.sandbox.injectFault({ kind: '429', operation: 'getFeeds' });
    const plain = await t.get(path);
    expect(plain.status).toBe(429);
    expect(plain.headers.get('retry-after')).toBeNull();
    // Through the control route too; retryAfterSeconds belongs to 429s only.
    const post = (body: unknown) =>
      t.sandbox.fetch(
        new Request('https://sellingpartnerapi-na.amazon.com/_sandbox/faults', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    expect((await post({ kind: '429', operation: 'getFeeds', retryAfterSeconds: 2 })).status).toBe(200);
    expect((await t.get(path)).headers.get('retry-after')).toBe('2');
    expect((await post({ kind: '500', retryAfterSeconds: 2 })).status).toBe(400);
    expect((await post({ kind: '429', retryAfterSeconds: -1 })).status).toBe(400);
    expect((await post({ kind: '429', retryAfterSeconds: 1.5 })).status).toBe(400);
  });
});

function hours(count: number): number {
  return count * 3_600_000;
}
