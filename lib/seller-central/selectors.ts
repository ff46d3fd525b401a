/**
 * Every CSS selector and text matcher the content script relies on to read Seller Central, from the
 * markup and wording in shared/docs/seller-central-pages.md §2–3. As in Refined GitHub's
 * selectors.ts, each `name` has a `name_` beside it: how many elements it matches (in the document
 * and its open shadow roots) on each saved page in test/fixtures/seller-central/, checked by
 * test/unit/seller-central/selectors.test.ts. The counts are only read by that test, so the
 * bundler drops them from the content script.
 */

/** The saved pages in test/fixtures/seller-central/, by file name without `.html`. */
export type SavedPage =
  | 'buy-shipping'
  | 'cancel-order'
  | 'confirm-shipment'
  | 'edit-shipment'
  | 'malformed'
  | 'manage-orders-changed'
  | 'manage-orders-legacy'
  | 'manage-orders-requests'
  | 'manage-orders-unshipped'
  | 'order-details'
  | 'order-details-katal'
  | 'unrelated';

export type ExpectedCounts = Readonly<Record<SavedPage, number>>;

/** Elements matching `candidates` whose label (Katal `label`, input value, aria-label, text) or href matches. */
export interface TextMatcher {
  readonly candidates: string;
  readonly read: 'label' | 'href';
  readonly pattern: RegExp;
}

// Manage Orders

/** A Manage Orders row (classic table, or a row element carrying the order). */
export const orderRow = 'tr, [data-order-id], [data-test-id="order-row"]';
export const orderRow_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 2,
  'manage-orders-changed': 3,
  'manage-orders-legacy': 5,
  'manage-orders-requests': 5,
  'manage-orders-unshipped': 5,
  'order-details-katal': 0,
  'order-details': 4,
  unrelated: 1,
};

/** A row's own link to its order: the v3 details page or the legacy details link. */
export const rowOrderLink = 'a[href*="/orders-v3/order/"], a[href*="/gp/orders-v2/details"]';
export const rowOrderLink_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 1,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 2,
  'manage-orders-legacy': 5,
  'manage-orders-requests': 4,
  'manage-orders-unshipped': 4,
  'order-details-katal': 1,
  'order-details': 2,
  unrelated: 0,
};

/** Where a row shows its order id as text, when it has no link. */
export const rowOrderIdText =
  '.cell-body-title, [data-test-id="oth-order-details"], [data-test-id="order-id-value"]';
export const rowOrderIdText_: ExpectedCounts = {
  'buy-shipping': 1,
  'cancel-order': 1,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 1,
  'manage-orders-changed': 4,
  'manage-orders-legacy': 8,
  'manage-orders-requests': 8,
  'manage-orders-unshipped': 8,
  'order-details-katal': 1,
  'order-details': 1,
  unrelated: 0,
};

/** A row Seller Central shows as Unshipped: the rows that offer "Cancel order". */
export const unshippedStatus: TextMatcher = {
  candidates: '.order-status-column .main-status',
  read: 'label',
  pattern: /^unshipped$/i,
};
export const unshippedStatus_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 2,
  'manage-orders-legacy': 3,
  'manage-orders-requests': 4,
  'manage-orders-unshipped': 3,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

/** Seller Central's mark on a row whose buyer asked to cancel; its text reads "Cancellation reason: …". */
export const buyerRequestMarker = '.buyer-requested-cancel';
export const buyerRequestMarker_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 3,
  'manage-orders-unshipped': 1,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

// Cancel controls (Manage Orders rows and order details)

/** Elements that may be a "Cancel order" control: links, buttons, Katal buttons and menu options. */
export const cancelControlCandidates =
  'a, button, input[type="submit"], input[type="button"], kat-button, kat-option, [data-action], [role="menuitem"], .option';
export const cancelControlCandidates_: ExpectedCounts = {
  'buy-shipping': 2,
  'cancel-order': 4,
  'confirm-shipment': 2,
  'edit-shipment': 2,
  malformed: 3,
  'manage-orders-changed': 20,
  'manage-orders-legacy': 12,
  'manage-orders-requests': 36,
  'manage-orders-unshipped': 35,
  'order-details-katal': 10,
  'order-details': 7,
  unrelated: 5,
};

/** Katal's cancel action: a menu option or `kat-option` whose action is `cancelOrder`. */
export const cancelOrderAction = '[data-action="cancelOrder"], kat-option[value="cancelOrder"]';
export const cancelOrderAction_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 1,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 4,
  'manage-orders-unshipped': 2,
  'order-details-katal': 1,
  'order-details': 0,
  unrelated: 0,
};

/** A link to Seller Central's cancel page, v3 or legacy. */
export const cancelOrderLink: TextMatcher = {
  candidates: 'a[href]',
  read: 'href',
  pattern: /\/cancel-order(?:[/?#]|$)|\/gp\/orders-v2\/cancel(?:[/?#]|$)/,
};
export const cancelOrderLink_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 2,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

/** A control labelled "Cancel order" (AUI input, button, link, Katal button or option). */
export const cancelOrderLabel: TextMatcher = {
  candidates: cancelControlCandidates,
  read: 'label',
  pattern: /^cancel (?:this |entire |the )?order$/i,
};
export const cancelOrderLabel_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 1,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 3,
  'manage-orders-requests': 4,
  'manage-orders-unshipped': 4,
  'order-details-katal': 3,
  'order-details': 1,
  unrelated: 1,
};

/** Where one warning goes: one per Manage Orders row or details action bar, however many controls it has. */
export const detailsActionBar = '[data-test-id="order-details-header-action-buttons"]';
export const detailsActionBar_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 1,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 1,
  'order-details': 1,
  unrelated: 0,
};

