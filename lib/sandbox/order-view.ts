/**
 * Renders an order as Orders API v2026-01-01 returns it at time t. Optional sections follow the
 * includedData value that owns them; pending orders carry no pricing, tax, promotion or gift data
 * (the model: "When an order is in the Pending state ... does not return information about pricing").
 */
import type { CatalogProduct } from './catalog';
import { minorToDecimal, SANDBOX_MARKETPLACES, type SandboxMarketplace } from './marketplaces';
import { itemProceedsMinor, plannedItems, type PlannedItem } from './order-items';
import {
  firstParcelLines,
  isPendingStatus,
  lastUpdatedAt,
  sellerCancellationAt,
  statusAt,
  type FulfillmentStatus,
  type OrderPlan,
  type SellerLineCancellation,
} from './order-timeline';
import { hashSeed, mulberry32, pick, randomDigits, randomInt } from './prng';
import { INCLUDED_DATA, type IncludedData } from '../sp-api/schemas/orders';

// The model's includedData enum, declared once for the client and the sandbox.
export { INCLUDED_DATA, type IncludedData };

type Json = Record<string, unknown>;

const FIRST_NAMES = [
  'Jane',
  'Liam',
  'Olivia',
  'Noah',
  'Emma',
  'Lukas',
  'Sophie',
  'Amelia',
  'Mateo',
  'Chloé',
  'Jonas',
  'Priya',
];
const LAST_NAMES = [
  'Smith',
  'Müller',
  'Tremblay',
  'Taylor',
  'Schmidt',
  'Nguyen',
  'Brown',
  'Wilson',
  'Fischer',
  'Patel',
];
const STREETS = [
  'Main Street',
  'Oak Avenue',
  'High Street',
  'Hauptstraße',
  'Maple Road',
  'Station Road',
  'Lindenweg',
];
const COMPANIES = ['Acme Supplies Ltd', 'Brightside Dental', 'Northgate Logistics', 'Fischer & Söhne GmbH'];

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function money(minor: number, marketplace: SandboxMarketplace): Json {
  return { amount: minorToDecimal(minor, marketplace.currencyDigits), currencyCode: marketplace.currency };
}

export interface BuyerDetails {
  name: string;
  email: string;
  phone: string;
  company: string;
  purchaseOrderNumber: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
}

export function buyerDetails(seed: number, plan: OrderPlan): BuyerDetails {
  const random = mulberry32(hashSeed(seed, plan.index, 0xb0e7));
  const marketplace = SANDBOX_MARKETPLACES[plan.marketplaceIndex]!;
  const place = pick(random, marketplace.cities);
  return {
    name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
    email: `${randomDigits(random, 4)}${pick(random, ['qx', 'mk', 'zt'])}${randomDigits(random, 8)}@marketplace.amazon.${marketplace.code === 'US' ? 'com' : marketplace.code === 'UK' ? 'co.uk' : marketplace.code.toLowerCase()}`,
    phone: `+${marketplace.code === 'DE' ? '49' : marketplace.code === 'UK' ? '44' : '1'} ${randomDigits(random, 3)} ${randomDigits(random, 7)}`,
    company: plan.business ? pick(random, COMPANIES) : '',
    purchaseOrderNumber: plan.business && random() < 0.5 ? `PO-${randomDigits(random, 6)}` : '',
    addressLine1: `${randomInt(random, 1, 250)} ${pick(random, STREETS)}`,
    city: place.city,
    state: place.state,
    postalCode: place.postalCode,
  };
}

export interface OrderViewContext {
  seed: number;
  catalog: readonly CatalogProduct[];
}

