import type { Region } from '../settings/settings-schema';

/** One Amazon marketplace: its SP-API id, the seller-facing code and where Seller Central lives. */
export interface Marketplace {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly region: Region;
  readonly sellerCentralHost: string;
  readonly currency: string;
}

// Ids from Amazon's marketplace-ids page; regions from the SP-API endpoints table.
export const MARKETPLACES: readonly Marketplace[] = [
  m('ATVPDKIKX0DER', 'US', 'Amazon.com', 'na', 'sellercentral.amazon.com', 'USD'),
  m('A2EUQ1WTGCTBG2', 'CA', 'Amazon.ca', 'na', 'sellercentral.amazon.ca', 'CAD'),
  m('A1AM78C64UM0Y8', 'MX', 'Amazon.com.mx', 'na', 'sellercentral.amazon.com.mx', 'MXN'),
  m('A2Q3Y263D00KWC', 'BR', 'Amazon.com.br', 'na', 'sellercentral.amazon.com.br', 'BRL'),
  m('A1F83G8C2ARO7P', 'UK', 'Amazon.co.uk', 'eu', 'sellercentral.amazon.co.uk', 'GBP'),
  m('A1PA6795UKMFR9', 'DE', 'Amazon.de', 'eu', 'sellercentral.amazon.de', 'EUR'),
  m('A13V1IB3VIYZZH', 'FR', 'Amazon.fr', 'eu', 'sellercentral.amazon.fr', 'EUR'),
  m('APJ6JRA9NG5V4', 'IT', 'Amazon.it', 'eu', 'sellercentral.amazon.it', 'EUR'),
  m('A1RKKUPIHCS9HS', 'ES', 'Amazon.es', 'eu', 'sellercentral.amazon.es', 'EUR'),
  m('A1805IZSGTT6HS', 'NL', 'Amazon.nl', 'eu', 'sellercentral.amazon.nl', 'EUR'),
  m('A2NODRKZP88ZB9', 'SE', 'Amazon.se', 'eu', 'sellercentral.amazon.se', 'SEK'),
  m('A1C3SOZRARQ6R3', 'PL', 'Amazon.pl', 'eu', 'sellercentral.amazon.pl', 'PLN'),
  m('AMEN7PMS3EDWL', 'BE', 'Amazon.com.be', 'eu', 'sellercentral.amazon.com.be', 'EUR'),
  m('A28R8C7NBKEWEA', 'IE', 'Amazon.ie', 'eu', 'sellercentral.amazon.ie', 'EUR'),
  m('A33AVAJ2PDY3EV', 'TR', 'Amazon.com.tr', 'eu', 'sellercentral.amazon.com.tr', 'TRY'),
  m('A2VIGQ35RCS4UG', 'AE', 'Amazon.ae', 'eu', 'sellercentral.amazon.ae', 'AED'),
  m('A17E79C6D8DWNP', 'SA', 'Amazon.sa', 'eu', 'sellercentral.amazon.sa', 'SAR'),
  m('ARBP9OOSHTCHU', 'EG', 'Amazon.eg', 'eu', 'sellercentral.amazon.eg', 'EGP'),
  m('A21TJRUUN4KGV', 'IN', 'Amazon.in', 'eu', 'sellercentral.amazon.in', 'INR'),
  m('AE08WJ6YKNBMC', 'ZA', 'Amazon.co.za', 'eu', 'sellercentral.amazon.co.za', 'ZAR'),
  m('A1VC38T7YXB528', 'JP', 'Amazon.co.jp', 'fe', 'sellercentral.amazon.co.jp', 'JPY'),
  m('A39IBJ37TRP1C6', 'AU', 'Amazon.com.au', 'fe', 'sellercentral.amazon.com.au', 'AUD'),
  m('A19VAU5U5O7RUS', 'SG', 'Amazon.sg', 'fe', 'sellercentral.amazon.sg', 'SGD'),
];

function m(
  id: string,
  code: string,
  name: string,
  region: Region,
  sellerCentralHost: string,
  currency: string,
): Marketplace {
  return { id, code, name, region, sellerCentralHost, currency };
}

const BY_ID = new Map(MARKETPLACES.map((mp) => [mp.id, mp]));

export function marketplaceById(marketplaceId: string): Marketplace | undefined {
  return BY_ID.get(marketplaceId);
}

export function marketplacesInRegion(region: Region): Marketplace[] {
  return MARKETPLACES.filter((mp) => mp.region === region);
}

/** The seller-facing code ("US", "DE"), or the raw id when the marketplace is not in the table. */
export function marketplaceCode(marketplaceId: string): string {
  return BY_ID.get(marketplaceId)?.code ?? marketplaceId;
}

/**
 * The order's page in the Seller Central of its own marketplace. An unknown marketplace falls back
 * to the US host so the link still leads somewhere the seller can switch marketplace.
 */
export function sellerCentralOrderUrl(marketplaceId: string, orderId: string): string {
  const host = BY_ID.get(marketplaceId)?.sellerCentralHost ?? 'sellercentral.amazon.com';
  return `https://${host}/orders-v3/order/${encodeURIComponent(orderId)}`;
}

/**
 * Where sales tax is added on top of the price at checkout (US, Canada). Everywhere else Amazon shows
 * prices with VAT / GST included, and an order report's item-tax is the tax already inside
 * item-price, not an amount to add to it.
 */
const TAX_ADDED_AT_CHECKOUT: ReadonlySet<string> = new Set(['US', 'CA']);

/** True when the marketplace's prices already include tax; unknown marketplaces decide by currency. */
export function pricesIncludeTax(marketplaceId: string, currency?: string): boolean {
  const marketplace = BY_ID.get(marketplaceId);
  if (marketplace) return !TAX_ADDED_AT_CHECKOUT.has(marketplace.code);
  return currency !== 'USD' && currency !== 'CAD';
}
