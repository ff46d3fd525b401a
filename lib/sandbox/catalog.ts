/** The sandbox seller's catalogue: plausible titles, SKUs, ASINs (B0 + 8) and US list prices. */
import { hashSeed, mulberry32, pick, randomAlphanumeric, randomInt } from './prng';

export interface CatalogProduct {
  readonly asin: string;
  readonly sku: string;
  readonly title: string;
  /** US list price in cents. */
  readonly usPriceMinor: number;
  /** Amazon Custom product: orders carry a customizedUrl. */
  readonly customizable: boolean;
}

const BRANDS = [
  'Northwind',
  'Larkspur',
  'Copperline',
  'Bluefen',
  'Oakhollow',
  'Veloria',
  'Tidewater',
  'Kestrel',
];
const THINGS: readonly { noun: string; variants: readonly string[]; price: [number, number] }[] = [
  {
    noun: 'Stainless Steel Water Bottle, 750 ml',
    variants: ['Matte Black', 'Sage Green', 'Arctic White'],
    price: [1499, 2999],
  },
  { noun: 'Bamboo Cutting Board Set (3 Pieces)', variants: ['Natural', 'Dark Walnut'], price: [1999, 3999] },
  { noun: 'Wireless Charging Pad, 15W', variants: ['Black', 'White'], price: [1299, 2499] },
  {
    noun: 'Cotton Throw Blanket, 130 x 170 cm',
    variants: ['Oatmeal', 'Charcoal', 'Dusty Rose'],
    price: [2499, 4999],
  },
  { noun: 'LED Desk Lamp with USB Port', variants: ['Silver', 'Black'], price: [2299, 4499] },
  { noun: 'Yoga Mat, Non-Slip, 6 mm', variants: ['Purple', 'Teal', 'Graphite'], price: [1999, 3499] },
  {
    noun: 'Ceramic Coffee Mug, 350 ml (Set of 4)',
    variants: ['Speckled', 'Glossy Blue'],
    price: [1899, 3299],
  },
  {
    noun: 'Mechanical Keyboard, Hot-Swappable',
    variants: ['Brown Switches', 'Red Switches'],
    price: [5999, 11999],
  },
  { noun: 'Hiking Backpack, 30 L', variants: ['Olive', 'Navy', 'Rust'], price: [3999, 7999] },
  { noun: 'Silicone Baking Mats (2 Pack)', variants: ['Half Sheet', 'Quarter Sheet'], price: [999, 1799] },
  { noun: 'Noise Cancelling Earbuds', variants: ['Black', 'Ivory'], price: [4999, 9999] },
  { noun: 'Cast Iron Skillet, 26 cm', variants: ['Pre-Seasoned'], price: [2499, 3999] },
];
const CUSTOM_THINGS: readonly { noun: string; price: [number, number] }[] = [
  { noun: 'Personalized Engraved Cutting Board', price: [2999, 4999] },
  { noun: 'Custom Name Necklace, Sterling Silver', price: [3499, 6999] },
  { noun: 'Personalized Pet Portrait Mug', price: [1999, 2999] },
  { noun: 'Custom Embroidered Baseball Cap', price: [2299, 3499] },
];

export function buildCatalog(seed: number): readonly CatalogProduct[] {
  const random = mulberry32(hashSeed(seed, 0xca7a10));
  const products: CatalogProduct[] = [];
  const seen = new Set<string>();
  const add = (title: string, price: [number, number], customizable: boolean, skuStem: string) => {
    let asin = '';
    do asin = 'B0' + randomAlphanumeric(random, 8);
    while (seen.has(asin));
    seen.add(asin);
    const cents = Math.round(randomInt(random, price[0], price[1]) / 100) * 100 - 1;
    products.push({
      asin,
      sku: `${skuStem}-${String(products.length + 1).padStart(3, '0')}`,
      title,
      usPriceMinor: Math.max(499, cents),
      customizable,
    });
  };
  for (const thing of THINGS) {
    const brand = pick(random, BRANDS);
    for (const variant of thing.variants) {
      const stem = (brand.slice(0, 3) + '-' + thing.noun.replace(/[^A-Za-z]/g, '').slice(0, 5)).toUpperCase();
      add(`${brand} ${thing.noun} - ${variant}`, thing.price, false, stem);
    }
  }
  for (const thing of CUSTOM_THINGS) {
    const brand = pick(random, BRANDS);
    add(`${brand} ${thing.noun}`, thing.price, true, 'CUST-' + brand.slice(0, 3).toUpperCase());
  }
  return products;
}
