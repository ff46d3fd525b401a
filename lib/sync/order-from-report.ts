import { sumMoney, type Money } from '../domain/money';
import type {
  FirstReported,
  LineChargePart,
  LineCharges,
  OrderStatus,
  StoredOrder,
  StoredOrderItem,
} from '../domain/order';
import { orderSubTypes } from '../domain/order-sub-type';
import { errorMessage } from '../error-message';
import type { OrderReportRow } from '../formats/order-report';
import { searchTextOf } from './order-from-api';
import { pricesIncludeTax } from '../domain/marketplaces';

/** Amazon's storefront names in the report's sales-channel column → marketplace id. */
export const MARKETPLACE_BY_SALES_CHANNEL: Readonly<Record<string, string>> = {
  'amazon.com': 'ATVPDKIKX0DER',
  'amazon.ca': 'A2EUQ1WTGCTBG2',
  'amazon.com.mx': 'A1AM78C64UM0Y8',
  'amazon.com.br': 'A2Q3Y263D00KWC',
  'amazon.co.uk': 'A1F83G8C2ARO7P',
  'amazon.de': 'A1PA6795UKMFR9',
  'amazon.fr': 'A13V1IB3VIYZZH',
  'amazon.it': 'APJ6JRA9NG5V4',
  'amazon.es': 'A1RKKUPIHCS9HS',
  'amazon.nl': 'A1805IZSGTT6HS',
  'amazon.ie': 'A28R8C7NBKEWEA',
  'amazon.com.be': 'AMEN7PMS3EDWL',
  'amazon.se': 'A2NODRKZP88ZB9',
  'amazon.pl': 'A1C3SOZRARQ6R3',
  'amazon.com.tr': 'A33AVAJ2PDY3EV',
  'amazon.ae': 'A2VIGQ35RCS4UG',
  'amazon.sa': 'A17E79C6D8DWNP',
  'amazon.eg': 'ARBP9OOSHTCHU',
  'amazon.in': 'A21TJRUUN4KGV',
  'amazon.co.za': 'AE08WJ6YKNBMC',
  'amazon.co.jp': 'A1VC38T7YXB528',
  'amazon.com.au': 'A39IBJ37TRP1C6',
  'amazon.sg': 'A19VAU5U5O7RUS',
};

/** Statuses on which a report row can open a buyer cancellation request. */
const OPEN_REPORT_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
]);

/** The report's order-status spelling → the v2026 status; undefined when unknown. */
export function orderStatusFromReport(reportStatus: string): OrderStatus | undefined {
  const key = reportStatus.toLowerCase().replace(/[^a-z]/g, '');
  // "Shipped - Delivered to Buyer" and the other shipped sub-states are shipped.
  if (key.startsWith('shipped')) return 'SHIPPED';
  switch (key) {
    case 'pending':
      return 'PENDING';
    case 'pendingavailability':
      return 'PENDING_AVAILABILITY';
    case 'unshipped':
    case 'shipping': // AFN: Amazon is preparing the shipment
      return 'UNSHIPPED';
    case 'partiallyshipped':
      return 'PARTIALLY_SHIPPED';
    case 'invoiceunconfirmed': // v0 status: all items shipped, invoice not yet confirmed
      return 'SHIPPED';
    case 'cancelled':
    case 'canceled':
      return 'CANCELLED';
    case 'unfulfillable':
      return 'UNFULFILLABLE';
    default:
      return undefined;
  }
}

export function isNonAmazonSalesChannel(salesChannel: string | undefined): boolean {
  return salesChannel !== undefined && /^non[\s_-]*amazon/i.test(salesChannel.trim());
}

export interface OrdersFromReportOptions {
  /** Used when sales-channel names no known marketplace (Non-Amazon orders): the report's marketplace. */
  readonly defaultMarketplaceId?: string;
}

export interface OrdersFromReportResult {
  orders: { order: StoredOrder; items: StoredOrderItem[] }[];
  rejected: { orderId: string; reason: string }[];
}

function negative(value: Money | undefined): Money | undefined {
  // Discount columns are negative in some files and positive in others; either way they reduce the total.
  return value ? { ...value, amountMinor: -Math.abs(value.amountMinor) } : undefined;
}

/** The row's item, shipping and gift-wrap taxes together. */
function rowTax(row: OrderReportRow): Money | undefined {
  return sumMoney([row.itemTax, row.shippingTax, row.giftWrapTax]);
}

/**
 * What the buyer pays for a row, part by part: item, shipping and gift wrap, their taxes together,
 * and the promotions as one negative part; undefined when the row is not priced (pending). Where
 * prices include tax (`taxIncluded`, VAT markets) the tax columns are part of the prices already, so
 * they are not a part of their own: adding them would count the VAT twice.
 */
export function chargesFromRow(row: OrderReportRow, taxIncluded = false): LineCharges | undefined {
  const parts: Record<LineChargePart, Money | undefined> = {
    item: row.itemPrice,
    shipping: row.shippingPrice,
    giftWrap: row.giftWrapPrice,
    tax: taxIncluded ? undefined : rowTax(row),
    promotions: sumMoney([negative(row.itemPromotionDiscount), negative(row.shipPromotionDiscount)]),
    other: undefined,
  };
  const charges: Partial<Record<LineChargePart, Money>> = {};
  for (const [part, amount] of Object.entries(parts) as [LineChargePart, Money | undefined][]) {
    if (amount) charges[part] = amount;
  }
  return Object.keys(charges).length ? charges : undefined;
}

function chargesTotal(charges: LineCharges | undefined): Money | undefined {
  return charges ? sumMoney(Object.values(charges)) : undefined;
}

