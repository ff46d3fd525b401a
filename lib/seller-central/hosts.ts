/** Every Seller Central host the content script runs on (see shared/docs/seller-central-pages.md §1). */
export const SELLER_CENTRAL_HOSTS = [
  'sellercentral.amazon.com',
  'sellercentral.amazon.ca',
  'sellercentral.amazon.com.mx',
  'sellercentral.amazon.com.br',
  'sellercentral.amazon.co.uk',
  'sellercentral.amazon.de',
  'sellercentral.amazon.fr',
  'sellercentral.amazon.it',
  'sellercentral.amazon.es',
  'sellercentral.amazon.nl',
  'sellercentral.amazon.se',
  'sellercentral.amazon.pl',
  'sellercentral.amazon.com.be',
  'sellercentral.amazon.ie',
  'sellercentral.amazon.com.tr',
  'sellercentral.amazon.ae',
  'sellercentral.amazon.sa',
  'sellercentral.amazon.eg',
  'sellercentral.amazon.in',
  'sellercentral.amazon.sg',
  'sellercentral.amazon.com.au',
  'sellercentral.amazon.co.jp',
  'sellercentral.amazon.co.za',
  'sellercentral-europe.amazon.com',
  'sellercentral-japan.amazon.com',
] as const;

export type SellerCentralHost = (typeof SELLER_CENTRAL_HOSTS)[number];

/** Match patterns for the content script's `matches` (the manifest asks for no other Seller Central access). */
export const SELLER_CENTRAL_MATCHES: string[] = SELLER_CENTRAL_HOSTS.map((host) => `https://${host}/*`);

const hostSet: ReadonlySet<string> = new Set(SELLER_CENTRAL_HOSTS);

export function isSellerCentralHost(hostname: string): boolean {
  return hostSet.has(hostname.toLowerCase());
}