export function renderOrder(
  ctx: OrderViewContext,
  plan: OrderPlan,
  t: number,
  included: ReadonlySet<IncludedData>,
): Json {
  const marketplace = SANDBOX_MARKETPLACES[plan.marketplaceIndex]!;
  const status = statusAt(plan, t);
  const pending = isPendingStatus(status);
  const items = plannedItems(ctx.seed, plan, ctx.catalog);
  const order: Json = {
    orderId: plan.orderId,
    createdTime: iso(plan.createdMs),
    lastUpdatedTime: iso(lastUpdatedAt(plan, t)),
  };
  if (plan.channel === 'NON_AMAZON') {
    order.orderAliases = [{ aliasId: `SHOP-${plan.orderId.slice(4, 11)}`, aliasType: 'SELLER_ORDER_ID' }];
  }
  const programs: string[] = [];
  if (plan.prime) programs.push('PRIME');
  if (plan.business) programs.push('AMAZON_BUSINESS');
  if (plan.preorder) programs.push('PREORDER');
  if (programs.length > 0) order.programs = programs;
  order.salesChannel =
    plan.channel === 'AMAZON'
      ? { channelName: 'AMAZON', marketplaceId: marketplace.id, marketplaceName: marketplace.name }
      : { channelName: 'NON_AMAZON', marketplaceId: marketplace.id, marketplaceName: 'Non-Amazon' };

  const buyer = included.has('BUYER') || included.has('RECIPIENT') ? buyerDetails(ctx.seed, plan) : undefined;
  if (buyer && included.has('BUYER')) {
    const b: Json = { buyerName: buyer.name };
    if (plan.fulfilledBy === 'MERCHANT') b.buyerEmail = buyer.email;
    if (buyer.company) b.buyerCompanyName = buyer.company;
    if (buyer.purchaseOrderNumber) b.buyerPurchaseOrderNumber = buyer.purchaseOrderNumber;
    order.buyer = b;
  }
  if (buyer && included.has('RECIPIENT')) {
    const address: Json = {
      name: buyer.name,
      addressLine1: buyer.addressLine1,
      city: buyer.city,
      stateOrRegion: buyer.state,
      postalCode: buyer.postalCode,
      countryCode: marketplace.countryCode,
      addressType: buyer.company ? 'COMMERCIAL' : 'RESIDENTIAL',
    };
    if (buyer.company) address.companyName = buyer.company;
    // Phone is suppressed for FBA orders and for shipped FBM orders past their delivery date (model).
    if (plan.fulfilledBy === 'MERCHANT' && !(status === 'SHIPPED' && t > plan.latestDeliveryMs)) {
      address.phone = buyer.phone;
    }
    order.recipient = { deliveryAddress: address };
  }
  if (included.has('PROCEEDS') && !pending) {
    order.proceeds = orderProceeds(items, marketplace);
  }
  if (included.has('PAYMENT') && !pending && status !== 'CANCELLED') {
    const total = items.reduce((sum, i) => sum + itemProceedsMinor(i), 0);
    order.payment = {
      paymentExecutions: [
        {
          paymentMethod: plan.business && plan.index % 5 === 0 ? 'Invoice' : 'CreditCard',
          paymentAmount: money(total, marketplace),
        },
      ],
    };
  }
  if (
    included.has('TAX') &&
    !pending &&
    plan.business &&
    (marketplace.code === 'UK' || marketplace.code === 'DE')
  ) {
    order.tax = {
      taxRegistrations: [
        {
          entityType: 'BUYER',
          taxRegistrationType: 'VAT',
          taxRegistrationNumber: `${marketplace.code === 'UK' ? 'GB' : 'DE'}${String(100_000_000 + plan.index).slice(-9)}`,
        },
      ],
    };
  }
  if (included.has('FULFILLMENT')) {
    const fulfillment: Json = {
      fulfillmentStatus: status,
      fulfilledBy: plan.fulfilledBy,
      fulfillmentServiceLevel: plan.serviceLevel,
      shipByWindow: {
        earliestDateTime: iso(plan.preorder ? plan.releaseMs : plan.createdMs),
        latestDateTime: iso(plan.latestShipMs),
      },
      deliverByWindow: {
        earliestDateTime: iso(plan.latestShipMs + 1000),
        latestDateTime: iso(plan.latestDeliveryMs),
      },
    };
    order.fulfillment = fulfillment;
  }
  order.orderItems = items.map((item, line) =>
    renderItem(plan, item, line, status, t, included, marketplace),
  );
  if (included.has('PACKAGES') && plan.fulfilledBy === 'MERCHANT') {
    const packages = renderPackages(ctx.seed, plan, items, t, marketplace);
    if (packages.length > 0) order.packages = packages;
  }
  return order;
}

