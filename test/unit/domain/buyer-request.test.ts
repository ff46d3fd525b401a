import {
  formatDeadline,
  formatTimeLeft,
  isOverdue,
  isSellerFulfilledPrime,
  openBuyerCancelRequest,
  recentlyClosed,
  requestDeadline,
  requestQueue,
  timeLeft,
} from '../../../lib/domain/buyer-request';
import type { BuyerCancelRequest } from '../../../lib/domain/order';
import { storedOrder } from '../store/stored-order-fixture';

const HOUR = 3_600_000;
const request = (requestedAt: string, extra: Partial<BuyerCancelRequest> = {}): BuyerCancelRequest => ({
  firstSeenAt: requestedAt,
  requestedAt,
  ...extra,
});

describe('buyer request deadline', () => {
  it('is requestedAt plus the window, in UTC instants', () => {
    const deadline = requestDeadline(request('2026-03-01T10:00:00Z'), 48);
    expect(deadline).toBe('2026-03-03T10:00:00.000Z');
    expect(timeLeft(deadline, new Date('2026-03-02T10:00:00Z'))).toBe(24 * HOUR);
    expect(isOverdue(deadline, new Date('2026-03-03T09:59:59Z'))).toBe(false);
    expect(isOverdue(deadline, new Date('2026-03-03T10:00:00Z'))).toBe(true);
  });

  it('reads a request stored before requestedAt was kept from when it was first seen', () => {
    expect(requestDeadline({ firstSeenAt: '2026-03-01T10:00:00Z' }, 24)).toBe('2026-03-02T10:00:00.000Z');
  });

  it('gives 48 real hours across the spring DST change, shown in the seller’s zone', () => {
    // London springs forward on 29 March 2026: noon GMT + 48 h is 13:00 BST on the clock.
    const london = requestDeadline(request('2026-03-28T12:00:00Z'), 48);
    expect(london).toBe('2026-03-30T12:00:00.000Z');
    expect(timeLeft(london, new Date('2026-03-28T12:00:00Z'))).toBe(48 * HOUR);
    expect(formatDeadline(london, 'Europe/London')).toBe('Mon 30 Mar, 13:00 BST');
    // New York springs forward on 8 March 2026: noon EST + 48 h is 13:00 EDT.
    const newYork = requestDeadline(request('2026-03-07T17:00:00Z'), 48);
    expect(newYork).toBe('2026-03-09T17:00:00.000Z');
    expect(formatDeadline(newYork, 'America/New_York')).toBe('Mon 9 Mar, 13:00 GMT-4');
  });

  it('gives 48 real hours across the autumn DST change in both zones', () => {
    // London falls back on 25 October 2026: 13:00 BST + 48 h is 12:00 GMT.
    const london = requestDeadline(request('2026-10-24T12:00:00Z'), 48);
    expect(formatDeadline(london, 'Europe/London')).toBe('Mon 26 Oct, 12:00 GMT');
    // New York falls back on 1 November 2026: 13:00 EDT + 48 h is 12:00 EST.
    const newYork = requestDeadline(request('2026-10-31T17:00:00Z'), 48);
    expect(formatDeadline(newYork, 'America/New_York')).toBe('Mon 2 Nov, 12:00 GMT-5');
  });

  it('says the time left or how long past the window, in plain words', () => {
    expect(formatTimeLeft(46 * HOUR + 59 * 60_000)).toBe('46 h left');
    expect(formatTimeLeft(35 * 60_000)).toBe('35 min left');
    expect(formatTimeLeft(10_000)).toBe('1 min left');
    expect(formatTimeLeft(-3 * HOUR)).toBe('3 h past the response window');
  });
});

describe('request queue', () => {
  const now = new Date('2026-03-05T12:00:00Z');
  const orders = [
    storedOrder({ orderId: 'C', buyerCancelRequest: request('2026-03-05T00:00:00Z') }), // 36 h left
    storedOrder({ orderId: 'B', buyerCancelRequest: request('2026-03-02T00:00:00Z') }), // 36 h overdue
    storedOrder({ orderId: 'A', buyerCancelRequest: request('2026-03-05T00:00:00Z') }), // 36 h left, ties C
    storedOrder({ orderId: 'D', buyerCancelRequest: request('2026-03-03T06:00:00Z') }), // 6 h overdue
    storedOrder({ orderId: 'E', buyerCancelRequest: request('2026-03-04T00:00:00Z') }), // 12 h left
    storedOrder({ orderId: 'F' }),
    storedOrder({
      orderId: 'G',
      buyerCancelRequest: request('2026-03-01T00:00:00Z', {
        closed: { at: '2026-03-02T00:00:00Z', how: 'cancelled' },
      }),
    }),
  ];

  it('lists open requests overdue first (most overdue first), then by time left, ties by order id', () => {
    const queue = requestQueue(orders, now, 48);
    expect(queue.map((entry) => entry.order.orderId)).toEqual(['B', 'D', 'E', 'A', 'C']);
    expect(queue.map((entry) => entry.overdue)).toEqual([true, true, false, false, false]);
    expect(queue[2]?.msLeft).toBe(12 * HOUR);
    expect(queue[2]?.deadline).toBe('2026-03-06T00:00:00.000Z');
  });

  it('follows the window setting', () => {
    expect(requestQueue(orders, now, 168).every((entry) => !entry.overdue)).toBe(true);
  });

  it('marks Seller Fulfilled Prime orders (Prime, shipped by the seller) only', () => {
    expect(
      isSellerFulfilledPrime(storedOrder({ orderId: 'P', isPrime: true, fulfilledBy: 'MERCHANT' })),
    ).toBe(true);
    expect(isSellerFulfilledPrime(storedOrder({ orderId: 'P', isPrime: true, fulfilledBy: 'AMAZON' }))).toBe(
      false,
    );
    expect(isSellerFulfilledPrime(storedOrder({ orderId: 'P', isPrime: undefined }))).toBe(false);
    const sfp = storedOrder({
      orderId: 'P',
      isPrime: true,
      buyerCancelRequest: request('2026-03-05T00:00:00Z'),
    });
    expect(requestQueue([sfp], now, 48)[0]?.sellerFulfilledPrime).toBe(true);
  });

  it('treats only requests without `closed` as open', () => {
    expect(openBuyerCancelRequest(orders[6]!)).toBeUndefined();
    expect(openBuyerCancelRequest(orders[0]!)).toBe(orders[0]!.buyerCancelRequest);
  });
});

describe('recently closed requests', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const closedAt = (orderId: string, at: string, how: 'cancelled' | 'shipped' | 'withdrawn') =>
    storedOrder({ orderId, buyerCancelRequest: request('2026-03-01T00:00:00Z', { closed: { at, how } }) });

  it('lists requests closed within the last days, most recent first, with how each ended', () => {
    const orders = [
      closedAt('A', '2026-03-09T00:00:00Z', 'shipped'),
      closedAt('B', '2026-03-10T06:00:00Z', 'withdrawn'),
      closedAt('C', '2026-03-02T12:00:00Z', 'cancelled'), // 8 days ago: out of a 7-day list
      closedAt('D', '2026-03-03T12:00:00Z', 'cancelled'), // exactly 7 days: in
      storedOrder({ orderId: 'E', buyerCancelRequest: request('2026-03-09T00:00:00Z') }),
    ];
    const closed = recentlyClosed(orders, now, 7);
    expect(closed.map((entry) => [entry.order.orderId, entry.closed.how])).toEqual([
      ['B', 'withdrawn'],
      ['A', 'shipped'],
      ['D', 'cancelled'],
    ]);
  });
});
