import { filterOrders, matchesOrderQuery } from '../../../lib/store/order-query';
import { storedOrder } from './stored-order-fixture';

const prime = storedOrder({
  orderId: '111-0000001-0000001',
  isPrime: true,
  status: 'UNSHIPPED',
  purchaseDate: '2026-03-03T00:00:00Z',
  searchText: '111-0000001-0000001 mug-blue b0mug00001 blue coffee mug',
});
const business = storedOrder({
  orderId: '111-0000002-0000002',
  isBusiness: true,
  status: 'SHIPPED',
  purchaseDate: '2026-03-01T00:00:00Z',
  searchText: '111-0000002-0000002 pen-red b0pen00002 red gel pen',
});
const businessPrime = storedOrder({
  orderId: '111-0000003-0000003',
  isBusiness: true,
  isPrime: true,
  status: 'PENDING',
  purchaseDate: '2026-03-04T00:00:00Z',
  searchText: '111-0000003-0000003 desk-lamp b0lamp0003 desk lamp',
});
const secondDay = storedOrder({
  orderId: '111-0000004-0000004',
  serviceLevel: 'SECOND_DAY',
  status: 'UNSHIPPED',
  purchaseDate: '2026-03-02T00:00:00Z',
  searchText: '111-0000004-0000004 mug-red b0mug00004 red coffee mug',
});
const standard = storedOrder({
  orderId: '111-0000005-0000005',
  status: 'CANCELLED',
  purchaseDate: '2026-02-28T00:00:00Z',
  searchText: '111-0000005-0000005 notebook b0note0005 notebook',
});
const all = [prime, business, businessPrime, secondDay, standard];
const ids = (orders: { orderId: string }[]) => orders.map((order) => order.orderId);

describe('filterOrders', () => {
  it('returns every order newest first for an empty query', () => {
    expect(ids(filterOrders(all, {}))).toEqual([
      businessPrime.orderId,
      prime.orderId,
      secondDay.orderId,
      business.orderId,
      standard.orderId,
    ]);
  });

  it.each([
    ['order id', '0000002-0000002', [business.orderId]],
    ['SKU, any case', 'MUG-BLUE', [prime.orderId]],
    ['ASIN', 'b0lamp0003', [businessPrime.orderId]],
    ['title words', 'coffee mug', [prime.orderId, secondDay.orderId]],
    ['surrounding spaces', '  notebook ', [standard.orderId]],
    ['nothing', 'kettle', []],
  ])('matches text by %s', (_label, text, expected) => {
    expect(ids(filterOrders(all, { text }))).toEqual(expected);
  });

  it('matches any of several statuses', () => {
    expect(ids(filterOrders(all, { statuses: ['SHIPPED', 'CANCELLED'] }))).toEqual([
      business.orderId,
      standard.orderId,
    ]);
  });

  it.each([
    ['prime', [businessPrime.orderId, prime.orderId]],
    ['business', [businessPrime.orderId, business.orderId]],
    ['business-prime', [businessPrime.orderId]],
    ['second-day', [secondDay.orderId]],
    ['standard', [standard.orderId]],
  ] as const)('filters sub-type %s', (subType, expected) => {
    expect(ids(filterOrders(all, { subTypes: [subType] }))).toEqual(expected);
  });

  it('ORs within sub-types and ANDs the groups together', () => {
    expect(ids(filterOrders(all, { subTypes: ['second-day', 'business'] }))).toEqual([
      businessPrime.orderId,
      secondDay.orderId,
      business.orderId,
    ]);
    expect(
      ids(filterOrders(all, { text: 'mug', statuses: ['UNSHIPPED'], subTypes: ['second-day', 'business'] })),
    ).toEqual([secondDay.orderId]);
    expect(ids(filterOrders(all, { text: 'lamp', statuses: ['SHIPPED'] }))).toEqual([]);
  });

  it('treats empty status and sub-type lists as no filter', () => {
    expect(filterOrders(all, { statuses: [], subTypes: [] })).toHaveLength(all.length);
  });

  it('does not change the input array', () => {
    const input = [...all];
    filterOrders(input, { text: 'mug' });
    expect(input).toEqual(all);
  });
});

describe('matchesOrderQuery', () => {
  it('agrees with filterOrders for one order', () => {
    expect(matchesOrderQuery(prime, { text: 'blue', subTypes: ['prime'], statuses: ['UNSHIPPED'] })).toBe(
      true,
    );
    expect(matchesOrderQuery(prime, { text: 'blue', subTypes: ['business'] })).toBe(false);
  });
});
