import { addMoney, formatMoney, parseMoney, toDecimalString } from '../../../lib/domain/money';

describe('money in minor units', () => {
  it('parses decimal strings without floating point error', () => {
    expect(parseMoney('49.99', 'USD')).toEqual({ amountMinor: 4999, currency: 'USD' });
    expect(parseMoney('0.1', 'EUR').amountMinor + parseMoney('0.2', 'EUR').amountMinor).toBe(30);
    expect(parseMoney('-5', 'GBP')).toEqual({ amountMinor: -500, currency: 'GBP' });
    expect(parseMoney('1234.50', 'CAD').amountMinor).toBe(123450);
  });

  it('uses the currency’s own number of decimals', () => {
    expect(parseMoney('1500', 'JPY')).toEqual({ amountMinor: 1500, currency: 'JPY' });
    expect(() => parseMoney('15.5', 'JPY')).toThrow(/decimals/);
    expect(parseMoney('1.234', 'KWD').amountMinor).toBe(1234);
  });

  it('rejects text that is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1,00', '1e3', '12.3.4', 'NaN']) {
      expect(() => parseMoney(bad, 'USD')).toThrow();
    }
  });

  it('writes feed amounts back exactly', () => {
    expect(toDecimalString({ amountMinor: 1999, currency: 'USD' })).toBe('19.99');
    expect(toDecimalString({ amountMinor: -5, currency: 'USD' })).toBe('-0.05');
    expect(toDecimalString({ amountMinor: 1500, currency: 'JPY' })).toBe('1500');
  });

  it('adds only the same currency', () => {
    expect(addMoney(parseMoney('1.10', 'USD'), parseMoney('2.20', 'USD')).amountMinor).toBe(330);
    expect(() => addMoney(parseMoney('1', 'USD'), parseMoney('1', 'EUR'))).toThrow(/USD and EUR/);
  });

  it('formats for people in the order’s currency', () => {
    expect(formatMoney({ amountMinor: 4999, currency: 'USD' }, 'en-US')).toBe('$49.99');
    expect(formatMoney({ amountMinor: 1500, currency: 'JPY' }, 'en-US')).toBe('¥1,500');
  });
});
