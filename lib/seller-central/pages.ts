import { isSellerCentralHost } from './hosts';
import { isOrderId, ORDER_ID_SOURCE } from '../domain/order-id';

/**
 * Pure page predicates for Seller Central, from a URL to yes/no. Features never parse `location`
 * themselves. URL shapes come from shared/docs/seller-central-pages.md §1.
 */
export type PagePredicate = (url: URL) => boolean;

const ID = `(${ORDER_ID_SOURCE})`;
// "/ref=xx_..." segments are Amazon's click tracking and may follow any path.
const REF = String.raw`(?:/ref=[^/]*)?`;

const ORDER_PAGE = new RegExp(String.raw`^/orders-v3/order/${ID}(?:/([a-z-]+))?/?$`);
const LEGACY_PAGE = new RegExp(String.raw`^/gp/orders-v2/([a-z-]+)${REF}/?$`);

/** The v3 order page a path names: the order id and the sub-page ('' for the details page itself). */
function orderPage(url: URL): { orderId: string; subPage: string } | undefined {
  const match = ORDER_PAGE.exec(url.pathname);
  if (!match?.[1]) return undefined;
  return { orderId: match[1], subPage: match[2] ?? '' };
}

function legacyPage(url: URL): string | undefined {
  return LEGACY_PAGE.exec(url.pathname)?.[1];
}

function legacyOrderId(url: URL): string | undefined {
  const value = url.searchParams.get('orderID') ?? url.searchParams.get('orderId') ?? '';
  return isOrderId(value) ? value : undefined;
}

export function isSellerCentral(url: URL): boolean {
  return url.protocol === 'https:' && isSellerCentralHost(url.hostname);
}

/** Manage Orders: `/orders-v3`, its tabs (`/mfn/unshipped`, `/fba/all`), search and `ref=` forms. */
export const isManageOrders: PagePredicate = (url) =>
  isSellerCentral(url) && /^\/orders-v3(?:\/(?!order(?:\/|$)).*)?$/.test(url.pathname);

/** Order details, v3: exactly `/orders-v3/order/{id}` with an optional trailing slash. */
export const isOrderDetails: PagePredicate = (url) => isSellerCentral(url) && orderPage(url)?.subPage === '';

/** Order details, legacy: `/gp/orders-v2/details?orderID={id}` (may redirect to v3 nowadays). */
export const isLegacyOrderDetails: PagePredicate = (url) =>
  isSellerCentral(url) && legacyPage(url) === 'details' && legacyOrderId(url) !== undefined;

export const isAnyOrderDetails: PagePredicate = (url) => isOrderDetails(url) || isLegacyOrderDetails(url);

/** Seller Central's own cancel page: `/orders-v3/order/{id}/cancel-order` or legacy `/gp/orders-v2/cancel`. */
export const isCancelOrderPage: PagePredicate = (url) =>
  isSellerCentral(url) &&
  (orderPage(url)?.subPage === 'cancel-order' ||
    (legacyPage(url) === 'cancel' && legacyOrderId(url) !== undefined));

export const isConfirmShipmentPage: PagePredicate = (url) =>
  isSellerCentral(url) &&
  (orderPage(url)?.subPage === 'confirm-shipment' ||
    (legacyPage(url) === 'confirm-shipment' && legacyOrderId(url) !== undefined));

export const isBuyShippingPage: PagePredicate = (url) =>
  isSellerCentral(url) && orderPage(url)?.subPage === 'buy-shipping';

export const isEditShipmentPage: PagePredicate = (url) =>
  isSellerCentral(url) && orderPage(url)?.subPage === 'edit-shipment';

/** Pages that ship an order: confirm shipment, buy shipping, edit shipment. */
export const isShippingPage: PagePredicate = (url) =>
  isConfirmShipmentPage(url) || isBuyShippingPage(url) || isEditShipmentPage(url);

/** The order a single-order page is about (details, cancel, shipping pages); undefined for lists. */
export function orderIdFromUrl(url: URL): string | undefined {
  if (!isSellerCentral(url)) return undefined;
  const v3 = orderPage(url);
  if (v3) return v3.orderId;
  return legacyPage(url) ? legacyOrderId(url) : undefined;
}
