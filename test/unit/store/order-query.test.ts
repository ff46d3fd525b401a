import { ORDER_SUB_TYPES, type StoredOrder } from '../../../lib/domain/order';
import { filterOrders, matchesOrderQuery, viewOrders } from '../../../lib/store/order-query';
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

// Known only from the order report: no Prime flag, no ship-by. Stored by older versions as Standard.
const reportOnly = storedOrder({
  orderId: '114-5566778-8990011',
  isPrime: undefined,
  status: 'UNSHIPPED',
  detailLevel: 'report',
  purchaseDate: '2026-03-05T00:00:00Z',
  subTypes: ['standard'],
  searchText: '114-5566778-8990011 kettle-blk b0kettle01 black kettle',
});

describe('orders whose type is not known yet', () => {
  it.each(ORDER_SUB_TYPES)('are never under the %s sub-type, even when stored as Standard', (subType) => {
    expect(ids(filterOrders([...all, reportOnly], { subTypes: [subType] }))).not.toContain(
      reportOnly.orderId,
    );
  });

  it('still match search and status filters', () => {
    expect(ids(filterOrders([...all, reportOnly], { text: 'kettle', statuses: ['UNSHIPPED'] }))).toEqual([
      reportOnly.orderId,
    ]);
  });
});

describe('order id search', () => {
  it.each([
    ['without dashes', '11455667788990011'],
    ['with spaces', '114 5566778 8990011'],
    ['with dashes', '114-5566778-8990011'],
    ['part, without the dash', '55667788990'],
    ['surrounding spaces', ' 114-5566778 '],
  ])('finds the order %s', (_label, text) => {
    expect(ids(filterOrders([...all, reportOnly], { text }))).toEqual([reportOnly.orderId]);
  });

  it('keeps text search of SKUs with dashes exact', () => {
    expect(ids(filterOrders(all, { text: 'mug-red' }))).toEqual([secondDay.orderId]);
  });
});

describe('sorting', () => {
  const shipBy = (orderId: string, latest: string | undefined, extra: Partial<StoredOrder> = {}) =>
    storedOrder({
      orderId,
      purchaseDate: '2026-03-01T00:00:00Z',
      ...(latest ? { shipBy: { earliest: '2026-03-01T00:00:00Z', latest } } : {}),
      ...extra,
    });
  const late = shipBy('111-0000010-0000010', '2026-03-09T23:59:59Z', {
    purchaseDate: '2026-03-04T00:00:00Z',
  });
  const soon = shipBy('111-0000011-0000011', '2026-03-06T23:59:59Z', {
    purchaseDate: '2026-03-02T00:00:00Z',
  });
  const none = shipBy('111-0000012-0000012', undefined, { purchaseDate: '2026-03-05T00:00:00Z' });
  const shipped = shipBy('111-0000013-0000013', '2026-03-03T23:59:59Z', {
    status: 'SHIPPED',
    purchaseDate: '2026-03-01T00:00:00Z',
  });
  const soonest = shipBy('111-0000014-0000014', '2026-03-04T23:59:59Z', {
    purchaseDate: '2026-03-03T00:00:00Z',
  });
  const orders = [late, soon, none, shipped, soonest];

  it('is newest purchase first by default', () => {
    expect(ids(filterOrders(orders, {}))).toEqual([
      none.orderId,
      late.orderId,
      soonest.orderId,
      soon.orderId,
      shipped.orderId,
    ]);
  });

  it('puts the oldest purchase first when asked', () => {
    expect(ids(filterOrders(orders, { sort: 'purchase-oldest' }))).toEqual([
      shipped.orderId,
      soon.orderId,
      soonest.orderId,
      late.orderId,
      none.orderId,
    ]);
  });

  it('puts the soonest ship-by first, orders with none (or already shipped) last', () => {
    expect(ids(filterOrders(orders, { sort: 'ship-by' }))).toEqual([
      soonest.orderId,
      soon.orderId,
      late.orderId,
      none.orderId,
      shipped.orderId,
    ]);
  });

  it('sorts after filtering and leaves the input alone', () => {
    const input = [...orders];
    expect(ids(filterOrders(input, { sort: 'ship-by', statuses: ['UNSHIPPED'] }))).toEqual([
      soonest.orderId,
      soon.orderId,
      late.orderId,
      none.orderId,
    ]);
    expect(input).toEqual(orders);
  });
});

describe('viewOrders', () => {
  it("counts a report-level order whose report had Amazon's is-prime column under its type, not as unknown", () => {
    // Amazon's order report has is-prime: such an order's type is known before its details arrive.
    const primeFromReport = storedOrder({
      orderId: '114-7777777-1111111',
      isPrime: true,
      status: 'UNSHIPPED',
      detailLevel: 'report',
      purchaseDate: '2026-03-06T00:00:00Z',
      subTypes: ['prime'],
      searchText: '114-7777777-1111111',
    });
    const view = viewOrders([primeFromReport, reportOnly], {});
    expect(view.subTypeCounts.prime).toBe(1);
    expect(view.typeUnknown).toBe(1);
  });

  it('counts each sub-type over the orders matching search and status, never an unknown type', () => {
    const view = viewOrders([...all, reportOnly], { statuses: ['UNSHIPPED', 'CANCELLED', 'SHIPPED'] });
    expect(view.subTypeCounts).toEqual({
      prime: 1,
      business: 1,
      'business-prime': 0,
      'second-day': 1,
      standard: 1,
    });
    expect(view.orders).toHaveLength(5);
    expect(view.typeUnknown).toBe(1);
  });

  it('counts regardless of the sub-type filter itself, and counts report-level orders of the whole store', () => {
    const view = viewOrders([...all, reportOnly], { subTypes: ['prime'], text: 'mug' });
    expect(ids(view.orders)).toEqual([prime.orderId]);
    expect(view.subTypeCounts).toEqual({
      prime: 1,
      business: 0,
      'business-prime': 0,
      'second-day': 1,
      standard: 0,
    });
    expect(view.typeUnknown).toBe(1);
  });
});
