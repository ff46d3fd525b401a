import { canMarkShipped, cancelEligibility } from '../../../lib/domain/cancel-eligibility';
import type { CancelAction } from '../../../lib/domain/outbox-action';
import { storedItem, storedOrder } from '../store/stored-order-fixture';

const ID = '111-0000001-0000001';
const action = (overrides: Partial<CancelAction>): CancelAction => ({
  kind: 'cancel',
  id: 'a1',
  orderId: ID,
  marketplaceId: 'ATVPDKIKX0DER',
  lines: [{ orderItemId: 'i1', quantity: 1 }],
  wholeOrder: false,
  reason: 'NoInventory',
  createdAt: '2026-11-20T10:00:00Z',
  status: 'pending',
  updatedAt: '2026-11-20T10:00:00Z',
  ...overrides,
});

describe('cancelEligibility', () => {
  const items = [storedItem(ID, 'i1', { quantityOrdered: 2, sku: 'S1' }), storedItem(ID, 'i2')];

  it.each(['PENDING', 'UNSHIPPED'] as const)('allows every line of a %s order', (status) => {
    const result = cancelEligibility(storedOrder({ orderId: ID, status }), items, []);
    expect(result).toEqual({
      canCancel: true,
      cancellableLines: [
        { orderItemId: 'i1', quantity: 2, quantityOrdered: 2, sku: 'S1' },
        { orderItemId: 'i2', quantity: 1, quantityOrdered: 1 },
      ],
    });
  });

  it('offers only the unshipped part of a partially shipped order', () => {
    const result = cancelEligibility(
      storedOrder({ orderId: ID, status: 'PARTIALLY_SHIPPED' }),
      [
        storedItem(ID, 'i1', { quantityOrdered: 3, quantityShipped: 1 }),
        storedItem(ID, 'i2', { quantityShipped: 1 }),
        storedItem(ID, 'i3', { cancelledBy: 'BUYER' }),
      ],
      [],
    );
    expect(result.cancellableLines).toEqual([{ orderItemId: 'i1', quantity: 2, quantityOrdered: 3 }]);
  });

  it.each([
    [
      'SHIPPED',
      undefined,
      /Already shipped — cancel is only possible before shipment is confirmed. Refund it in Seller Central instead./,
    ],
    ['CANCELLED', undefined, /Already cancelled/],
    ['PENDING_AVAILABILITY', undefined, /Only pending, unshipped or partially shipped/],
    ['UNFULFILLABLE', undefined, /Only pending, unshipped or partially shipped/],
    ['UNSHIPPED', 'AMAZON', /Fulfilled by Amazon orders cannot be cancelled here/],
  ] as const)('refuses a %s order (%s) and says why', (status, fulfilledBy, reason) => {
    const result = cancelEligibility(storedOrder({ orderId: ID, status, fulfilledBy }), items, []);
    expect(result.canCancel).toBe(false);
    expect(result.reason).toMatch(reason);
    expect(result.cancellableLines).toEqual([]);
  });

  it('excludes lines covered by a pending, done or under-review action; failed ones free them again', () => {
    const order = storedOrder({ orderId: ID });
    expect(cancelEligibility(order, items, [action({})]).cancellableLines.map((l) => l.orderItemId)).toEqual([
      'i2',
    ]);
    const all = action({
      lines: [
        { orderItemId: 'i1', quantity: 2 },
        { orderItemId: 'i2', quantity: 1 },
      ],
    });
    expect(cancelEligibility(order, items, [all])).toMatchObject({
      canCancel: false,
      reason: 'A cancellation is already pending',
    });
    expect(cancelEligibility(order, items, [{ ...all, status: 'needs-review' }]).reason).toMatch(/review/);
    expect(cancelEligibility(order, items, [{ ...all, status: 'done' }]).reason).toMatch(
      /Already cancelled from the order manager/,
    );
    expect(cancelEligibility(order, items, [{ ...all, status: 'failed' }]).canCancel).toBe(true);
    // Actions of other orders do not count.
    expect(cancelEligibility(order, items, [{ ...all, orderId: '111-0000009-0000009' }]).canCancel).toBe(
      true,
    );
  });

  it('says so when the lines are not loaded or nothing is left', () => {
    expect(cancelEligibility(storedOrder({ orderId: ID }), [], []).reason).toMatch(/not been loaded/);
    expect(
      cancelEligibility(storedOrder({ orderId: ID }), [storedItem(ID, 'i1', { quantityShipped: 1 })], [])
        .reason,
    ).toMatch(/Nothing left to cancel/);
  });
});

describe('canMarkShipped', () => {
  it('refuses cancelled and cancel-pending orders with the reason', () => {
    expect(canMarkShipped(storedOrder({ orderId: ID }), [])).toEqual({ canMarkShipped: true });
    expect(canMarkShipped(storedOrder({ orderId: ID, status: 'CANCELLED' }), [])).toMatchObject({
      canMarkShipped: false,
      reason: expect.stringMatching(/cancelled/),
    });
    expect(canMarkShipped(storedOrder({ orderId: ID }), [action({})]).reason).toMatch(
      /cancellation is pending/,
    );
    expect(
      canMarkShipped(storedOrder({ orderId: ID }), [action({ status: 'needs-review' })]).canMarkShipped,
    ).toBe(false);
    expect(
      canMarkShipped(storedOrder({ orderId: ID }), [action({ status: 'done', wholeOrder: true })])
        .canMarkShipped,
    ).toBe(false);
    expect(canMarkShipped(storedOrder({ orderId: ID }), [action({ status: 'failed' })]).canMarkShipped).toBe(
      true,
    );
  });
});