function orderProceeds(items: readonly PlannedItem[], marketplace: SandboxMarketplace): Json {
  const sums = { ITEM: 0, SHIPPING: 0, TAX: 0, DISCOUNT: 0 };
  for (const item of items) {
    sums.ITEM += item.itemMinor;
    sums.SHIPPING += item.shippingMinor;
    sums.TAX += item.taxMinor;
    sums.DISCOUNT += item.discountMinor;
  }
  const breakdowns = (Object.keys(sums) as (keyof typeof sums)[])
    .filter((type) => type === 'ITEM' || sums[type] !== 0)
    .map((type) => ({ type, subtotal: money(sums[type], marketplace) }));
  const total = sums.ITEM + sums.SHIPPING + sums.TAX + sums.DISCOUNT;
  return { grandTotal: money(total, marketplace), breakdowns };
}

export { firstParcelLines } from './order-timeline';

/** Whether a line is cancelled or shipped at t: what renderItem shows and orderTruth reports. */
export function lineStateAt(
  plan: OrderPlan,
  line: number,
  status: FulfillmentStatus,
  t: number,
): { sellerCancel: SellerLineCancellation | undefined; cancelled: boolean; shipped: boolean } {
  const sellerCancel = sellerCancellationAt(plan, line, t);
  return {
    sellerCancel,
    cancelled: sellerCancel !== undefined || plan.cancelledMs <= t,
    shipped:
      !sellerCancel &&
      (status === 'SHIPPED' || (status === 'PARTIALLY_SHIPPED' && line < firstParcelLines(plan))),
  };
}

/** Whether the buyer's request is reported on this line at t. */
export function buyerRequestOpenOnLine(plan: OrderPlan, line: number, shipped: boolean, t: number): boolean {
  return (
    plan.buyerRequestMs <= t &&
    !((plan.buyerRequestWithdrawnMs ?? NaN) <= t) &&
    !shipped &&
    (plan.buyerRequestLines === undefined || plan.buyerRequestLines.includes(line))
  );
}

