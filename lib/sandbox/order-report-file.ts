/**
 * The flat files of the "all orders" reports: tab-separated, one row per order item, a header row
 * with the documented attributes of the report type (reference §9.1) in a fixed order, dates in
 * ISO 8601 with offset, amounts as decimal strings. Readers must still parse by header name.
 */
import { minorToDecimal, SANDBOX_MARKETPLACES } from './marketplaces';
import type { OrderDataset } from './order-dataset';
import { plannedItems } from './order-items';
import {
  isPendingStatus,
  lastUpdatedAt,
  sellerCancellationAt,
  statusAt,
  type FulfillmentStatus,
  type OrderPlan,
} from './order-timeline';
import { buyerDetails, buyerRequestOpenOnLine, firstParcelLines } from './order-view';

export const ORDER_REPORT_TYPES = [
  'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
  'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL',
] as const;
export type OrderReportType = (typeof ORDER_REPORT_TYPES)[number];

const BASE_COLUMNS = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
] as const;

/** Columns the seller chose in "Add or remove order report columns". */
export interface OrderReportColumnChoice {
  /** is-buyer-requested-cancellation and buyer-requested-cancel-reason (by-last-update report only). */
  readonly buyerCancelColumns: boolean;
}

export const BUYER_CANCEL_COLUMNS = [
  'is-buyer-requested-cancellation',
  'buyer-requested-cancel-reason',
] as const;

export function orderReportColumns(
  reportType: OrderReportType,
  choice: OrderReportColumnChoice = { buyerCancelColumns: true },
): string[] {
  const columns: string[] = [...BASE_COLUMNS];
  if (reportType === 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL') {
    columns.splice(columns.indexOf('promotion-ids') + 1, 0, 'cpf');
  } else if (choice.buyerCancelColumns) {
    // Optional columns: the by-order-date report leaves them out, so readers meet both shapes.
    columns.push(...BUYER_CANCEL_COLUMNS);
  }
  return columns;
}

/** Amazon reports orders with a delay: a report shows the orders as they were this long before its end. */
export const REPORT_DELAY_MS = 30 * 60_000;

const REPORT_STATUS: Record<FulfillmentStatus, string> = {
  PENDING_AVAILABILITY: 'Pending',
  PENDING: 'Pending',
  UNSHIPPED: 'Unshipped',
  PARTIALLY_SHIPPED: 'PartiallyShipped',
  SHIPPED: 'Shipped',
  CANCELLED: 'Cancelled',
  UNFULFILLABLE: 'Unfulfillable',
};

const SERVICE_LEVEL: Record<string, string> = {
  STANDARD: 'Standard',
  EXPEDITED: 'Expedited',
  SECOND_DAY: 'SecondDay',
  NEXT_DAY: 'NextDay',
  SAME_DAY: 'SameDay',
  FREE_ECONOMY: 'FreeEconomy',
};

function isoWithOffset(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export interface OrderReportSelection {
  reportType: OrderReportType;
  dataStartMs: number;
  dataEndMs: number;
  /** The report's own creation time; with dataEnd it bounds what is reportable. */
  createdMs: number;
  marketplaceIds: readonly string[];
}

/** Orders in the report: everything is judged as of min(dataEnd, created) − 30 min (the delay rule). */
export function selectReportOrders(
  dataset: OrderDataset,
  selection: OrderReportSelection,
): { plans: OrderPlan[]; asOfMs: number } {
  const asOfMs = Math.min(selection.dataEndMs, selection.createdMs) - REPORT_DELAY_MS;
  const marketplaces = new Set(selection.marketplaceIds);
  const plans: OrderPlan[] = [];
  for (const plan of dataset.plans) {
    if (plan.createdMs > asOfMs) break;
    if (!marketplaces.has(SANDBOX_MARKETPLACES[plan.marketplaceIndex]!.id)) continue;
    const t =
      selection.reportType === 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL'
        ? plan.createdMs
        : lastUpdatedAt(plan, asOfMs);
    if (t >= selection.dataStartMs && t <= selection.dataEndMs) plans.push(plan);
  }
  return { plans, asOfMs };
}

export function buildOrderReport(
  dataset: OrderDataset,
  reportType: OrderReportType,
  plans: readonly OrderPlan[],
  asOfMs: number,
  choice?: OrderReportColumnChoice,
): string {
  const columns = orderReportColumns(reportType, choice);
  const lines = [columns.join('\t')];
  for (const plan of plans) {
    const marketplace = SANDBOX_MARKETPLACES[plan.marketplaceIndex]!;
    const status = statusAt(plan, asOfMs);
    const pending = isPendingStatus(status);
    const buyer = buyerDetails(dataset.seed, plan);
    const money = (minor: number) => (pending ? '' : minorToDecimal(minor, marketplace.currencyDigits));
    plannedItems(dataset.seed, plan, dataset.catalog).forEach((item, line) => {
      const lineCancelled = sellerCancellationAt(plan, line, asOfMs) !== undefined;
      const itemShipped =
        !lineCancelled &&
        (status === 'SHIPPED' || (status === 'PARTIALLY_SHIPPED' && line < firstParcelLines(plan)));
      const requested = buyerRequestOpenOnLine(plan, line, itemShipped, asOfMs);
      const row: Record<string, string> = {
        'amazon-order-id': plan.orderId,
        'merchant-order-id': plan.channel === 'NON_AMAZON' ? `SHOP-${plan.orderId.slice(4, 11)}` : '',
        'purchase-date': isoWithOffset(plan.createdMs),
        'last-updated-date': isoWithOffset(lastUpdatedAt(plan, asOfMs)),
        'order-status': REPORT_STATUS[status],
        'fulfillment-channel': plan.fulfilledBy === 'AMAZON' ? 'Amazon' : 'Merchant',
        'sales-channel': plan.channel === 'AMAZON' ? marketplace.name : 'Non-Amazon',
        'order-channel': '',
        'ship-service-level': SERVICE_LEVEL[plan.serviceLevel] ?? 'Standard',
        'product-name': item.product.title,
        sku: item.product.sku,
        asin: item.product.asin,
        'item-status':
          status === 'CANCELLED' || lineCancelled ? 'Cancelled' : itemShipped ? 'Shipped' : 'Unshipped',
        quantity: String(item.quantity),
        currency: marketplace.currency,
        'item-price': money(item.itemMinor),
        'item-tax': money(item.taxMinor || item.includedVatMinor),
        'shipping-price': money(item.shippingMinor),
        'shipping-tax': money(0),
        'gift-wrap-price': '',
        'gift-wrap-tax': '',
        'item-promotion-discount': item.discountMinor ? money(item.discountMinor) : '',
        'ship-promotion-discount': '',
        'ship-city': buyer.city,
        'ship-state': buyer.state,
        'ship-postal-code': buyer.postalCode,
        'ship-country': marketplace.countryCode,
        'promotion-ids': item.promotionId,
        cpf: '',
        'is-business-order': plan.business ? 'true' : 'false',
        'purchase-order-number': buyer.purchaseOrderNumber,
        'price-designation': item.businessPrice ? 'BusinessPrice' : '',
        'is-buyer-requested-cancellation': requested ? 'true' : 'false',
        'buyer-requested-cancel-reason': requested ? plan.buyerRequestReason : '',
      };
      lines.push(columns.map((c) => (row[c] ?? '').replace(/[\t\r\n]/g, ' ')).join('\t'));
    });
  }
  return lines.join('\n') + '\n';
}
