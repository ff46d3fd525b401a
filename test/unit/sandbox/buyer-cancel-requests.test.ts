import { describe, expect, it } from 'vitest';
import {
  MANY_LINES_ITEM_COUNT,
  MARKUP_REQUEST_REASON,
  MULTILINGUAL_REQUEST_REASONS,
} from '../../../lib/sandbox/buyer-cancel-requests';
import { buildOrderDataset } from '../../../lib/sandbox/order-dataset';
import { buildOrderReport, orderReportColumns } from '../../../lib/sandbox/order-report-file';
import { lastUpdatedAt, type OrderPlan } from '../../../lib/sandbox/order-timeline';
import { createModelValidator } from '../../contract/model-validator';
import { modelsAvailable } from '../../contract/models-location.mjs';
import { ANCHOR, makeSandbox, type TestSandbox } from './sandbox-test-client';

const HOUR = 3_600_000;
const RAISING = { openAgesHours: [2, 20, 40, 47] };
// Checked against Amazon's model where the models are beside the checkout (always in CI); a clone
// without them lists this check as not run (scripts/test-all.mjs), as for every sandbox response.
const orders = modelsAvailable() ? createModelValidator('orders_2026-01-01.json') : undefined;
const BY_UPDATE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL';
const BY_DATE = 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL';

function requested(plans: readonly OrderPlan[]) {
  return plans.filter((p) => p.buyerRequestMs === p.buyerRequestMs);
}

async function getOrderText(t: TestSandbox, orderId: string) {
  // The clock jumps hours between reads: a fresh token each time.
  await t.refreshToken();
  const res = await t.get(`/orders/2026-01-01/orders/${orderId}?includedData=CANCELLATION,FULFILLMENT`);
  const text = await res.text();
  if (orders) expect(orders.validateResponse('getOrder', res.status, JSON.parse(text))).toEqual([]);
  return text;
}

type ApiItem = { cancellation?: { cancellationRequest?: { requester: string; cancelReason: string } } };

async function apiOrder(t: TestSandbox, orderId: string) {
  return JSON.parse(await getOrderText(t, orderId)).order as {
    lastUpdatedTime: string;
    orderItems: ApiItem[];
  };
}

