import { findOrderId } from '../domain/order-id';
import { composedClosest } from './element-observer';
import { orderIdFromUrl } from './pages';
import {
  cancelOrderAction,
  cancelOrderLabel,
  cancelOrderLink,
  confirmShipmentAction,
  orderIdValue,
  orderRow,
  rowOrderIdText,
  rowOrderLink,
  shipLabel,
  submitInput,
  submitLabel,
  type TextMatcher,
  unshippedStatus,
} from './selectors';

/** Seller Central's own controls, recognised by the selectors and wording in selectors.ts. */

/** The visible label of a control: Katal's `label`, an input's value, or its text. */
export function controlLabel(element: Element): string {
  const raw =
    element.getAttribute('label') ??
    (element instanceof HTMLInputElement ? element.value : null) ??
    element.getAttribute('aria-label') ??
    element.textContent ??
    '';
  return raw.replace(/\s+/g, ' ').trim();
}

/** Whether an element is one of a text matcher's candidates and its label or href matches. */
export function matchesText(element: Element, matcher: TextMatcher): boolean {
  if (!element.matches(matcher.candidates)) return false;
  const text = matcher.read === 'href' ? (element.getAttribute('href') ?? '') : controlLabel(element);
  return matcher.pattern.test(text);
}

/** A "Cancel order" link, button or menu option (Katal `data-action="cancelOrder"` included). */
export function isCancelControl(element: Element): boolean {
  return (
    element.matches(cancelOrderAction) ||
    matchesText(element, cancelOrderLink) ||
    matchesText(element, cancelOrderLabel)
  );
}

/** The cancel page's Submit (native submit, AUI button input or Katal button). */
export function isSubmitControl(element: Element): boolean {
  return element.matches(submitInput) || matchesText(element, submitLabel);
}

/** "Confirm shipment", "Re-confirm Shipment" and "Buy shipping" controls on the shipping pages. */
export function isShipControl(element: Element): boolean {
  return element.matches(confirmShipmentAction) || matchesText(element, shipLabel);
}

/**
 * The order a row is about: its data attribute, its own order-id cell (that cell's link, then its
 * text), any order link, then the row's text. The id cell comes first because a row may link another
 * order elsewhere (a replacement's original); links before text because minified markup runs an id's
 * text into its neighbours.
 */
export function orderIdOfRow(row: Element): string | undefined {
  const fromAttribute = findOrderId(row.getAttribute('data-order-id'));
  if (fromAttribute) return fromAttribute;
  for (const cell of row.querySelectorAll(rowOrderIdText)) {
    const link = cell.matches(rowOrderLink) ? cell : cell.querySelector(rowOrderLink);
    const fromCell = findOrderId(link?.getAttribute('href')) ?? findOrderId(cell.textContent);
    if (fromCell) return fromCell;
  }
  for (const link of row.querySelectorAll(rowOrderLink)) {
    const fromLink = findOrderId(link.getAttribute('href'));
    if (fromLink) return fromLink;
  }
  return findOrderId(row.textContent);
}

/** The order a control acts on: its link, its Manage Orders row, the page URL, or the details header. */
export function orderIdForControl(control: Element, url: URL): string | undefined {
  const fromHref =
    control instanceof HTMLAnchorElement ? findOrderId(control.getAttribute('href')) : undefined;
  if (fromHref) return fromHref;
  const row = composedClosest(control, orderRow);
  const fromRow = row ? orderIdOfRow(row) : undefined;
  return fromRow ?? orderIdFromUrl(url) ?? orderIdInPage(control.ownerDocument);
}

/** The order id the details header shows (`span[data-test-id="order-id-value"]`). */
export function orderIdInPage(doc: Document): string | undefined {
  return findOrderId(doc.querySelector(orderIdValue)?.textContent);
}

/**
 * Whether a Manage Orders page shows an order Seller Central lets the seller cancel (an Unshipped
 * row), so a page without a recognised cancel control means the page changed. A page of shipped
 * or pending orders, or an empty one, expects none.
 */
export function showsUnshippedOrders(doc: Document): boolean {
  return [...doc.querySelectorAll(unshippedStatus.candidates)].some((element) =>
    matchesText(element, unshippedStatus),
  );
}
