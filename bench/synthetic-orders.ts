import type { StoredOrder, StoredOrderItem } from '../lib/domain/order';
import { orderSubTypes } from '../lib/domain/order-sub-type';

const MARKETPLACES = [
  ['ATVPDKIKX0DER', 'USD'],
  ['A2EUQ1WTGCTBG2', 'CAD'],
  ['A1F83G8C2ARO7P', 'GBP'],
  ['A1PA6795UKMFR9', 'EUR'],
] as const;
const STATUSES = [
  'SHIPPED',
  'SHIPPED',
  'SHIPPED',
  'UNSHIPPED',
  'PENDING',
  'CANCELLED',
  'PARTIALLY_SHIPPED',
] as const;
const LEVELS = ['STANDARD', 'STANDARD', 'SECOND_DAY', 'EXPEDITED', 'NEXT_DAY'] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** One order in this many has an open buyer cancellation request: 500 among 50,000. */
export const BUYER_REQUEST_EVERY = 100;

/** Plausible stored orders for measuring the store and the popup at scale (not the sandbox's data). */
export function syntheticOrder(i: number, nowMs: number): { order: StoredOrder; items: StoredOrderItem[] } {
  const requested = i % BUYER_REQUEST_EVERY === BUYER_REQUEST_EVERY / 2;
  const [marketplaceId, currency] = MARKETPLACES[i % MARKETPLACES.length]!;
  const orderId = `${pad(100 + (i % 900), 3)}-${pad((i * 7919) % 10_000_000, 7)}-${pad(i, 7)}`;
  const isPrime = i % 3 === 0;
  const isBusiness = i % 5 === 0;
  const serviceLevel = LEVELS[i % LEVELS.length]!;
  const purchaseDate = new Date(nowMs - i * 60_000).toISOString();
  const sku = `SKU-${pad(i % 5000, 5)}`;
  const asin = `B0${pad(i % 100_000_000, 8)}`;
  const title = `Bench product ${i % 5000} in colour ${i % 17}`;
  const order: StoredOrder = {
    orderId,
    marketplaceId,
    channel: 'AMAZON',
    // A buyer asks only before shipping.
    status: requested ? 'UNSHIPPED' : STATUSES[i % STATUSES.length]!,
    fulfilledBy: 'MERCHANT',
    serviceLevel,
    programs: [...(isPrime ? ['PRIME'] : []), ...(isBusiness ? ['AMAZON_BUSINESS'] : [])],
    isPrime,
    isBusiness,
    subTypes: orderSubTypes({ isPrime, isBusiness, serviceLevel }),
    purchaseDate,
    lastUpdated: purchaseDate,
    total: { amountMinor: 1000 + (i % 9000), currency },
    itemCount: 1,
    searchText: `${orderId} ${sku} ${asin} ${title}`.toLowerCase(),
    firstReported: { at: purchaseDate, source: { kind: 'search', syncRunId: 'bench' } },
    detailLevel: 'full',
    ...(requested
      ? {
          buyerCancelRequest: {
            reason: `Bench reason ${i % 7}`,
            // Spread over the 48-hour window so the queue has overdue and fresh requests to sort.
            requestedAt: new Date(nowMs - (i % 53) * 3_600_000).toISOString(),
            firstSeenAt: new Date(nowMs - (i % 53) * 3_600_000 + 60_000).toISOString(),
          },
        }
      : {}),
  };
  const items: StoredOrderItem[] = [
    {
      orderId,
      orderItemId: pad(i, 14),
      asin,
      sku,
      title,
      quantityOrdered: 1,
      quantityShipped: order.status === 'SHIPPED' ? 1 : 0,
      unitPrice: order.total,
      lineTotal: order.total,
    },
  ];
  return { order, items };
}