describe('buyer cancellation requests raised by the sandbox', () => {
  it('raises them at a seeded pace: same seed same requests, another seed others, off by default', () => {
    const a = requested(buildOrderDataset(5, 600, ANCHOR, {}).plans);
    const b = requested(buildOrderDataset(5, 600, ANCHOR, {}).plans);
    const other = requested(buildOrderDataset(6, 600, ANCHOR, {}).plans);
    const off = requested(buildOrderDataset(5, 600, ANCHOR).plans);
    expect(a.map((p) => [p.orderId, p.buyerRequestMs, p.buyerRequestReason])).toEqual(
      b.map((p) => [p.orderId, p.buyerRequestMs, p.buyerRequestReason]),
    );
    expect(a.map((p) => p.orderId)).not.toEqual(other.map((p) => p.orderId));
    // More than the generated timelines alone, some on Amazon-fulfilled orders, some after the anchor.
    expect(a.length).toBeGreaterThan(off.length + 20);
    expect(a.some((p) => p.fulfilledBy === 'AMAZON')).toBe(true);
    expect(a.filter((p) => p.buyerRequestMs > ANCHOR).length).toBeGreaterThan(3);
    // Each request is an instant of the plan (lastUpdatedTime moves to it) while nothing has shipped.
    for (const p of a) {
      expect(p.events).toContain(p.buyerRequestMs);
      expect(lastUpdatedAt(p, p.buyerRequestMs)).toBe(p.buyerRequestMs);
      expect(p.buyerRequestMs < p.shippedMs || !(p.shippedMs === p.shippedMs)).toBe(true);
    }
  });

  it('words them in several languages, one with markup, one on a 6-line order, one Seller Fulfilled Prime', () => {
    const raised = requested(buildOrderDataset(5, 600, ANCHOR, {}).plans);
    const reasons = new Set(raised.map((p) => p.buyerRequestReason));
    for (const reason of MULTILINGUAL_REQUEST_REASONS) expect(reasons).toContain(reason);
    expect(raised.some((p) => p.itemCount >= MANY_LINES_ITEM_COUNT)).toBe(true);
    expect(raised.some((p) => p.prime && p.fulfilledBy === 'MERCHANT' && p.buyerRequestMs > ANCHOR)).toBe(
      true,
    );
    expect(
      raised.some((p) => p.buyerRequestReason === MARKUP_REQUEST_REASON && p.buyerRequestMs > ANCHOR),
    ).toBe(true);
  });

  it('reports the reason verbatim (JSON-escaped only) once the clock reaches it, bumping lastUpdatedTime', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 5,
      orderCount: 600,
      buyerCancellationRequests: {},
    });
    const plan = t.sandbox.dataset.plans.find(
      (p) => p.buyerRequestReason === MARKUP_REQUEST_REASON && p.buyerRequestMs > ANCHOR,
    )!;
    t.clock.set(plan.buyerRequestMs - 1000);
    const before = await apiOrder(t, plan.orderId);
    expect(before.orderItems.some((i) => i.cancellation?.cancellationRequest)).toBe(false);
    t.clock.set(plan.buyerRequestMs + 1000);
    const text = await getOrderText(t, plan.orderId);
    expect(text).toContain(JSON.stringify(MARKUP_REQUEST_REASON));
    const after = JSON.parse(text).order as { lastUpdatedTime: string; orderItems: ApiItem[] };
    expect(Date.parse(after.lastUpdatedTime)).toBe(Math.floor(plan.buyerRequestMs / 1000) * 1000);
    expect(Date.parse(after.lastUpdatedTime)).toBeGreaterThan(Date.parse(before.lastUpdatedTime));
    expect(after.orderItems[0]!.cancellation!.cancellationRequest).toEqual({
      requester: 'BUYER',
      cancelReason: MARKUP_REQUEST_REASON,
    });
    // Non-Latin words come through unchanged too.
    const japanese = t.sandbox.dataset.plans.find(
      (p) =>
        p.buyerRequestReason === MULTILINGUAL_REQUEST_REASONS[2] && p.buyerRequestMs > plan.buyerRequestMs,
    )!;
    t.clock.set(japanese.buyerRequestMs + 1000);
    expect(await getOrderText(t, japanese.orderId)).toContain(MULTILINGUAL_REQUEST_REASONS[2]);
  });

  it('closes a request when the order ships (no longer on the lines) and bumps lastUpdatedTime', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 5,
      orderCount: 600,
      buyerCancellationRequests: {},
    });
    const plan = t.sandbox.dataset.plans.find(
      (p) =>
        p.buyerRequestMs > ANCHOR &&
        p.buyerRequestLines === undefined &&
        p.shippedMs === p.shippedMs &&
        !(p.partialShipMs === p.partialShipMs),
    )!;
    t.clock.set(plan.shippedMs - 1000);
    expect(
      (await apiOrder(t, plan.orderId)).orderItems.every((i) => i.cancellation?.cancellationRequest),
    ).toBe(true);
    t.clock.set(plan.shippedMs + 1000);
    const shipped = await apiOrder(t, plan.orderId);
    expect(shipped.orderItems.some((i) => i.cancellation?.cancellationRequest)).toBe(false);
    expect(Date.parse(shipped.lastUpdatedTime)).toBe(Math.floor(plan.shippedMs / 1000) * 1000);
  });

  it('closes a request when Amazon cancels the order: the execution is set and lastUpdatedTime moves', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 5,
      orderCount: 600,
      buyerCancellationRequests: RAISING,
    });
    const open = t.sandbox.dataset.plans.find((p) => p.buyerRequestMs === ANCHOR - 2 * HOUR)!;
    t.clock.advance(60_000);
    expect(t.sandbox.world.amazonCancelsOrder(open.orderId)).toBe(true);
    const order = (await apiOrder(t, open.orderId)) as {
      lastUpdatedTime: string;
      orderItems: { cancellation?: { cancellationExecution?: unknown } }[];
    };
    expect(order.orderItems.every((i) => i.cancellation?.cancellationExecution)).toBe(true);
    expect(Date.parse(order.lastUpdatedTime)).toBe(ANCHOR + 60_000);
  });

  it('opens the demo requests at the asked ages before the anchor and keeps them open', async () => {
    const t = await makeSandbox({
      enforceRateLimits: false,
      seed: 1,
      orderCount: 450,
      buyerCancellationRequests: RAISING,
    });
    t.clock.advance(HOUR);
    for (const age of RAISING.openAgesHours) {
      const plan = t.sandbox.dataset.plans.find((p) => p.buyerRequestMs === ANCHOR - age * HOUR);
      expect(plan, `request ${age} h old`).toBeDefined();
      const order = await apiOrder(t, plan!.orderId);
      expect(order.orderItems.every((i) => i.cancellation?.cancellationRequest?.requester === 'BUYER')).toBe(
        true,
      );
      expect(Date.parse(order.lastUpdatedTime)).toBe(ANCHOR - age * HOUR);
    }
  });

  it('fills the report columns for requested lines in the by-last-update report; can omit them; by-date never has them', () => {
    const dataset = buildOrderDataset(1, 450, ANCHOR, RAISING);
    const plan = dataset.plans.find((p) => p.buyerRequestMs === ANCHOR - 20 * HOUR)!;
    const other = dataset.plans.find(
      (p) => !(p.buyerRequestMs === p.buyerRequestMs) && p.createdMs < ANCHOR,
    )!;
    const rows = (text: string) => {
      const [header, ...lines] = text
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
      return lines.map((l) => Object.fromEntries(header!.map((h, i) => [h, l[i]])));
    };
    const withColumns = rows(buildOrderReport(dataset, BY_UPDATE, [plan, other], ANCHOR));
    const requestedRow = withColumns.find((r) => r['amazon-order-id'] === plan.orderId)!;
    expect(requestedRow['is-buyer-requested-cancellation']).toBe('true');
    expect(requestedRow['buyer-requested-cancel-reason']).toBe(plan.buyerRequestReason);
    expect(
      withColumns.find((r) => r['amazon-order-id'] === other.orderId)!['is-buyer-requested-cancellation'],
    ).toBe('false');
    const omitted = buildOrderReport(dataset, BY_UPDATE, [plan], ANCHOR, { buyerCancelColumns: false });
    expect(omitted).not.toContain('is-buyer-requested-cancellation');
    expect(orderReportColumns(BY_DATE)).not.toContain('is-buyer-requested-cancellation');
    expect(buildOrderReport(dataset, BY_DATE, [plan], ANCHOR)).not.toContain(plan.buyerRequestReason);
  });
});
