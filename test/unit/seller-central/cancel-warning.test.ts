// @vitest-environment jsdom
import { CANCEL_WARNING_TEXT, cancelWarning } from '../../../lib/seller-central/features/cancel-warning';
import {
  buttonIn,
  fakeRequests,
  clickAsPage,
  hosts,
  loadFixture,
  settle,
  shadowOf,
  testContext,
  trustedClick,
  type TestContext,
} from './seller-central-page';

const US = 'https://sellercentral.amazon.com';

// Runs still alive after a failed test would keep placing their hosts; end them all.
const runs: AbortController[] = [];
function run(): AbortController {
  const controller = new AbortController();
  runs.push(controller);
  return controller;
}
afterEach(() => {
  for (const controller of runs.splice(0)) controller.abort();
});

/** The orders the warnings' "Cancel in order manager" buttons open (hosts carry no order id). */
async function ordersOpenedBy(
  warnings: readonly Element[],
  context: TestContext,
): Promise<(string | undefined)[]> {
  const before = context.requests.opened.length;
  for (const host of warnings) trustedClick(buttonIn(host, 'Cancel in order manager'));
  await settle();
  return context.requests.opened.slice(before).map((opened) => opened.orderId);
}

function optionIn(menu: Element, action: string): Element {
  const option = menu.shadowRoot?.querySelector(`.option[data-action="${action}"]`);
  if (!option) throw new Error(`no ${action} option`);
  return option;
}

describe('cancel-warning on Manage Orders (Katal menus)', () => {
  let controller: AbortController;
  beforeEach(() => {
    loadFixture('manage-orders-unshipped.html', `${US}/orders-v3/mfn/unshipped`);
    controller = run();
  });
  afterEach(() => controller.abort());

  it('puts one warning in each row that offers "Cancel order" (Katal menu option, AUI button or both)', async () => {
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    const warnings = hosts('cancel-warning');
    expect(await ordersOpenedBy(warnings, context)).toEqual([
      '113-4567890-1234567',
      '114-2223334-5556667',
      '112-2223334-4445556',
    ]);
    for (const host of warnings) {
      expect(host.closest('td')?.classList.contains('myo-table-action-column')).toBe(true);
      expect(shadowOf(host).textContent).toContain(CANCEL_WARNING_TEXT);
      expect(host.shadowRoot).toBeNull();
      expect(host.getAttributeNames()).toEqual(['data-order-manager']);
    }
  });

  it('opens the manager on that order with its cancel dialog', async () => {
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    trustedClick(buttonIn(hosts('cancel-warning')[1]!, 'Cancel in order manager'));
    await settle();
    expect(context.requests.opened).toEqual([{ orderId: '114-2223334-5556667', action: 'cancel' }]);
  });

  it("acts on trusted events only: page script's clicks open nothing and raise no dialog", async () => {
    const context = testContext(fakeRequests('every-order'), false);
    await cancelWarning.init(controller.signal, context);
    const host = hosts('cancel-warning')[1]!;
    const button = buttonIn(host, 'Cancel in order manager');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.click();
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle();
    expect(context.requests.opened).toEqual([]);
    // A synthetic click on Seller Central's own cancel option is not the seller: no dialog.
    const menu = document.querySelector('#orders-table tbody tr kat-dropdown-button')!;
    expect(clickAsPage(optionIn(menu, 'cancelOrder'), { trusted: false }).pageSawClick).toBe(true);
    expect(context.confirmations).toEqual([]);
  });

  it("asks before Seller Central's own cancel option acts, and blocks it when declined", async () => {
    const context = testContext(fakeRequests('every-order'), false);
    await cancelWarning.init(controller.signal, context);
    const menu = document.querySelector('#orders-table tbody tr kat-dropdown-button')!;
    const declined = clickAsPage(optionIn(menu, 'cancelOrder').querySelector('span')!);
    expect(context.confirmations).toHaveLength(1);
    expect(declined).toEqual({ pageSawClick: false, defaultPrevented: true });

    context.answer = true;
    const accepted = clickAsPage(optionIn(menu, 'cancelOrder'));
    expect(accepted).toEqual({ pageSawClick: true, defaultPrevented: false });
    expect(context.confirmations).toHaveLength(2);
  });

  it('guards the classic AUI "Cancel order" button beside a Katal menu, with one warning after its box', async () => {
    const context = testContext(fakeRequests('every-order'), false);
    await cancelWarning.init(controller.signal, context);
    const rows = [...document.querySelectorAll('#orders-table tbody tr')];
    const button = (row: Element) => row.querySelector('input.a-button-input[value="Cancel order"]')!;
    expect(rows.map((row) => row.querySelectorAll('[data-order-manager="cancel-warning"]').length)).toEqual([
      1, 1, 0, 1,
    ]);
    expect(button(rows[3]!).closest('.a-button')?.nextElementSibling?.localName).toBe('order-manager-ui');
    expect(clickAsPage(button(rows[0]!))).toEqual({ pageSawClick: false, defaultPrevented: true });
    expect(clickAsPage(button(rows[3]!))).toEqual({ pageSawClick: false, defaultPrevented: true });
    expect(context.confirmations).toHaveLength(2);
  });

  it('leaves the other menu options alone', async () => {
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    const menu = document.querySelector('kat-dropdown-button')!;
    expect(clickAsPage(optionIn(menu, 'confirmShipment')).pageSawClick).toBe(true);
    expect(clickAsPage(menu.shadowRoot!.querySelector('button.indicator')!).pageSawClick).toBe(true);
    expect(context.confirmations).toEqual([]);
  });

  it('never injects twice: a second run on the same page adds nothing', async () => {
    await cancelWarning.init(controller.signal, testContext(fakeRequests('every-order')));
    const second = run();
    await cancelWarning.init(second.signal, testContext(fakeRequests('every-order')));
    await settle();
    expect(hosts('cancel-warning')).toHaveLength(3);
    second.abort();
  });

  it('handles rows rendered later, and menus whose options render after the row', async () => {
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    const tbody = document.querySelector('#orders-table tbody')!;
    const row = document.createElement('tr');
    const details = document.createElement('td');
    details.dataset.testId = 'oth-order-details';
    details.textContent = '115-0000001-0000002';
    const actions = document.createElement('td');
    actions.className = 'myo-table-action-column';
    actions.append(document.createElement('kat-dropdown-button'));
    row.append(details, actions);
    tbody.append(row);
    await settle();
    expect(hosts('cancel-warning')).toHaveLength(3);

    // The component renders its shadow tree after insertion, and its options later still.
    const menu = row.querySelector('kat-dropdown-button')!;
    const shadow = menu.attachShadow({ mode: 'open' });
    menu.dispatchEvent(new Event('pointerover', { bubbles: true }));
    await settle();
    const options = document.createElement('div');
    options.className = 'options';
    const option = document.createElement('div');
    option.className = 'option';
    option.dataset.action = 'cancelOrder';
    option.textContent = 'Cancel order';
    options.append(option);
    shadow.append(options);
    await settle();
    expect(await ordersOpenedBy(hosts('cancel-warning'), context)).toContain('115-0000001-0000002');
  });

  it('removes its warnings and its click guard when the run is aborted', async () => {
    const context = testContext(fakeRequests('every-order'), false);
    await cancelWarning.init(controller.signal, context);
    controller.abort();
    expect(hosts('cancel-warning')).toHaveLength(0);
    const menu = document.querySelector('kat-dropdown-button')!;
    expect(clickAsPage(optionIn(menu, 'cancelOrder')).pageSawClick).toBe(true);
    expect(context.confirmations).toEqual([]);
  });
});

