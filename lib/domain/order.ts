import type { Money } from './money';

/** Orders API v2026-01-01 `FulfillmentStatus`, the one status vocabulary used inside the extension. */
export const ORDER_STATUSES = [
  'PENDING_AVAILABILITY',
  'PENDING',
  'UNSHIPPED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'CANCELLED',
  'UNFULFILLABLE',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The seller-facing sub-types the order list filters by (see lib/domain/order-sub-type.ts). */
export const ORDER_SUB_TYPES = ['prime', 'business', 'business-prime', 'second-day', 'standard'] as const;
export type OrderSubType = (typeof ORDER_SUB_TYPES)[number];

/** How an order first reached the extension: which report or sync run, and when. */
export interface FirstReported {
  /** When the extension first stored the order (ISO 8601). */
  readonly at: string;
  readonly source:
    | {
        readonly kind: 'report';
        readonly reportId: string;
        readonly reportType: string;
        /**
         * Set by the backfill: the order was stored by the import of the window's existing orders, so
         * `at` is when the order manager first looked, not when Amazon first reported the order.
         */
        readonly initialImport?: boolean;
      }
    | { readonly kind: 'search'; readonly syncRunId: string }
    | { readonly kind: 'get-order'; readonly syncRunId: string };
}

/**
 * `full` came from the Orders API; `report` from a flat-file order report, which lacks the Prime
 * flag and the ship-by window (those stay unknown until the Orders API returns the order).
 */
export type OrderDetailLevel = 'full' | 'report';

/** How a buyer's cancellation request ended: the order was cancelled (by anyone), shipped, or Amazon dropped it. */
export type BuyerCancelRequestClosedHow = 'cancelled' | 'shipped' | 'withdrawn';

export interface BuyerCancelRequest {
  readonly reason?: string;
  /** When the extension first saw the request (ISO 8601). */
  readonly firstSeenAt: string;
  /**
   * Amazon gives no request time: the order's lastUpdatedTime from the sync that first showed it, never
   * later than firstSeenAt. Absent on requests stored before it was kept: read it as firstSeenAt.
   */
  readonly requestedAt?: string;
  /** Set when a later sync showed the request over; `at` = Amazon's update time, bounded by that sync. */
  readonly closed?: { readonly at: string; readonly how: BuyerCancelRequestClosedHow };
  /**
   * Set by the order manager when the seller declined (keeps the order and ships); Amazon has no decline
   * call, so the request stays open there until the order ships or is cancelled, but needs no answer.
   */
  readonly declined?: { readonly at: string; readonly memo: string };
}

export interface StoredOrder {
  readonly orderId: string;
  readonly marketplaceId: string;
  readonly marketplaceName?: string;
  /** AMAZON, or NON_AMAZON for off-Amazon (multi-channel / Checkout by Amazon) orders. */
  readonly channel: 'AMAZON' | 'NON_AMAZON';
  readonly status: OrderStatus;
  readonly fulfilledBy?: 'MERCHANT' | 'AMAZON';
  /** v2026 `fulfillmentServiceLevel` (STANDARD, SECOND_DAY, ...) or the report's ship-service-level. */
  readonly serviceLevel?: string;
  /** v2026 `programs` (PRIME, AMAZON_BUSINESS, PREMIUM, ...). */
  readonly programs: readonly string[];
  /** Unknown (undefined) when only a report has described the order. */
  readonly isPrime?: boolean;
  readonly isBusiness: boolean;
  readonly subTypes: readonly OrderSubType[];
  readonly purchaseDate: string;
  readonly lastUpdated: string;
  readonly shipBy?: { readonly earliest?: string; readonly latest?: string };
  readonly deliverBy?: { readonly earliest?: string; readonly latest?: string };
  readonly total?: Money;
  readonly itemCount: number;
  /** Lower-cased order id, SKUs, ASINs and titles, for search. */
  readonly searchText: string;
  readonly firstReported: FirstReported;
  readonly detailLevel: OrderDetailLevel;
  /** A buyer's cancellation request: open while `closed` is absent, kept once closed (how it ended). */
  readonly buyerCancelRequest?: BuyerCancelRequest;
  readonly sellerOrderId?: string;
  /**
   * Set when a sync saw the order turn CANCELLED with no cancellation from the order manager pending
   * or done: someone cancelled it elsewhere (Seller Central, the buyer, Amazon). `seenAt` = that sync.
   */
  readonly cancelledOutsideManager?: { readonly seenAt: string; readonly cancelledBy?: string };
  /**
   * Set when Amazon sent a newer version of this order that could not be read (it is quarantined),
   * so what is shown may be out of date; cleared by the next update that parses.
   */
  readonly unreadableUpdate?: { readonly at: string; readonly reason: string };
}

/**
 * What one line's total is made of, each part in the order's currency: the item price (units ×
 * unit price), shipping, gift wrap, tax, promotions (negative: they reduce the total) and other
 * charges (COD fee, anything Amazon adds later). Present parts sum to the line total.
 */
export interface LineCharges {
  readonly item?: Money;
  readonly shipping?: Money;
  readonly giftWrap?: Money;
  readonly tax?: Money;
  readonly promotions?: Money;
  readonly other?: Money;
}

/** The parts of a line's total, in the order the detail shows them. */
export const LINE_CHARGE_PARTS = ['item', 'shipping', 'giftWrap', 'tax', 'promotions', 'other'] as const;
export type LineChargePart = (typeof LINE_CHARGE_PARTS)[number];

export interface StoredOrderItem {
  readonly orderId: string;
  readonly orderItemId: string;
  readonly asin?: string;
  readonly sku?: string;
  readonly title?: string;
  readonly quantityOrdered: number;
  readonly quantityShipped: number;
  readonly unitPrice?: Money;
  /** What the buyer pays for the line (proceeds total), when Amazon has priced it. */
  readonly lineTotal?: Money;
  /** The line total's parts; absent on orders stored before they were kept, and while unpriced. */
  readonly charges?: LineCharges;
  /**
   * Tax already inside the item price (VAT / GST markets), as an order report states it: shown beside
   * the line, never added to its total.
   */
  readonly includedTax?: Money;
  readonly customizedUrl?: string;
  readonly cancelRequest?: { readonly requester?: string; readonly reason?: string };
  readonly cancelledBy?: string;
}