function itemFromRow(row: OrderReportRow, orderItemId: string, taxIncluded: boolean): StoredOrderItem {
  const shipped = row.itemStatus ? /^shipped/i.test(row.itemStatus) : false;
  const unitPrice =
    row.itemPrice && row.quantity > 0 && row.itemPrice.amountMinor % row.quantity === 0
      ? { ...row.itemPrice, amountMinor: row.itemPrice.amountMinor / row.quantity }
      : undefined;
  const charges = chargesFromRow(row, taxIncluded);
  const includedTax = taxIncluded ? rowTax(row) : undefined;
  return {
    orderId: row.amazonOrderId,
    orderItemId,
    asin: row.asin,
    sku: row.sku,
    title: row.productName,
    quantityOrdered: row.quantity,
    quantityShipped: shipped ? row.quantity : 0,
    unitPrice,
    lineTotal: chargesTotal(charges),
    charges,
    ...(includedTax && includedTax.amountMinor !== 0 ? { includedTax } : {}),
    customizedUrl: row.customizedUrl,
    cancelRequest: row.isBuyerRequestedCancellation
      ? { requester: 'BUYER', reason: row.buyerRequestedCancelReason }
      : undefined,
  };
}

function orderFromRows(
  orderId: string,
  rows: readonly OrderReportRow[],
  firstReported: FirstReported,
  options: OrdersFromReportOptions,
): { order: StoredOrder; items: StoredOrderItem[] } {
  const first = rows[0];
  if (!first) throw new Error('no rows');
  const status = orderStatusFromReport(first.orderStatus);
  if (!status) throw new Error(`unknown order-status "${first.orderStatus}"`);
  const currencies = new Set(rows.map((row) => row.currency).filter(Boolean));
  if (currencies.size > 1) throw new Error(`rows in several currencies (${[...currencies].join(', ')})`);

  const salesChannel = first.salesChannel;
  const nonAmazon = isNonAmazonSalesChannel(salesChannel);
  const knownMarketplace = salesChannel
    ? MARKETPLACE_BY_SALES_CHANNEL[salesChannel.toLowerCase()]
    : undefined;
  const marketplaceId = knownMarketplace ?? options.defaultMarketplaceId ?? '';
  const taxIncluded = pricesIncludeTax(marketplaceId, first.currency);

  // Report rows carry no order item id: `report:<sku>:<n>` stays stable across reports, and the
  // Orders API's real ids replace these lines when the order is fetched at detail level `full`.
  const seen = new Map<string, number>();
  const items = rows.map((row) => {
    const key = row.sku ?? row.asin ?? 'line';
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return itemFromRow(row, `report:${key}:${n}`, taxIncluded);
  });

  const primeFlags = rows.map((row) => row.isPrime).filter((flag) => flag !== undefined);
  const isPrime = primeFlags.length ? primeFlags.some(Boolean) : undefined;
  const isBusiness = rows.some((row) => row.isBusinessOrder === true);
  const serviceLevel = first.shipServiceLevel;
  const programs = [...(isPrime ? ['PRIME'] : []), ...(isBusiness ? ['AMAZON_BUSINESS'] : [])];
  const requestRow = rows.find((row) => row.isBuyerRequestedCancellation);
  const lastUpdated = rows.reduce(
    (latest, row) => (row.lastUpdatedDate > latest ? row.lastUpdatedDate : latest),
    first.lastUpdatedDate,
  );

  const order: StoredOrder = {
    orderId,
    marketplaceId,
    marketplaceName: knownMarketplace ? salesChannel : undefined,
    channel: nonAmazon ? 'NON_AMAZON' : 'AMAZON',
    status,
    fulfilledBy: first.fulfilledBy,
    serviceLevel,
    programs,
    isPrime,
    isBusiness,
    subTypes: orderSubTypes({ isPrime, isBusiness, serviceLevel }),
    purchaseDate: first.purchaseDate,
    lastUpdated,
    total: sumMoney(items.map((item) => item.lineTotal)),
    itemCount: rows.reduce((total, row) => total + row.quantity, 0),
    searchText: searchTextOf(orderId, items),
    firstReported,
    detailLevel: 'report',
    // Only a row that says yes opens a request; an absent or "false" column leaves the stored one as it is.
    buyerCancelRequest:
      requestRow && OPEN_REPORT_STATUSES.has(status)
        ? {
            reason: requestRow.buyerRequestedCancelReason,
            firstSeenAt: firstReported.at,
            requestedAt:
              Date.parse(lastUpdated) < Date.parse(firstReported.at) ? lastUpdated : firstReported.at,
          }
        : undefined,
    sellerOrderId: rows.find((row) => row.merchantOrderId)?.merchantOrderId,
  };
  return { order, items };
}

/**
 * Groups report rows into orders (one row per order line). An order whose rows cannot be mapped
 * (unknown status, mixed currencies) is rejected with its reason; the others still map.
 */
export function ordersFromReport(
  rows: readonly OrderReportRow[],
  firstReported: FirstReported,
  options: OrdersFromReportOptions = {},
): OrdersFromReportResult {
  const groups = new Map<string, OrderReportRow[]>();
  for (const row of rows) {
    const group = groups.get(row.amazonOrderId);
    if (group) group.push(row);
    else groups.set(row.amazonOrderId, [row]);
  }
  const result: OrdersFromReportResult = { orders: [], rejected: [] };
  for (const [orderId, group] of groups) {
    try {
      result.orders.push(orderFromRows(orderId, group, firstReported, options));
    } catch (error) {
      result.rejected.push({ orderId, reason: errorMessage(error) });
    }
  }
  return result;
}