function renderItem(
  plan: OrderPlan,
  item: PlannedItem,
  line: number,
  status: FulfillmentStatus,
  t: number,
  included: ReadonlySet<IncludedData>,
  marketplace: SandboxMarketplace,
): Json {
  const pending = isPendingStatus(status);
  const product: Json = {
    asin: item.product.asin,
    title: item.product.title,
    sellerSku: item.product.sku,
    condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
  };
  if (!pending) {
    const price: Json = { unitPrice: money(item.unitPriceMinor, marketplace) };
    if (item.businessPrice) price.priceDesignation = 'BUSINESS_PRICE';
    product.price = price;
  }
  if (item.customizedUrl) product.customization = { customizedUrl: item.customizedUrl };
  const out: Json = { orderItemId: item.orderItemId, quantityOrdered: item.quantity, product };
  if (included.has('PROCEEDS') && !pending) {
    const breakdowns: Json[] = [{ type: 'ITEM', subtotal: money(item.itemMinor, marketplace) }];
    if (item.shippingMinor)
      breakdowns.push({ type: 'SHIPPING', subtotal: money(item.shippingMinor, marketplace) });
    if (item.taxMinor) {
      breakdowns.push({
        type: 'TAX',
        subtotal: money(item.taxMinor, marketplace),
        detailedBreakdowns: [{ subtype: 'ITEM', value: money(item.taxMinor, marketplace) }],
      });
    }
    if (item.discountMinor) {
      breakdowns.push({
        type: 'DISCOUNT',
        subtotal: money(item.discountMinor, marketplace),
        detailedBreakdowns: [{ subtype: 'ITEM', value: money(item.discountMinor, marketplace) }],
      });
    }
    out.proceeds = { proceedsTotal: money(itemProceedsMinor(item), marketplace), breakdowns };
  }
  if (included.has('PROMOTION') && !pending && item.promotionId) {
    out.promotion = { breakdowns: [{ promotionId: item.promotionId }] };
  }
  const state = lineStateAt(plan, line, status, t);
  const sellerCancel = state.sellerCancel;
  if (included.has('CANCELLATION')) {
    const cancellation: Json = {};
    // Shipping closes a request (Amazon stops reporting it); a cancelled line keeps it beside the execution.
    if (buyerRequestOpenOnLine(plan, line, state.shipped, t)) {
      cancellation.cancellationRequest = { requester: 'BUYER', cancelReason: plan.buyerRequestReason };
    }
    if (sellerCancel) {
      cancellation.cancellationExecution = { cancelledBy: 'MERCHANT', cancelReason: sellerCancel.reason };
    } else if (state.cancelled) {
      cancellation.cancellationExecution = { cancelledBy: plan.cancelledBy, cancelReason: plan.cancelReason };
    }
    if (Object.keys(cancellation).length > 0) out.cancellation = cancellation;
  }
  if (included.has('FULFILLMENT')) {
    const shipped = state.shipped ? item.quantity : 0;
    const closed = status === 'CANCELLED' || status === 'UNFULFILLABLE' || sellerCancel !== undefined;
    const fulfillment: Json = {
      quantityFulfilled: shipped,
      quantityUnfulfilled: closed ? 0 : item.quantity - shipped,
    };
    if (item.giftMessage && !pending)
      fulfillment.packing = { giftOption: { giftMessage: item.giftMessage, giftWrapLevel: 'STANDARD' } };
    out.fulfillment = fulfillment;
  }
  if (included.has('TAX') && !pending && marketplace.code === 'US') {
    out.tax = {
      taxCollections: [{ model: 'MARKETPLACE_FACILITATOR', responsibleParty: 'Amazon Services, Inc.' }],
    };
  }
  return out;
}

function renderPackages(
  seed: number,
  plan: OrderPlan,
  items: readonly PlannedItem[],
  t: number,
  marketplace: SandboxMarketplace,
): Json[] {
  const random = mulberry32(hashSeed(seed, plan.index, 0x9ac6));
  const carrier = pick(random, marketplace.carriers);
  const parcels: { shipMs: number; lines: PlannedItem[] }[] = [];
  if (plan.partialShipMs <= t)
    parcels.push({ shipMs: plan.partialShipMs, lines: items.slice(0, firstParcelLines(plan)) });
  if (plan.shippedMs <= t) {
    parcels.push({
      shipMs: plan.shippedMs,
      lines: plan.partialShipMs === plan.partialShipMs ? items.slice(firstParcelLines(plan)) : [...items],
    });
  }
  // Lines the seller cancelled never ship; a parcel left without lines is not sent.
  const kept = parcels
    .map((parcel) => ({
      ...parcel,
      lines: parcel.lines.filter((l) => !sellerCancellationAt(plan, items.indexOf(l), Infinity)),
    }))
    .filter((parcel) => parcel.lines.length > 0);
  return kept.map((parcel, n) => ({
    packageReferenceId: String(n + 1),
    createdTime: iso(parcel.shipMs - 30 * 60_000),
    packageStatus:
      n === kept.length - 1 && plan.deliveredMs <= t
        ? { status: 'DELIVERED', detailedStatus: 'DELIVERED' }
        : { status: 'IN_TRANSIT', detailedStatus: 'PICKED_UP' },
    carrier: carrier.carrier,
    shipTime: iso(parcel.shipMs),
    shippingService: carrier.service,
    trackingNumber: `${carrier.carrier.slice(0, 2).toUpperCase()}${randomDigits(random, 12)}`,
    packageItems: parcel.lines.map((line) => ({ orderItemId: line.orderItemId, quantity: line.quantity })),
  }));
}