describe('cancel-warning on the older Manage Orders layout', () => {
  it('warns next to plain "Cancel order" links, v3 and legacy, and an AUI button in a row without a link', async () => {
    loadFixture('manage-orders-legacy.html', 'https://sellercentral.amazon.co.uk/orders-v3');
    const controller = run();
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    // The last row's id is only text, run into its badge ("…5556667Business"): `\b` missed it.
    expect(await ordersOpenedBy(hosts('cancel-warning'), context)).toEqual([
      '203-1234567-7654321',
      '204-7654321-1234567',
      '206-3334445-5556667',
    ]);
    context.requests.opened.length = 0;
    const links = [...document.querySelectorAll('a')].filter((a) => a.textContent === 'Cancel order');
    expect(clickAsPage(links[1]!)).toEqual({ pageSawClick: false, defaultPrevented: true });
    expect(
      clickAsPage([...document.querySelectorAll('a')].find((a) => a.textContent === 'Refund order')!),
    ).toEqual({
      pageSawClick: true,
      defaultPrevented: false,
    });
    expect(context.confirmations).toHaveLength(1);
    trustedClick(buttonIn(hosts('cancel-warning')[0]!, 'Cancel in order manager'));
    await settle();
    expect(context.requests.opened).toEqual([{ orderId: '203-1234567-7654321', action: 'cancel' }]);
    controller.abort();
  });
});

