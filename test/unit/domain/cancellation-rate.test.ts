import {
  CANCELLATION_RATE_EXPLANATION,
  cancellationRate,
  formatBasisPoints,
  type OrderForRate,
} from '../../../lib/domain/cancellation-rate';
import type { StoredOrder, StoredOrderItem } from '../../../lib/domain/order';
import type { CancelAction } from '../../../lib/domain/outbox-action';
import { storedItem, storedOrder } from '../store/stored-order-fixture';

const NOW = new Date('2026-03-10T12:00:00Z');
const entry = (
  orderId: string,
  overrides: Partial<StoredOrder> = {},
  items: StoredOrderItem[] = [storedItem(orderId, `${orderId}-1`)],
): OrderForRate => ({
  order: storedOrder({ orderId, purchaseDate: '2026-03-08T10:00:00Z', ...overrides }),
  items,
});
const cancelAction = (orderId: string, reason: CancelAction['reason']) =>
  ({ kind: 'cancel', orderId, reason, status: 'done' }) as CancelAction;

describe('cancellation rate', () => {
  it('counts seller cancels over all orders of the last 7 days, in basis points', () => {
    const orders = [
      entry('1', { status: 'CANCELLED' }),
      entry('2', {
        status: 'CANCELLED',
        cancelledOutsideManager: { seenAt: '2026-03-09T00:00:00Z', cancelledBy: 'MERCHANT' },
      }),
      entry('3'),
      ...Array.from({ length: 37 }, (_, n) => entry(`x${n}`)),
    ];
    const rate = cancellationRate(orders, [cancelAction('1', 'NoInventory')], NOW);
    expect(rate).toMatchObject({
      sellerCancelled: 2,
      orders: 40,
      basisPoints: 500,
      overTarget: true,
      targetBasisPoints: 250,
    });
    expect(formatBasisPoints(rate.basisPoints)).toBe('5.00 %');
  });

  it('leaves out cancels the buyer asked for, however the extension knows it', () => {
    const orders = [
      entry('flag', {
        status: 'CANCELLED',
        buyerCancelRequest: {
          firstSeenAt: '2026-03-08T11:00:00Z',
          closed: { at: '2026-03-09T00:00:00Z', how: 'cancelled' },
        },
        cancelledOutsideManager: { seenAt: '2026-03-09T00:00:00Z', cancelledBy: 'MERCHANT' },
      }),
      entry('line', { status: 'CANCELLED' }, [
        storedItem('line', 'l1', { cancelRequest: { requester: 'BUYER' }, cancelledBy: 'MERCHANT' }),
      ]),
      entry('buyer', { status: 'CANCELLED' }, [storedItem('buyer', 'b1', { cancelledBy: 'BUYER' })]),
      entry('amazon', { status: 'CANCELLED' }, [storedItem('amazon', 'a1', { cancelledBy: 'AMAZON' })]),
      entry('open'),
    ];
    const rate = cancellationRate(orders, [], NOW);
    expect(rate).toMatchObject({
      sellerCancelled: 0,
      orders: 5,
      basisPoints: 0,
      buyerRequestedExcluded: 2,
      overTarget: false,
    });
  });

  it('counts "Buyer cancelled" on an order nobody asked about, and a cancel after the buyer withdrew', () => {
    const orders = [
      entry('reason-only', { status: 'CANCELLED' }),
      entry('withdrawn', {
        status: 'CANCELLED',
        buyerCancelRequest: {
          firstSeenAt: '2026-03-08T11:00:00Z',
          closed: { at: '2026-03-08T20:00:00Z', how: 'withdrawn' },
        },
      }),
      ...Array.from({ length: 8 }, (_, n) => entry(`x${n}`)),
    ];
    const rate = cancellationRate(
      orders,
      [cancelAction('reason-only', 'BuyerCanceled'), cancelAction('withdrawn', 'NoInventory')],
      NOW,
    );
    expect(rate).toMatchObject({
      sellerCancelled: 2,
      orders: 10,
      basisPoints: 2000,
      buyerRequestedExcluded: 0,
    });
  });

  it('is 0 with no orders in the period', () => {
    expect(cancellationRate([], [], NOW)).toMatchObject({ basisPoints: 0, orders: 0, sellerCancelled: 0 });
  });

  it('takes orders placed exactly 7 days ago and none before', () => {
    const orders = [
      entry('edge', { status: 'CANCELLED', purchaseDate: '2026-03-03T12:00:00Z' }),
      entry('before', { status: 'CANCELLED', purchaseDate: '2026-03-03T11:59:59Z' }),
      entry('kept', { purchaseDate: '2026-03-10T11:00:00Z' }),
    ];
    const rate = cancellationRate(
      orders,
      [cancelAction('edge', 'NoInventory'), cancelAction('before', 'NoInventory')],
      NOW,
    );
    expect(rate).toMatchObject({ orders: 2, sellerCancelled: 1, basisPoints: 5000 });
  });

  it('does not count a cancel still waiting for Amazon', () => {
    const pending = { ...cancelAction('1', 'NoInventory'), status: 'pending' } as CancelAction;
    expect(cancellationRate([entry('1')], [pending], NOW).sellerCancelled).toBe(0);
  });

  it('explains how it is counted in plain words', () => {
    expect(CANCELLATION_RATE_EXPLANATION).toMatch(/last 7 days/);
    expect(CANCELLATION_RATE_EXPLANATION).toMatch(/buyer asked for are left out/);
    expect(CANCELLATION_RATE_EXPLANATION).toMatch(/estimate/);
  });
});
