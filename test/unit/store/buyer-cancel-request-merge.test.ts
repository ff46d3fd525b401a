import type { BuyerCancelRequest, OrderStatus, StoredOrder } from '../../../lib/domain/order';
import { mergeOrder } from '../../../lib/store/order-merge';
import { storedOrderSchema } from '../../../lib/store/stored-order-schema';
import { storedOrder } from './stored-order-fixture';

const OPEN: BuyerCancelRequest = {
  reason: 'Ordered by mistake',
  firstSeenAt: '2026-03-01T11:00:00Z',
  requestedAt: '2026-03-01T10:05:00Z',
};

/** A later sync's version of order A (lastUpdated and sighting both later than the stored one). */
function later(
  status: OrderStatus,
  request: BuyerCancelRequest | undefined,
  detailLevel: 'full' | 'report' = 'full',
): StoredOrder {
  return storedOrder({
    orderId: 'A',
    status,
    detailLevel,
    lastUpdated: '2026-03-02T08:00:00Z',
    firstReported: { at: '2026-03-02T09:00:00.000Z', source: { kind: 'search', syncRunId: 'run-2' } },
    ...(request ? { buyerCancelRequest: request } : {}),
  });
}

function merged(existing: StoredOrder, incoming: StoredOrder): BuyerCancelRequest | undefined {
  const outcome = mergeOrder(existing, incoming);
  if (outcome.kind !== 'update') throw new Error(`expected an update, got ${outcome.kind}`);
  return outcome.order.buyerCancelRequest;
}

const stored = storedOrder({ orderId: 'A', buyerCancelRequest: OPEN });