describe('cancel-warning on order details', () => {
  it('classic layout: one warning in the action bar, after the AUI button, and a guarded Cancel order', async () => {
    loadFixture('order-details.html', `${US}/orders-v3/order/113-4567890-1234567?ref=orders`);
    const controller = run();
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    const [host, ...rest] = hosts('cancel-warning');
    expect(rest).toEqual([]);
    expect(host?.previousElementSibling?.id).toBe('cancel-order-button');
    const cancel = document.querySelector('#cancel-order-button input')!;
    expect(clickAsPage(cancel)).toEqual({ pageSawClick: false, defaultPrevented: true });
    const buyShipping = document.querySelector('[data-test-id="buy-shipping-button"] a')!;
    buyShipping.addEventListener('click', (e) => e.preventDefault()); // jsdom cannot navigate
    expect(clickAsPage(buyShipping).pageSawClick).toBe(true);
    expect(context.confirmations).toHaveLength(1);
    controller.abort();
  });

  it('Katal layout: kat-button and the dropdown option share one warning; both are guarded', async () => {
    loadFixture(
      'order-details-katal.html',
      'https://sellercentral.amazon.de/orders-v3/order/302-7654321-1234567',
    );
    const controller = run();
    const context = testContext(fakeRequests('every-order'));
    await cancelWarning.init(controller.signal, context);
    expect(hosts('cancel-warning')).toHaveLength(1);
    expect(await ordersOpenedBy(hosts('cancel-warning'), context)).toEqual(['302-7654321-1234567']);
    const katButton = document.querySelector('kat-button[label="Cancel order"]')!;
    expect(clickAsPage(katButton.shadowRoot!.querySelector('button')!).pageSawClick).toBe(false);
    const menu = document.querySelector('kat-dropdown-button')!;
    expect(clickAsPage(optionIn(menu, 'cancelOrder')).pageSawClick).toBe(false);
    expect(clickAsPage(document.querySelector('kat-button[label="Manage invoice"]')!).pageSawClick).toBe(
      true,
    );
    expect(context.confirmations).toHaveLength(2);
    controller.abort();
  });
});

describe('cancel-warning on the cancel-order page', () => {
  it('shows the warning above the content and confirms Submit', async () => {
    loadFixture('cancel-order.html', `${US}/orders-v3/order/113-4567890-1234567/cancel-order`);
    const controller = run();
    const context = testContext(fakeRequests('every-order'), false);
    await cancelWarning.init(controller.signal, context);
    const [host, ...rest] = hosts('cancel-warning');
    expect(rest).toEqual([]);
    expect(host?.nextElementSibling?.id).toBe('sc-content-container');
    expect(shadowOf(host!).textContent).toContain(CANCEL_WARNING_TEXT);

    const submit = document.querySelector('input[type="submit"]')!;
    let submitted = 0;
    document.querySelector('form')!.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    expect(clickAsPage(submit)).toEqual({ pageSawClick: false, defaultPrevented: true });
    expect(submitted).toBe(0);
    context.answer = true;
    expect(clickAsPage(submit).pageSawClick).toBe(true);
    expect(submitted).toBe(1);
    expect(context.confirmations).toHaveLength(2);
    // Other controls on the page are not guarded.
    document.querySelector('a')!.addEventListener('click', (e) => e.preventDefault());
    clickAsPage(document.querySelector('a')!);
    expect(context.confirmations).toHaveLength(2);

    trustedClick(buttonIn(host!, 'Cancel in order manager'));
    await settle();
    expect(context.requests.opened).toEqual([{ orderId: '113-4567890-1234567', action: 'cancel' }]);
    controller.abort();
    expect(hosts('cancel-warning')).toEqual([]);
  });

  it('puts the warning back if the page re-renders its content', async () => {
    loadFixture('cancel-order.html', `${US}/orders-v3/order/113-4567890-1234567/cancel-order`);
    const controller = run();
    await cancelWarning.init(controller.signal, testContext(fakeRequests('every-order')));
    hosts('cancel-warning')[0]!.remove();
    await settle();
    expect(hosts('cancel-warning')).toHaveLength(1);
    controller.abort();
  });
});

describe('cancel-warning on pages with nothing for it', () => {
  it('adds nothing to a malformed Manage Orders page and throws nothing', async () => {
    loadFixture('malformed.html', `${US}/orders-v3/mfn/unshipped`);
    const controller = run();
    const context = testContext(fakeRequests('every-order'));
    await expect(Promise.resolve(cancelWarning.init(controller.signal, context))).resolves.toBeUndefined();
    await settle();
    expect(hosts('cancel-warning')).toEqual([]);
    controller.abort();
  });
});
