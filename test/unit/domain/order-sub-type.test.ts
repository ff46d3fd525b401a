import { isSecondDay, isSubTypeKnown, orderSubTypes } from '../../../lib/domain/order-sub-type';

describe('order sub-types', () => {
  it('puts a Prime and Business order in Prime, Business and Business Prime', () => {
    expect(orderSubTypes({ isPrime: true, isBusiness: true })).toEqual([
      'prime',
      'business',
      'business-prime',
    ]);
  });

  it('tells Prime alone from Business alone', () => {
    expect(orderSubTypes({ isPrime: true, isBusiness: false })).toEqual(['prime']);
    expect(orderSubTypes({ isPrime: false, isBusiness: true })).toEqual(['business']);
  });

  it('finds Second Day from the API and from report spellings', () => {
    expect(isSecondDay('SECOND_DAY')).toBe(true);
    expect(isSecondDay('SecondDay')).toBe(true);
    expect(isSecondDay('Second Day')).toBe(true);
    expect(isSecondDay('STANDARD')).toBe(false);
    expect(orderSubTypes({ isPrime: false, isBusiness: false, serviceLevel: 'SECOND_DAY' })).toEqual([
      'second-day',
    ]);
  });

  it('calls an order with none of them Standard', () => {
    expect(orderSubTypes({ isPrime: false, isBusiness: false, serviceLevel: 'STANDARD' })).toEqual([
      'standard',
    ]);
  });

  it('gives an order whose Prime flag is unknown no sub-type at all (unknown is not Standard)', () => {
    expect(orderSubTypes({ isBusiness: false })).toEqual([]);
    expect(orderSubTypes({ isBusiness: true, serviceLevel: 'SecondDay' })).toEqual([]);
    expect(isSubTypeKnown({ isPrime: undefined })).toBe(false);
    expect(isSubTypeKnown({ isPrime: false })).toBe(true);
  });
});
