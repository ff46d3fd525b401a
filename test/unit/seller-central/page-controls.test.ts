// @vitest-environment jsdom
import {
  isCancelControl,
  isShipControl,
  isSubmitControl,
  orderIdForControl,
  orderIdOfRow,
} from '../../../lib/seller-central/page-controls';
import { cancelControlCandidates } from '../../../lib/seller-central/selectors';
import { loadFixture } from './seller-central-page';

/** Every element in the document and its open shadow roots. */
function allElements(root: Document | ShadowRoot = document): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...allElements(el.shadowRoot));
  }
  return found;
}

function labels(check: (el: Element) => boolean): string[] {
  return allElements()
    .filter((el) => el.matches(cancelControlCandidates) || el.matches('input, button, kat-button, a'))
    .filter(check)
    .map((el) => `${el.localName}:${(el.getAttribute('value') ?? el.textContent ?? '').trim()}`);
}

// Like Refined GitHub's selector tests: each recogniser with the count expected on each saved page.
describe('Seller Central controls on saved pages', () => {
  it.each([
    ['manage-orders-unshipped.html', 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped', 4],
    ['manage-orders-legacy.html', 'https://sellercentral.amazon.co.uk/orders-v3', 3],
    ['manage-orders-changed.html', 'https://sellercentral.amazon.com/orders-v3/mfn/unshipped', 0],
    ['order-details.html', 'https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567', 1],
    ['order-details-katal.html', 'https://sellercentral.amazon.de/orders-v3/order/302-7654321-1234567', 3],
    [
      'cancel-order.html',
      'https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567/cancel-order',
      0,
    ],
    ['unrelated.html', 'https://sellercentral.amazon.com/inventory', 1],
  ])('%s has %i cancel controls', (fixture, url, count) => {
    loadFixture(fixture, url);
    expect(labels(isCancelControl)).toHaveLength(count);
  });

  it('finds the order of each cancel control on the Manage Orders list: Katal options and AUI buttons', () => {
    const url = new URL('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    loadFixture('manage-orders-unshipped.html', url.href);
    const ids = allElements()
      .filter(isCancelControl)
      .map((el) => orderIdForControl(el, url));
    expect(ids).toEqual([
      '113-4567890-1234567',
      '113-4567890-1234567',
      '114-2223334-5556667',
      '112-2223334-4445556',
    ]);
  });

  it("reads a row's id from its own link, though minified text runs the id into its neighbours", () => {
    const url = new URL('https://sellercentral.amazon.co.uk/orders-v3');
    loadFixture('manage-orders-legacy.html', url.href);
    const row = document.querySelector('#orders-table tbody tr')!;
    // No whitespace between elements: the date, the id and the status run together.
    expect(row.textContent).toMatch(/^12\/03\/2026203-1234567-7654321Unshipped/);
    const ids = allElements()
      .filter(isCancelControl)
      .map((el) => orderIdForControl(el, url));
    // The last row has no link: its id is text run into a badge ("…5556667Business").
    expect(ids).toEqual(['203-1234567-7654321', '204-7654321-1234567', '206-3334445-5556667']);
  });

  it("prefers the row's own id cell to a link to another order elsewhere in the row", () => {
    document.body.replaceChildren();
    const row = document.createElement('tr');
    const other = document.createElement('td');
    const replaced = document.createElement('a');
    replaced.href = '/orders-v3/order/111-0000000-0000001';
    replaced.textContent = 'Replacement for 111-0000000-0000001';
    other.append(replaced);
    const idCell = document.createElement('td');
    idCell.dataset.testId = 'oth-order-details';
    const own = document.createElement('a');
    own.href = '/orders-v3/order/222-0000000-0000002';
    own.textContent = '222-0000000-0000002';
    idCell.append(own);
    row.append(other, idCell);
    expect(orderIdOfRow(row)).toBe('222-0000000-0000002');
  });

  it('recognises the Submit of the cancel page only', () => {
    loadFixture(
      'cancel-order.html',
      'https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567/cancel-order',
    );
    expect(labels(isSubmitControl)).toEqual(['input:Submit']);
  });

  it.each([
    ['confirm-shipment.html', ['input:Confirm shipment']],
    ['buy-shipping.html', ['button:Buy shipping']],
    ['edit-shipment.html', ['input:Re-confirm Shipment']],
    ['order-details.html', ['a:Buy shipping', 'a:Confirm shipment']],
  ])('recognises the shipping controls of %s', (fixture, expected) => {
    loadFixture(fixture, 'https://sellercentral.amazon.com/');
    expect(labels(isShipControl)).toEqual(expected);
  });
});