describe('buyer cancellation request across syncs', () => {
  it('keeps the earliest firstSeenAt and requestedAt when a later sync sees the request again', () => {
    const again = later('UNSHIPPED', {
      reason: 'Ordered by mistake',
      firstSeenAt: '2026-03-02T09:00:00.000Z',
      requestedAt: '2026-03-02T08:00:00Z',
    });
    expect(merged(stored, again)).toEqual(OPEN);
  });

  it('reads requestedAt as firstSeenAt on a request stored before requestedAt was kept', () => {
    const old = storedOrder({ orderId: 'A', buyerCancelRequest: { firstSeenAt: '2026-03-01T11:00:00Z' } });
    const again = later('UNSHIPPED', {
      firstSeenAt: '2026-03-02T09:00:00.000Z',
      requestedAt: '2026-03-02T08:00:00Z',
    });
    expect(merged(old, again)).toEqual({
      firstSeenAt: '2026-03-01T11:00:00Z',
      requestedAt: '2026-03-01T11:00:00Z',
    });
  });

  it.each([
    ['CANCELLED', 'cancelled'],
    ['SHIPPED', 'shipped'],
  ] as const)('closes the request as %s → %s, keeping it with its times', (status, how) => {
    expect(merged(stored, later(status, undefined))).toEqual({
      ...OPEN,
      closed: { at: '2026-03-02T08:00:00Z', how },
    });
  });

  it('closes as withdrawn when the Orders API no longer shows the request on an open order', () => {
    expect(merged(stored, later('UNSHIPPED', undefined))?.closed).toEqual({
      at: '2026-03-02T08:00:00Z',
      how: 'withdrawn',
    });
  });

  it('dates a withdrawal Amazon made without moving lastUpdatedTime at the re-read that saw it, not at the request', () => {
    // The re-read of the same version: lastUpdated is still the request's own time.
    const reread = { ...later('UNSHIPPED', undefined), lastUpdated: '2026-03-01T10:05:00Z' };
    expect(merged(stored, reread)?.closed).toEqual({ at: '2026-03-02T09:00:00.000Z', how: 'withdrawn' });
  });

  it('keeps the request open when a report (which may lack the request columns) says nothing', () => {
    expect(merged(stored, later('UNSHIPPED', undefined, 'report'))).toEqual(OPEN);
    expect(merged(stored, later('PARTIALLY_SHIPPED', undefined, 'report'))).toEqual(OPEN);
  });

  it('still closes the request when a report shows the order cancelled or shipped', () => {
    expect(merged(stored, later('CANCELLED', undefined, 'report'))?.closed?.how).toBe('cancelled');
    expect(merged(stored, later('SHIPPED', undefined, 'report'))?.closed?.how).toBe('shipped');
  });

  it('lets a report row that says yes open a request', () => {
    const none = storedOrder({ orderId: 'A' });
    const request = { firstSeenAt: '2026-03-02T09:00:00.000Z', requestedAt: '2026-03-02T08:00:00Z' };
    expect(merged(none, later('UNSHIPPED', request, 'report'))).toEqual(request);
  });

  it('keeps a closed request closed, with when it closed, through later syncs', () => {
    const closed = storedOrder({
      orderId: 'A',
      status: 'CANCELLED',
      buyerCancelRequest: { ...OPEN, closed: { at: '2026-03-01T12:00:00Z', how: 'cancelled' } },
    });
    expect(merged(closed, later('CANCELLED', undefined))).toEqual(closed.buyerCancelRequest);
  });

  it('never dates the close after the sync that saw it', () => {
    const ahead = { ...later('SHIPPED', undefined), lastUpdated: '2026-03-02T09:30:00Z' };
    expect(merged(stored, ahead)?.closed?.at).toBe('2026-03-02T09:00:00.000Z');
  });

  it('stores old shapes (no requestedAt) and closed requests; refuses an unknown way of closing', () => {
    expect(
      storedOrderSchema.safeParse(
        storedOrder({ orderId: 'A', buyerCancelRequest: { firstSeenAt: OPEN.firstSeenAt } }),
      ).success,
    ).toBe(true);
    const closed = { ...OPEN, closed: { at: '2026-03-02T08:00:00Z', how: 'shipped' } };
    expect(
      storedOrderSchema.safeParse(
        storedOrder({ orderId: 'A', buyerCancelRequest: closed as BuyerCancelRequest }),
      ).success,
    ).toBe(true);
    const odd = { ...OPEN, closed: { at: '2026-03-02T08:00:00Z', how: 'lost' } };
    expect(
      storedOrderSchema.safeParse({ ...storedOrder({ orderId: 'A' }), buyerCancelRequest: odd }).success,
    ).toBe(false);
  });

  it("keeps the seller's decline when a later sync sees the request again, and once it closes", () => {
    const declined = { at: '2026-03-01T12:00:00.000Z', memo: 'Already packed; shipping today' };
    const withDecline = storedOrder({ orderId: 'A', buyerCancelRequest: { ...OPEN, declined } });
    const again = later('UNSHIPPED', {
      reason: 'Ordered by mistake',
      firstSeenAt: '2026-03-02T09:00:00.000Z',
      requestedAt: '2026-03-02T08:00:00Z',
    });
    expect(merged(withDecline, again)).toEqual({ ...OPEN, declined });
    expect(merged(withDecline, later('SHIPPED', undefined))).toEqual({
      ...OPEN,
      declined,
      closed: { at: '2026-03-02T08:00:00Z', how: 'shipped' },
    });
  });

  it('stores a decline with its memo; refuses an empty or over-long memo', () => {
    const parse = (declined: unknown) =>
      storedOrderSchema.safeParse({
        ...storedOrder({ orderId: 'A' }),
        buyerCancelRequest: { ...OPEN, declined },
      }).success;
    expect(parse({ at: '2026-03-01T12:00:00.000Z', memo: 'Shipping today' })).toBe(true);
    expect(parse({ at: '2026-03-01T12:00:00.000Z', memo: '' })).toBe(false);
    expect(parse({ at: '2026-03-01T12:00:00.000Z', memo: 'x'.repeat(501) })).toBe(false);
    expect(parse({ at: 'yesterday', memo: 'Shipping today' })).toBe(false);
  });
});
