import type { StoredOrder, StoredOrderItem } from '../../../lib/domain/order';
import { orderSubTypes } from '../../../lib/domain/order-sub-type';

/** A valid full-detail order; override what the test is about. */
export function storedOrder(overrides: Partial<StoredOrder> & { orderId: string }): StoredOrder {
  const isPrime = 'isPrime' in overrides ? overrides.isPrime : false;
  const isBusiness = overrides.isBusiness ?? false;
  const serviceLevel = overrides.serviceLevel ?? 'STANDARD';
  return {
    marketplaceId: 'ATVPDKIKX0DER',
    channel: 'AMAZON',
    status: 'UNSHIPPED',
    fulfilledBy: 'MERCHANT',
    programs: [],
    purchaseDate: '2026-03-01T10:00:00Z',
    lastUpdated: '2026-03-01T10:05:00Z',
    itemCount: 1,
    searchText: overrides.orderId.toLowerCase(),
    firstReported: { at: '2026-03-01T11:00:00.000Z', source: { kind: 'search', syncRunId: 'run-1' } },
    detailLevel: 'full',
    ...overrides,
    isPrime,
    isBusiness,
    serviceLevel,
    subTypes: overrides.subTypes ?? orderSubTypes({ isPrime, isBusiness, serviceLevel }),
  };
}

export function storedItem(
  orderId: string,
  orderItemId: string,
  overrides: Partial<StoredOrderItem> = {},
): StoredOrderItem {
  return { orderId, orderItemId, quantityOrdered: 1, quantityShipped: 0, ...overrides };
}

let counter = 0;
/** A database name no other test uses. */
export function freshDbName(): string {
  counter += 1;
  return `order-manager-test-${counter}-${Math.random().toString(36).slice(2)}`;
}
