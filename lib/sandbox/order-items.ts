/** The lines of one order, rebuilt on demand from (seed, index): products, quantities, prices. */
import type { CatalogProduct } from './catalog';
import { SANDBOX_MARKETPLACES } from './marketplaces';
import type { OrderPlan } from './order-timeline';
import { hashSeed, mulberry32, pick, pickWeighted, randomAlphanumeric, randomDigits } from './prng';

export interface PlannedItem {
  readonly orderItemId: string;
  readonly product: CatalogProduct;
  readonly quantity: number;
  /** All amounts in minor units of the marketplace currency. */
  readonly unitPriceMinor: number;
  readonly itemMinor: number;
  readonly shippingMinor: number;
  readonly taxMinor: number;
  /** Shown in reports for VAT markets where the price already includes tax. */
  readonly includedVatMinor: number;
  readonly discountMinor: number;
  readonly promotionId: string;
  readonly businessPrice: boolean;
  readonly giftMessage: string;
  readonly customizedUrl: string;
}

const GIFT_MESSAGES = ['Happy birthday!', 'Congratulations on the new home', 'With love, from all of us'];

export function plannedItems(
  seed: number,
  plan: OrderPlan,
  catalog: readonly CatalogProduct[],
): PlannedItem[] {
  const random = mulberry32(hashSeed(seed, plan.index, 0x17e55));
  const marketplace = SANDBOX_MARKETPLACES[plan.marketplaceIndex]!;
  const vatMarket = marketplace.code === 'UK' || marketplace.code === 'DE';
  const standard = catalog.filter((p) => !p.customizable);
  const custom = catalog.filter((p) => p.customizable);
  const used = new Set<string>();
  const items: PlannedItem[] = [];
  for (let line = 0; line < plan.itemCount; line++) {
    // Amazon Custom is a merchant-fulfilled program on Amazon's own site.
    const wantsCustom = plan.fulfilledBy === 'MERCHANT' && plan.channel === 'AMAZON' && random() < 0.08;
    let product = pick(random, wantsCustom ? custom : standard);
    for (let tries = 0; used.has(product.asin) && tries < 10; tries++) product = pick(random, standard);
    used.add(product.asin);
    const quantity = pickWeighted(random, [
      [1, 80],
      [2, 14],
      [3, 4],
      [5, 2],
    ] as const);
    const businessPrice = plan.business && random() < 0.4;
    let unit = Math.round(((product.usPriceMinor + 1) * marketplace.priceFactor) / 100) * 100 - 1;
    if (businessPrice) unit = Math.round(unit * 0.95);
    const itemMinor = unit * quantity;
    const shippingMinor =
      line === 0 && plan.fulfilledBy === 'MERCHANT' && !plan.prime
        ? plan.serviceLevel === 'STANDARD' || plan.serviceLevel === 'FREE_ECONOMY'
          ? 499
          : 999
        : 0;
    const promoted = random() < 0.1;
    const discountMinor = promoted ? -Math.round(itemMinor * 0.1) : 0;
    const taxable = itemMinor + shippingMinor + discountMinor;
    const taxMinor = vatMarket ? 0 : Math.round(taxable * marketplace.taxRate);
    const includedVatMinor = vatMarket
      ? Math.round((taxable * marketplace.taxRate) / (1 + marketplace.taxRate))
      : 0;
    items.push({
      orderItemId: randomDigits(random, 14).replace(/^0/, '1'),
      product,
      quantity,
      unitPriceMinor: unit,
      itemMinor,
      shippingMinor,
      taxMinor,
      includedVatMinor,
      discountMinor,
      promotionId: promoted ? `PROMO-${randomAlphanumeric(random, 8)}` : '',
      businessPrice,
      giftMessage: random() < 0.03 ? pick(random, GIFT_MESSAGES) : '',
      customizedUrl: product.customizable
        ? `https://zme-caps.amazon.com/t/${randomAlphanumeric(random, 12)}/${randomAlphanumeric(random, 22)}/1`
        : '',
    });
  }
  return items;
}

export function itemProceedsMinor(item: PlannedItem): number {
  return item.itemMinor + item.shippingMinor + item.taxMinor + item.discountMinor;
}
