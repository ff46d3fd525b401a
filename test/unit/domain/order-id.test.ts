import { findOrderId, isOrderId, ORDER_ID_EXACT } from '../../../lib/domain/order-id';

describe('order ids', () => {
  it('accepts exactly the 3-7-7 digit shape', () => {
    expect(isOrderId('113-4567890-1234567')).toBe(true);
    expect(ORDER_ID_EXACT.test('113-4567890-1234567')).toBe(true);
    for (const value of ['113-4567890-123456', '1113-4567890-1234567', ' 113-4567890-1234567', 'x'])
      expect(isOrderId(value)).toBe(false);
  });

  it('finds an id that minified markup runs into the next word', () => {
    // textContent of "<div>Order ID:</div><a>111-2223334-4445556</a><span>Unshipped</span>" with no whitespace
    expect(findOrderId('Order ID:111-2223334-4445556Unshipped')).toBe('111-2223334-4445556');
    expect(findOrderId('Buyer:J. Doe111-2223334-4445556')).toBe('111-2223334-4445556');
  });

  it('never reads part of a longer digit run as an id', () => {
    // A date in front ("2026") makes the digits before the id part of one run: not safely an id.
    expect(findOrderId('Nov 30, 2026111-2223334-4445556Unshipped')).toBeUndefined();
    expect(findOrderId('111-2223334-44455567')).toBeUndefined();
    expect(findOrderId(null)).toBeUndefined();
    expect(findOrderId('no id here')).toBeUndefined();
  });
});
