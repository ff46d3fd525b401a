/**
 * "Seller Central changed": a feature that should have found its anchor on a page did not, so the
 * seller's protection there is not active. Pure rules; the background stores the records
 * (lib/background/seller-central-health.ts) and the options page shows them.
 */

/** The features the content script injects (lib/seller-central/features/). */
export const SELLER_CENTRAL_FEATURES = [
  'cancel-warning',
  'ship-block',
  'order-panel',
  'buyer-request-rows',
] as const;
export type SellerCentralFeature = (typeof SELLER_CENTRAL_FEATURES)[number];

/** The kinds of Seller Central page a feature runs on (lib/seller-central/pages.ts). */
export const SELLER_CENTRAL_PAGE_KINDS = [
  'manage-orders',
  'order-details',
  'cancel-order',
  'shipping',
] as const;
export type SellerCentralPageKind = (typeof SELLER_CENTRAL_PAGE_KINDS)[number];

/** What a feature found on one page: its anchor (`placed`), or not where the page expected one. */
export interface AnchorReport {
  readonly feature: SellerCentralFeature;
  readonly page: SellerCentralPageKind;
  readonly placed: boolean;
}

/** One feature that has been missing its anchor on one kind of page since `firstSeen`. */
export interface MissingAnchor {
  readonly feature: SellerCentralFeature;
  readonly page: SellerCentralPageKind;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** At most this many records are kept (there are only features × page kinds of them, unless storage holds junk). */
export const MAX_MISSING_ANCHORS = 20;

/**
 * The records after a report: a miss adds one (or moves its lastSeen), a placement on that page kind
 * clears it. Newest first; the oldest go past the cap. Returns the same array when nothing changed.
 */
export function applyAnchorReport(
  records: readonly MissingAnchor[],
  report: AnchorReport,
  now: string,
): readonly MissingAnchor[] {
  const same = (record: MissingAnchor) => record.feature === report.feature && record.page === report.page;
  const existing = records.find(same);
  if (report.placed) return existing ? records.filter((record) => !same(record)) : records;
  const updated: MissingAnchor = {
    feature: report.feature,
    page: report.page,
    firstSeen: existing?.firstSeen ?? now,
    lastSeen: now,
  };
  return [updated, ...records.filter((record) => !same(record))].slice(0, MAX_MISSING_ANCHORS);
}

const FEATURE_NAMES: Record<SellerCentralFeature, string> = {
  'cancel-warning': 'the cancel warning',
  'ship-block': 'the do-not-ship warning',
  'order-panel': 'the order panel',
  'buyer-request-rows': 'the buyer request notes',
};

const PAGE_NAMES: Record<SellerCentralPageKind, string> = {
  'manage-orders': 'Manage Orders',
  'order-details': 'Order Details',
  'cancel-order': 'the Cancel Order page',
  shipping: 'the shipping pages',
};

/** "the cancel warning could not be placed on Manage Orders" */
export function missingAnchorText(record: Pick<MissingAnchor, 'feature' | 'page'>): string {
  return `${FEATURE_NAMES[record.feature]} could not be placed on ${PAGE_NAMES[record.page]}`;
}
