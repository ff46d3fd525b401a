import { composedClosest } from './element-observer';
import { findOrderId } from '../domain/order-id';
import { orderIdFromUrl } from './pages';

/**
 * Seller Central's own controls, recognised by markup and English wording from
 * shared/docs/seller-central-pages.md §2–3. Each is checked against the saved pages in
 * test/fixtures/seller-central/.
 */

/** Elements that may be a "Cancel order" control: links, buttons, Katal buttons and menu options. */
export const CANCEL_CONTROL_CANDIDATES =
  'a, button, input[type="submit"], input[type="button"], kat-button, kat-option, [data-action], [role="menuitem"], .option';

const CANCEL_HREF = /\/cancel-order(?:[/?#]|$)|\/gp\/orders-v2\/cancel(?:[/?#]|$)/;
const CANCEL_LABEL = /^cancel (?:this |entire |the )?order$/i;
const SUBMIT_LABEL = /^submit$/i;
const SHIP_LABEL =
  /^(?:re-?confirm shipment|confirm shipment|buy shipping(?: label)?|purchase shipping|buy label)$/i;

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

/** A "Cancel order" link, button or menu option (Katal `data-action="cancelOrder"` included). */
export function isCancelControl(element: Element): boolean {
  if (element.getAttribute('data-action') === 'cancelOrder') return true;
  if (element.getAttribute('value') === 'cancelOrder' && element.localName === 'kat-option') return true;
  if (element instanceof HTMLAnchorElement && CANCEL_HREF.test(element.getAttribute('href') ?? ''))
    return true;
  if (!element.matches(CANCEL_CONTROL_CANDIDATES)) return false;
  return CANCEL_LABEL.test(controlLabel(element));
}

/** The cancel page's Submit (native submit, AUI button input or Katal button). */
export function isSubmitControl(element: Element): boolean {
  if (element.matches('input[type="submit"], button[type="submit"], form button:not([type])')) return true;
  if (!element.matches('button, input[type="button"], kat-button, [role="button"]')) return false;
  return SUBMIT_LABEL.test(controlLabel(element));
}

/** "Confirm shipment", "Re-confirm Shipment" and "Buy shipping" controls on the shipping pages. */
export function isShipControl(element: Element): boolean {
  if (
    element.matches(
      '[data-test-id="confirm-shipment-button-action"] input, [data-test-id="confirm-shipment-button-action"] button',
    )
  ) {
    return true;
  }
  if (
    !element.matches('button, input[type="submit"], input[type="button"], kat-button, a, [role="button"]')
  ) {
    return false;
  }
  return SHIP_LABEL.test(controlLabel(element));
}

const ROW = 'tr, [data-order-id], [data-test-id="order-row"]';
const ROW_ORDER_ID =
  '.cell-body-title a, [data-test-id="oth-order-details"], [data-test-id="order-id-value"]';

/** The order a control acts on: its link, its Manage Orders row, the page URL, or the details header. */
export function orderIdForControl(control: Element, url: URL): string | undefined {
  const fromHref =
    control instanceof HTMLAnchorElement ? findOrderId(control.getAttribute('href')) : undefined;
  if (fromHref) return fromHref;
  const row = composedClosest(control, ROW);
  if (row) {
    const fromRow =
      findOrderId(row.getAttribute('data-order-id')) ??
      findOrderId(row.querySelector(ROW_ORDER_ID)?.textContent) ??
      findOrderId(row.textContent);
    if (fromRow) return fromRow;
  }
  return orderIdFromUrl(url) ?? orderIdInPage(control.ownerDocument);
}

/** The order id the details header shows (`span[data-test-id="order-id-value"]`). */
export function orderIdInPage(doc: Document): string | undefined {
  return findOrderId(doc.querySelector('[data-test-id="order-id-value"]')?.textContent);
}
