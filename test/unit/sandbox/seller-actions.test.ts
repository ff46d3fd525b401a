import { buildOrderDataset } from '../../../lib/sandbox/order-dataset';
import { firstParcelLines, lastUpdatedAt, statusAt } from '../../../lib/sandbox/order-timeline';
import { applySellerCancellations, SellerActions } from '../../../lib/sandbox/seller-actions';

const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
const dataset = buildOrderDataset(1, 3000, ANCHOR);
const partlyShipped = dataset.plans.find(
  (p) => p.fulfilledBy === 'MERCHANT' && p.partialShipMs === p.partialShipMs && p.itemCount >= 2,
)!;

describe('seller actions overlay', () => {
  it('cancelling the unshipped lines of a partly shipped order completes it as SHIPPED at that time', () => {
    const plan = partlyShipped;
    const at = (plan.partialShipMs + plan.shippedMs) / 2;
    const rest = Array.from({ length: plan.itemCount }, (_, i) => i).filter(
      (l) => l >= firstParcelLines(plan),
    );
    const next = applySellerCancellations(
      plan,
      rest.map((line) => ({ line, atMs: at, reason: 'NoInventory' })),
    );
    expect(statusAt(next, at - 1)).toBe('PARTIALLY_SHIPPED');
    expect(statusAt(next, at)).toBe('SHIPPED');
    expect(next.shippedMs).toBe(at);
    expect(lastUpdatedAt(next, at + 1000)).toBe(at);
    // History before the cancellation is untouched.
    expect(statusAt(next, plan.partialShipMs - 1)).toBe(statusAt(plan, plan.partialShipMs - 1));
  });

  it('cancelling every line before shipment cancels the order and drops later events', () => {
    const plan = partlyShipped;
    const at = plan.partialShipMs - 60_000;
    const next = applySellerCancellations(
      plan,
      Array.from({ length: plan.itemCount }, (_, line) => ({ line, atMs: at, reason: 'RejectOrder' })),
    );
    expect(next).toMatchObject({ cancelledMs: at, cancelledBy: 'MERCHANT', cancelReason: 'RejectOrder' });
    expect(statusAt(next, at + 30 * 86_400_000)).toBe('CANCELLED');
    expect(next.events.every((e) => e <= at)).toBe(true);
  });

  it('records cancellations and listing quantities and swaps the plan into the data set', () => {
    const local = buildOrderDataset(2, 500, ANCHOR);
    const actions = new SellerActions(local);
    const plan = local.plans.find(
      (p) => p.fulfilledBy === 'MERCHANT' && p.itemCount >= 2 && p.shippedMs > ANCHOR,
    )!;
    actions.cancelLines(plan.orderId, [{ line: 0, atMs: ANCHOR, reason: 'NoInventory' }]);
    actions.cancelLines(plan.orderId, [{ line: 1, atMs: ANCHOR + 1000, reason: 'PricingError' }]);
    const now = local.byId(plan.orderId)!;
    expect(now.sellerCancellations?.map((c) => c.line)).toEqual([0, 1]);
    expect(actions.cancellationsOf(plan.orderId)).toHaveLength(2);
    expect(statusAt(now, ANCHOR + 1000)).toBe('CANCELLED');
    actions.setQuantity('SKU-1', 'ATVPDKIKX0DER', 0, ANCHOR);
    expect(actions.quantityOf('SKU-1', 'ATVPDKIKX0DER')).toEqual({ quantity: 0, atMs: ANCHOR });
    expect(actions.quantityOf('SKU-1', 'A2EUQ1WTGCTBG2')).toBeUndefined();
  });
});
