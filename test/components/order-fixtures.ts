import type { StoredOrder, StoredOrderItem } from '../../lib/domain/order';
import { orderSubTypes } from '../../lib/domain/order-sub-type';
import { parseMoney } from '../../lib/domain/money';

export interface OrderSpec {
  orderId: string;
  purchaseDate: string;
  marketplaceId?: string;
  status?: StoredOrder['status'];
  isPrime?: boolean;
  isBusiness?: boolean;
  serviceLevel?: string;
  total?: [string, string];
  items?: Partial<StoredOrderItem>[];
  extra?: Partial<StoredOrder>;
}

/** Builds an order and its items the way the store would hold them (sub-types, search text). */
export function makeOrder(spec: OrderSpec): { order: StoredOrder; items: StoredOrderItem[] } {
  const items: StoredOrderItem[] = (spec.items ?? [{}]).map((item, index) => ({
    orderId: spec.orderId,
    orderItemId: `item-${index}`,
    quantityOrdered: 1,
    quantityShipped: 0,
    ...item,
  }));
  const isBusiness = spec.isBusiness ?? false;
  const order: StoredOrder = {
    orderId: spec.orderId,
    marketplaceId: spec.marketplaceId ?? 'ATVPDKIKX0DER',
    channel: 'AMAZON',
    status: spec.status ?? 'UNSHIPPED',
    fulfilledBy: 'MERCHANT',
    serviceLevel: spec.serviceLevel ?? 'STANDARD',
    programs: [],
    isPrime: spec.isPrime ?? false,
    isBusiness,
    subTypes: orderSubTypes({ isPrime: spec.isPrime ?? false, isBusiness, serviceLevel: spec.serviceLevel }),
    purchaseDate: spec.purchaseDate,
    lastUpdated: spec.purchaseDate,
    total: spec.total ? parseMoney(spec.total[0], spec.total[1]) : undefined,
    itemCount: items.reduce((sum, item) => sum + item.quantityOrdered, 0),
    searchText: [spec.orderId, ...items.flatMap((i) => [i.sku, i.asin, i.title])]
      .filter(Boolean)
      .join(' ')
      .toLowerCase(),
    firstReported: {
      at: spec.purchaseDate,
      source: { kind: 'search', syncRunId: 'run-1' },
    },
    detailLevel: 'full',
    ...spec.extra,
  };
  return { order, items };
}

/** A small shop: each sub-type, several statuses and marketplaces, newest is 113-… */
export function sampleShop() {
  const built = [
    makeOrder({
      orderId: '111-0000001-0000001',
      purchaseDate: '2026-11-01T10:00:00Z',
      total: ['19.99', 'USD'],
      items: [{ sku: 'MUG-RED', asin: 'B000MUG001', title: 'Red ceramic mug', quantityOrdered: 2 }],
    }),
    makeOrder({
      orderId: '202-0000002-0000002',
      purchaseDate: '2026-11-03T10:00:00Z',
      marketplaceId: 'A1F83G8C2ARO7P',
      isPrime: true,
      status: 'SHIPPED',
      total: ['42.50', 'GBP'],
      items: [{ sku: 'TEA-GRN', asin: 'B000TEA002', title: 'Green tea tin' }],
    }),
    makeOrder({
      orderId: '302-0000003-0000003',
      purchaseDate: '2026-11-02T10:00:00Z',
      marketplaceId: 'A1PA6795UKMFR9',
      isBusiness: true,
      status: 'UNSHIPPED',
      total: ['120.00', 'EUR'],
      items: [{ sku: 'DESK-LAMP', asin: 'B000LMP003', title: 'Brass desk lamp' }],
    }),
    makeOrder({
      orderId: '112-0000004-0000004',
      purchaseDate: '2026-11-04T10:00:00Z',
      isPrime: true,
      isBusiness: true,
      status: 'SHIPPED',
      total: ['310.00', 'USD'],
      items: [{ sku: 'CHAIR-OAK', asin: 'B000CHR004', title: 'Oak office chair' }],
    }),
    makeOrder({
      orderId: '113-0000005-0000005',
      purchaseDate: '2026-11-05T10:00:00Z',
      serviceLevel: 'SECOND_DAY',
      status: 'UNSHIPPED',
      total: ['7.25', 'USD'],
      items: [{ sku: 'PEN-BLU', asin: 'B000PEN005', title: 'Blue fountain pen' }],
      extra: { buyerCancelRequest: { reason: 'Ordered by mistake', firstSeenAt: '2026-11-05T12:00:00Z' } },
    }),
    makeOrder({
      orderId: '503-0000006-0000006',
      purchaseDate: '2026-10-30T10:00:00Z',
      marketplaceId: 'A1VC38T7YXB528',
      status: 'CANCELLED',
      total: ['1500', 'JPY'],
      items: [{ sku: 'FAN-PAPER', asin: 'B000FAN006', title: 'Paper fan' }],
    }),
  ];
  return { orders: built.map((b) => b.order), items: built.flatMap((b) => b.items) };
}

/** jsdom lays nothing out; give scroll containers a size so the virtual list renders rows. */
export function fakeLayout(height = 600, width = 780): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    clientHeight: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    for (const [key, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
      else delete (proto as unknown as Record<string, unknown>)[key];
    }
  };
}