export const warningScope = `tr, ${detailsActionBar}`;
export const warningScope_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 3,
  'manage-orders-changed': 3,
  'manage-orders-legacy': 5,
  'manage-orders-requests': 5,
  'manage-orders-unshipped': 5,
  'order-details-katal': 1,
  'order-details': 5,
  unrelated: 1,
};

/** The whole AUI button around a control, so a warning goes after it, not inside it. */
export const auiControlBox = '.a-button, .a-declarative';
export const auiControlBox_: ExpectedCounts = {
  'buy-shipping': 1,
  'cancel-order': 2,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 0,
  'manage-orders-changed': 1,
  'manage-orders-legacy': 2,
  'manage-orders-requests': 1,
  'manage-orders-unshipped': 3,
  'order-details-katal': 0,
  'order-details': 4,
  unrelated: 0,
};

// The cancel page

/** The cancel page's native submit (AUI renders its Submit as one). */
export const submitInput = 'input[type="submit"], button[type="submit"], form button:not([type])';
export const submitInput_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 1,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 1,
  'manage-orders-changed': 2,
  'manage-orders-legacy': 1,
  'manage-orders-requests': 2,
  'manage-orders-unshipped': 4,
  'order-details-katal': 0,
  'order-details': 1,
  unrelated: 1,
};

/**
 * What the seller fills in on a cancel form (reason, memo, scope). A cancel page showing none of it
 * (an order Amazon no longer lets you cancel) is not expected to have a Submit either.
 */
export const cancelFormInput =
  'select, textarea, input[type="radio"], kat-dropdown, kat-textarea, kat-radiobutton';
export const cancelFormInput_: ExpectedCounts = {
  'buy-shipping': 2,
  'cancel-order': 4,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 1,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

/** A button-like control labelled "Submit" (Katal or ARIA). */
export const submitLabel: TextMatcher = {
  candidates: 'button, input[type="button"], kat-button, [role="button"]',
  read: 'label',
  pattern: /^submit$/i,
};
export const submitLabel_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 0,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

// Shipping pages

/** The confirm-shipment page's own action button. */
export const confirmShipmentAction =
  '[data-test-id="confirm-shipment-button-action"] input, [data-test-id="confirm-shipment-button-action"] button';
export const confirmShipmentAction_: ExpectedCounts = {
  'buy-shipping': 0,
  'cancel-order': 0,
  'confirm-shipment': 1,
  'edit-shipment': 0,
  malformed: 0,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 0,
  'order-details': 0,
  unrelated: 0,
};

/** "Confirm shipment", "Re-confirm Shipment", "Buy shipping" controls. */
export const shipLabel: TextMatcher = {
  candidates: 'button, input[type="submit"], input[type="button"], kat-button, a, [role="button"]',
  read: 'label',
  pattern: /^(?:re-?confirm shipment|confirm shipment|buy shipping(?: label)?|purchase shipping|buy label)$/i,
};
export const shipLabel_: ExpectedCounts = {
  'buy-shipping': 1,
  'cancel-order': 0,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 0,
  'manage-orders-changed': 2,
  'manage-orders-legacy': 2,
  'manage-orders-requests': 4,
  'manage-orders-unshipped': 4,
  'order-details-katal': 1,
  'order-details': 2,
  unrelated: 0,
};

// Order details

/** The order id the details (and cancel, shipping) pages show. */
export const orderIdValue = '[data-test-id="order-id-value"]';
export const orderIdValue_: ExpectedCounts = {
  'buy-shipping': 1,
  'cancel-order': 1,
  'confirm-shipment': 1,
  'edit-shipment': 1,
  malformed: 1,
  'manage-orders-changed': 0,
  'manage-orders-legacy': 0,
  'manage-orders-requests': 0,
  'manage-orders-unshipped': 0,
  'order-details-katal': 1,
  'order-details': 1,
  unrelated: 0,
};

/** The block around the order id, below which the order panel goes when there is no action bar. */
export const orderIdLine = 'div, p, h1, h2, h3, li';
export const orderIdLine_: ExpectedCounts = {
  'buy-shipping': 7,
  'cancel-order': 6,
  'confirm-shipment': 7,
  'edit-shipment': 7,
  malformed: 4,
  'manage-orders-changed': 37,
  'manage-orders-legacy': 15,
  'manage-orders-requests': 68,
  'manage-orders-unshipped': 63,
  'order-details-katal': 12,
  'order-details': 13,
  unrelated: 5,
};

/** The page's main content, best first; injected banners go just before the first found. */
export const mainContent = '#sc-content-container, main, [role="main"], #MYO-app, #a-page';
export const mainContent_: ExpectedCounts = {
  'buy-shipping': 3,
  'cancel-order': 3,
  'confirm-shipment': 3,
  'edit-shipment': 3,
  malformed: 1,
  'manage-orders-changed': 3,
  'manage-orders-legacy': 3,
  'manage-orders-requests': 3,
  'manage-orders-unshipped': 3,
  'order-details-katal': 3,
  'order-details': 3,
  unrelated: 2,
};
export const MAIN_CONTENT_ORDER: readonly string[] = mainContent.split(', ');
