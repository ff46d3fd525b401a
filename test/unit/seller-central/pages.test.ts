import {
  SELLER_CENTRAL_HOSTS,
  SELLER_CENTRAL_MATCHES,
  isSellerCentralHost,
} from '../../../lib/seller-central/hosts';
import {
  isAnyOrderDetails,
  isBuyShippingPage,
  isCancelOrderPage,
  isConfirmShipmentPage,
  isEditShipmentPage,
  isLegacyOrderDetails,
  isManageOrders,
  isOrderDetails,
  isSellerCentral,
  isShippingPage,
  orderIdFromUrl,
  type PagePredicate,
} from '../../../lib/seller-central/pages';

const US = 'https://sellercentral.amazon.com';
const ID = '113-4567890-1234567';

/** Every predicate, so each URL can be checked against all of them at once. */
const PREDICATES: Record<string, PagePredicate> = {
  isManageOrders,
  isOrderDetails,
  isLegacyOrderDetails,
  isCancelOrderPage,
  isConfirmShipmentPage,
  isBuyShippingPage,
  isEditShipmentPage,
};

function matching(href: string): string[] {
  const url = new URL(href);
  return Object.entries(PREDICATES)
    .filter(([, predicate]) => predicate(url))
    .map(([name]) => name);
}

describe('Seller Central page predicates (URLs from seller-central-pages.md)', () => {
  it.each([
    // Manage Orders: root, tabs, ref forms, search, query strings.
    [`${US}/orders-v3`, ['isManageOrders']],
    [`${US}/orders-v3/`, ['isManageOrders']],
    [`${US}/orders-v3/ref=xx_myo_favb_xx`, ['isManageOrders']],
    [`${US}/orders-v3/mfn/unshipped`, ['isManageOrders']],
    [`${US}/orders-v3/mfn/unshipped?page=2&date-range=last-30&sort=ship_by_asc`, ['isManageOrders']],
    [`${US}/orders-v3/mfn/shipped?statuses=Update%20Tracking`, ['isManageOrders']],
    [`${US}/orders-v3/fba/all`, ['isManageOrders']],
    [
      `${US}/orders-v3/search?qt=email&q=a%40b.example&date-range=1700000000000-1710000000000`,
      ['isManageOrders'],
    ],
    [`${US}/orders-v3/mfn/unshipped?orderId=${ID}`, ['isManageOrders']],
    // Order details, v3 and legacy.
    [`${US}/orders-v3/order/${ID}`, ['isOrderDetails']],
    [`${US}/orders-v3/order/${ID}/`, ['isOrderDetails']],
    [`${US}/orders-v3/order/${ID}?ref=orders`, ['isOrderDetails']],
    [`${US}/gp/orders-v2/details?orderID=${ID}`, ['isLegacyOrderDetails']],
    [`${US}/gp/orders-v2/details/ref=ag_orddet_cont_myo?ie=UTF8&orderID=${ID}`, ['isLegacyOrderDetails']],
    // Actions on one order.
    [`${US}/orders-v3/order/${ID}/cancel-order`, ['isCancelOrderPage']],
    [`${US}/orders-v3/order/${ID}/cancel-order/`, ['isCancelOrderPage']],
    [`${US}/gp/orders-v2/cancel?ie=UTF8&orderID=${ID}`, ['isCancelOrderPage']],
    [`${US}/orders-v3/order/${ID}/confirm-shipment`, ['isConfirmShipmentPage']],
    [`${US}/gp/orders-v2/confirm-shipment?orderID=${ID}`, ['isConfirmShipmentPage']],
    [`${US}/orders-v3/order/${ID}/buy-shipping`, ['isBuyShippingPage']],
    [`${US}/orders-v3/order/${ID}/edit-shipment`, ['isEditShipmentPage']],
    // Not pages any feature acts on.
    [`${US}/orders/packing-slip?orderId=${ID}`, []],
    [`${US}/gp/orders-v2/refund?orderID=${ID}`, []],
    [`${US}/gp/orders-v2/contact?orderID=${ID}`, []],
    [`${US}/gp/orders-v2/details`, []],
    [`${US}/orders-v3/order/not-an-order`, []],
    [`${US}/orders-v3/order/${ID}/feedback`, []],
    [`${US}/gp/returns/list/v2`, []],
    [`${US}/messaging/reviews?orderId=${ID}&marketplaceId=ATVPDKIKX0DER`, []],
    [`${US}/order-reports-and-feeds/reports`, []],
    [`${US}/fbm/buyerRequestCancellation`, []],
    [`${US}/home`, []],
    [`${US}/inventory`, []],
    // Right path, wrong host or scheme.
    [`https://www.amazon.com/orders-v3/order/${ID}`, []],
    [`http://sellercentral.amazon.com/orders-v3/order/${ID}`, []],
    [`https://sellercentral.amazon.com.evil.example/orders-v3/order/${ID}`, []],
  ])('%s → %j', (href, expected) => {
    expect(matching(href)).toEqual(expected);
  });

  it('groups the shipping pages and both details forms', () => {
    for (const page of ['confirm-shipment', 'buy-shipping', 'edit-shipment']) {
      expect(isShippingPage(new URL(`${US}/orders-v3/order/${ID}/${page}`))).toBe(true);
    }
    expect(isShippingPage(new URL(`${US}/orders-v3/order/${ID}/cancel-order`))).toBe(false);
    expect(isAnyOrderDetails(new URL(`${US}/orders-v3/order/${ID}`))).toBe(true);
    expect(isAnyOrderDetails(new URL(`${US}/gp/orders-v2/details?orderID=${ID}`))).toBe(true);
    expect(isAnyOrderDetails(new URL(`${US}/orders-v3/order/${ID}/buy-shipping`))).toBe(false);
  });

  it('works on every marketplace host', () => {
    for (const host of SELLER_CENTRAL_HOSTS) {
      expect(isOrderDetails(new URL(`https://${host}/orders-v3/order/${ID}`))).toBe(true);
      expect(isManageOrders(new URL(`https://${host}/orders-v3/mfn/unshipped`))).toBe(true);
    }
  });

  it('reads the order id of single-order pages only', () => {
    expect(orderIdFromUrl(new URL(`${US}/orders-v3/order/${ID}?ref=orders`))).toBe(ID);
    expect(orderIdFromUrl(new URL(`${US}/orders-v3/order/${ID}/cancel-order`))).toBe(ID);
    expect(
      orderIdFromUrl(new URL(`https://sellercentral.amazon.co.uk/gp/orders-v2/cancel?orderID=${ID}`)),
    ).toBe(ID);
    expect(orderIdFromUrl(new URL(`${US}/orders-v3/mfn/unshipped?orderId=${ID}`))).toBeUndefined();
    expect(orderIdFromUrl(new URL(`${US}/gp/orders-v2/details?orderID=12345`))).toBeUndefined();
    expect(orderIdFromUrl(new URL(`https://example.com/orders-v3/order/${ID}`))).toBeUndefined();
  });
});

describe('Seller Central hosts', () => {
  it('lists the 25 documented hosts as https match patterns', () => {
    expect(SELLER_CENTRAL_HOSTS).toHaveLength(25);
    expect(SELLER_CENTRAL_MATCHES).toContain('https://sellercentral.amazon.co.uk/*');
    expect(SELLER_CENTRAL_MATCHES).toContain('https://sellercentral-japan.amazon.com/*');
    expect(
      SELLER_CENTRAL_MATCHES.every((m) => /^https:\/\/sellercentral[a-z-]*\.amazon\.[a-z.]+\/\*$/.test(m)),
    ).toBe(true);
  });

  it('recognises only those hosts', () => {
    expect(isSellerCentralHost('sellercentral.amazon.com.be')).toBe(true);
    expect(isSellerCentralHost('SellerCentral.Amazon.DE')).toBe(true);
    // Spellings seen only in one userscript, treated as unverified in the docs.
    expect(isSellerCentralHost('sellercentral.amazon.com.sg')).toBe(false);
    expect(isSellerCentralHost('sellercentral.amazon.be')).toBe(false);
    expect(isSellerCentral(new URL('https://sellercentral-europe.amazon.com/home'))).toBe(true);
  });
});
