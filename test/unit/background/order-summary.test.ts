import { orderSummary } from '../../../lib/background/order-summary';
import { orderSummarySchema } from '../../../lib/messaging';
import type { CancelAction } from '../../../lib/outbox/outbox-records';
import { storedOrder } from '../store/stored-order-fixture';

const ID = '111-1234567-1234567';

function action(overrides: Partial<CancelAction>): CancelAction {
  return {
    kind: 'cancel',
    id: overrides.id ?? 'a1',
    orderId: ID,
    marketplaceId: 'ATVPDKIKX0DER',
    lines: [{ orderItemId: '1', quantity: 1 }],
    wholeOrder: true,
    reason: 'NoInventory',
    createdAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    status: 'pending',
    ...overrides,
  };
}

describe('order summary for Seller Central pages', () => {
  it('says when the manager does not know the order', () => {
    expect(orderSummary(ID, undefined, [], false)).toEqual({ orderId: ID, known: false, demo: false });
  });

  it('shows a pending cancel before an older failed one, with the memo', () => {
    const summary = orderSummary(
      ID,
      storedOrder({ orderId: ID }),
      [
        action({
          id: 'old',
          status: 'failed',
          resultText: 'Shipped already',
          createdAt: '2026-11-25T10:00:00Z',
        }),
        action({ id: 'new', status: 'pending', memo: 'Out of stock at the warehouse' }),
      ],
      false,
    );
    expect(summary).toMatchObject({
      known: true,
      status: 'UNSHIPPED',
      cancel: { status: 'pending', reason: 'NoInventory' },
      memo: 'Out of stock at the warehouse',
    });
    expect(orderSummarySchema.parse(summary)).toEqual(summary);
  });

  it('carries a cancel made outside the manager and a buyer request', () => {
    const summary = orderSummary(
      ID,
      storedOrder({
        orderId: ID,
        status: 'CANCELLED',
        cancelledOutsideManager: { seenAt: '2026-11-26T09:00:00Z' },
        buyerCancelRequest: { reason: 'Found it cheaper', firstSeenAt: '2026-11-25T09:00:00Z' },
      }),
      [],
      true,
    );
    expect(summary).toMatchObject({
      status: 'CANCELLED',
      demo: true,
      cancelledOutsideManager: { seenAt: '2026-11-26T09:00:00Z' },
      buyerCancelRequest: { reason: 'Found it cheaper' },
    });
    expect(summary.cancel).toBeUndefined();
  });
});
