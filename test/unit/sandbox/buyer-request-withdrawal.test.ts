import { describe, expect, it } from 'vitest';
import { ANCHOR, isoAt, makeSandbox, type TestSandbox } from './sandbox-test-client';

const HOUR = 3_600_000;
const RAISING = { openAgesHours: [2, 20, 40, 47] };

type Item = { cancellation?: { cancellationRequest?: { requester: string } } };
type Order = { orderId: string; lastUpdatedTime: string; orderItems: Item[] };

async function getOrder(t: TestSandbox, orderId: string): Promise<Order> {
  await t.refreshToken();
  const body = await t.json<{ order: Order }>(
    `/orders/2026-01-01/orders/${orderId}?includedData=CANCELLATION,FULFILLMENT`,
  );
  return body.order;
}

const requested = (order: Order) => order.orderItems.some((i) => i.cancellation?.cancellationRequest);

describe('a buyer withdraws a cancellation request at the sandbox', () => {
  it('drops the request from getOrder while lastUpdatedTime stays, so a poll by lastUpdatedAfter misses it', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 1,
      orderCount: 450,
      buyerCancellationRequests: RAISING,
    });
    const plan = t.sandbox.dataset.plans.find((p) => p.buyerRequestMs === ANCHOR - 2 * HOUR)!;
    t.clock.advance(HOUR);
    const before = await getOrder(t, plan.orderId);
    expect(requested(before)).toBe(true);

    expect(t.sandbox.world.buyerWithdrawsRequest(plan.orderId)).toBe(true);
    t.clock.advance(10 * 60_000);
    const after = await getOrder(t, plan.orderId);
    expect(requested(after)).toBe(false);
    expect(after.lastUpdatedTime).toBe(before.lastUpdatedTime);

    const poll = await t.json<{ orders: Order[] }>(
      `/orders/2026-01-01/orders?lastUpdatedAfter=${isoAt(ANCHOR + HOUR - 60_000)}&marketplaceIds=ATVPDKIKX0DER,A2EUQ1WTGCTBG2,A1F83G8C2ARO7P,A1PA6795UKMFR9&includedData=CANCELLATION`,
    );
    expect(poll.orders.map((o) => o.orderId)).not.toContain(plan.orderId);
  });

  it('refuses a withdrawal where there is no open request, and a second one', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 1,
      orderCount: 450,
      buyerCancellationRequests: RAISING,
    });
    const plan = t.sandbox.dataset.plans.find((p) => p.buyerRequestMs === ANCHOR - 20 * HOUR)!;
    const never = t.sandbox.dataset.plans.find(
      (p) => !(p.buyerRequestMs === p.buyerRequestMs) && p.fulfilledBy === 'MERCHANT' && p.createdMs < ANCHOR,
    )!;
    t.clock.advance(60_000);
    expect(t.sandbox.world.buyerWithdrawsRequest(never.orderId)).toBe(false);
    expect(t.sandbox.world.buyerWithdrawsRequest(plan.orderId)).toBe(true);
    t.clock.advance(60_000);
    expect(t.sandbox.world.buyerWithdrawsRequest(plan.orderId)).toBe(false);
    // The order itself goes on as planned: still open, the seller may ship it.
    expect(t.sandbox.world.shipElsewhere(plan.orderId)).toBe(true);
  });
});
