import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { clickClosedButton, closedHosts } from './closed-shadow-root';
import { storeDemoOrders } from './demo-orders';
import { launchExtension, REPO_ROOT, type LoadedExtension } from './extension-harness';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/seller-central');
const US_ORDER = '113-4567890-1234567';
const KATAL_ORDER = '114-2223334-5556667';
const UK_ORDER = '203-1234567-7654321';
const DE_ORDER = '302-7654321-1234567';

/** Which saved page each Seller Central URL serves, per marketplace. */
function fixtureFor(url: URL): string {
  const path = url.pathname;
  if (/\/cancel-order\/?$/.test(path)) return 'cancel-order.html';
  if (/\/confirm-shipment\/?$/.test(path)) return 'confirm-shipment.html';
  if (/\/buy-shipping\/?$/.test(path)) return 'buy-shipping.html';
  if (/\/edit-shipment\/?$/.test(path)) return 'edit-shipment.html';
  if (/^\/orders-v3\/order\//.test(path)) {
    return url.hostname.endsWith('.de') ? 'order-details-katal.html' : 'order-details.html';
  }
  if (path.startsWith('/orders-v3')) {
    return url.hostname.endsWith('.co.uk') ? 'manage-orders-legacy.html' : 'manage-orders-unshipped.html';
  }
  return 'unrelated.html';
}

async function serveFixture(route: Route): Promise<void> {
  const body = readFileSync(join(FIXTURES, fixtureFor(new URL(route.request().url()))), 'utf8');
  await route.fulfill({ contentType: 'text/html; charset=utf-8', body });
}

const warnings = (page: Page) => page.locator('[data-order-manager="cancel-warning"]');

/** The order a real (trusted) click on a warning's "Cancel in order manager" opens in the manager. */
async function orderOpenedBy(extension: LoadedExtension, page: Page, index: number): Promise<string> {
  const [manager] = await Promise.all([
    extension.context.waitForEvent('page'),
    clickClosedButton(page, 'cancel-warning', index, 'Cancel in order manager'),
  ]);
  await manager.waitForLoadState();
  const url = decodeURIComponent(manager.url());
  await manager.close();
  return url;
}

describe('Seller Central content script', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
    // The saved pages' orders, as orders the manager has: these tests are about the guard on them.
    // An order the manager lacks gets other words (seller-central-not-stored.e2e.ts).
    const US = 'ATVPDKIKX0DER';
    const UK = 'A1F83G8C2ARO7P';
    await storeDemoOrders(extension, [
      ...[US_ORDER, KATAL_ORDER, '112-2223334-4445556', '111-9998887-7776665'].map((orderId) => ({
        orderId,
        marketplaceId: US,
      })),
      ...[UK_ORDER, '204-7654321-1234567', '205-1111111-2222222', '206-3334445-5556667'].map((orderId) => ({
        orderId,
        marketplaceId: UK,
      })),
      { orderId: DE_ORDER, marketplaceId: 'A1PA6795UKMFR9' },
    ]);
    for (const host of [
      'sellercentral.amazon.com',
      'sellercentral.amazon.co.uk',
      'sellercentral.amazon.de',
    ]) {
      await extension.context.route(`https://${host}/**`, serveFixture);
    }
  });
  afterAll(async () => {
    await extension.close();
  });

  it('warns next to each Katal "Cancel order" option on Manage Orders, and opens the manager on that order', async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    await expect.poll(() => warnings(page).count()).toBe(3);
    // The warning lives in a closed shadow root: read through the DevTools protocol, not locators.
    const [first] = await closedHosts(page, 'cancel-warning');
    expect(first?.shadowRootType).toBe('closed');
    expect(first?.text).toMatch(/not recorded by the order manager and cannot be reconciled/);

    const [manager] = await Promise.all([
      extension.context.waitForEvent('page'),
      clickClosedButton(page, 'cancel-warning', 1, 'Cancel in order manager'),
    ]);
    await manager.waitForLoadState();
    expect(manager.url()).toMatch(new RegExp(`^chrome-extension://${extension.extensionId}/manager\\.html`));
    expect(decodeURIComponent(manager.url())).toContain(KATAL_ORDER);
    await manager.close();
    await page.close();
  });

  it("asks before Seller Central's own cancel option acts; declining stays, accepting goes on", async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    await expect.poll(() => warnings(page).count()).toBe(3);
    const firstMenu = page.locator('kat-dropdown-button').first();
    await firstMenu.locator('button.indicator').click();
    const cancelOption = firstMenu.locator('.option[data-action="cancelOrder"]');

    page.once('dialog', (dialog) => void dialog.dismiss());
    await cancelOption.click();
    expect(new URL(page.url()).pathname).toBe('/orders-v3/mfn/unshipped');

    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForURL(`**/orders-v3/order/${US_ORDER}/cancel-order`), cancelOption.click()]);
    // The cancel page itself carries the warning, and its Submit asks too.
    await expect.poll(() => warnings(page).count()).toBe(1);
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.locator('input[type="submit"][value="Submit"]').click();
    expect(asked).toMatch(/not recorded by the order manager/);
    expect(new URL(page.url()).pathname).toBe(`/orders-v3/order/${US_ORDER}/cancel-order`);
    await page.close();
  });

  it('follows single-page navigation: list → order details without a reload', async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    await expect.poll(() => warnings(page).count()).toBe(3);
    const details = readFileSync(join(FIXTURES, 'order-details.html'), 'utf8');
    await page.evaluate(
      ({ html, path }) => {
        history.pushState({}, '', path);
        const next = new DOMParser()
          .parseFromString(html, 'text/html')
          .querySelector('#sc-content-container');
        if (next)
          document.querySelector('#sc-content-container')?.replaceWith(document.importNode(next, true));
      },
      { html: details, path: `/orders-v3/order/${US_ORDER}` },
    );
    await expect.poll(() => page.locator('[data-order-manager="order-panel"]').count()).toBe(1);
    await expect.poll(() => warnings(page).count()).toBe(1);
    expect(await orderOpenedBy(extension, page, 0)).toContain(US_ORDER);
    await page.close();
  });

  it('covers other marketplaces and layouts: legacy links on .co.uk, Katal details on .de', async () => {
    const uk = await extension.context.newPage();
    await uk.goto('https://sellercentral.amazon.co.uk/orders-v3');
    await expect.poll(() => warnings(uk).count()).toBe(3);
    expect(await orderOpenedBy(extension, uk, 0)).toContain(UK_ORDER);
    await uk.close();

    const de = await extension.context.newPage();
    await de.goto(`https://sellercentral.amazon.de/orders-v3/order/${DE_ORDER}`);
    await expect.poll(() => warnings(de).count()).toBe(1);
    await expect.poll(() => de.locator('[data-order-manager="order-panel"]').count()).toBe(1);
    expect(await orderOpenedBy(extension, de, 0)).toContain(DE_ORDER);
    await de.close();
  });

  it('adds nothing to a Seller Central page it has nothing for', async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/inventory');
    // Load a page that does get a warning in another tab, so the content script has demonstrably had time to run.
    const control = await extension.context.newPage();
    await control.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    await expect.poll(() => warnings(control).count()).toBe(3);
    expect(await page.locator('[data-order-manager]').count()).toBe(0);
    await control.close();
    await page.close();
  });

  it("page script can neither read the injected UI nor work it; the seller's real click can", async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://sellercentral.amazon.com/orders-v3/order/${US_ORDER}`);
    await expect
      .poll(async () => (await closedHosts(page, 'order-panel'))[0]?.text ?? '')
      .toMatch(/Status: Unshipped/);
    await expect.poll(() => warnings(page).count()).toBe(1);

    // What page script sees of our hosts: no shadow root, no text, no order data in attributes.
    const seenByPage = await page.evaluate(() =>
      [...document.querySelectorAll('[data-order-manager]')].map((host) => ({
        shadowRoot: host.shadowRoot === null ? 'null' : 'open',
        text: host.textContent,
        attributes: host.getAttributeNames(),
      })),
    );
    expect(seenByPage).toEqual([
      { shadowRoot: 'null', text: '', attributes: ['data-order-manager'] },
      { shadowRoot: 'null', text: '', attributes: ['data-order-manager'] },
    ]);

    // Page script clicking and dispatching (untrusted events) opens no manager tab.
    const opened: string[] = [];
    const onPage = (tab: Page) => opened.push(tab.url());
    extension.context.on('page', onPage);
    await page.evaluate(() => {
      for (const host of document.querySelectorAll<HTMLElement>('[data-order-manager]')) {
        host.click();
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        const box = host.getBoundingClientRect();
        const atPoint = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        (atPoint as HTMLElement | null)?.click();
      }
    });
    // Long enough for a tab the background was asked to open to show up.
    await page.waitForTimeout(1_500);
    expect(opened).toEqual([]);
    extension.context.off('page', onPage);

    // The seller's real mouse click (trusted input through CDP) does open it.
    const [manager] = await Promise.all([
      extension.context.waitForEvent('page'),
      clickClosedButton(page, 'order-panel', 0, 'Open in order manager'),
    ]);
    await manager.waitForLoadState();
    expect(decodeURIComponent(manager.url())).toContain(US_ORDER);
    await manager.close();
    await page.close();
  });
});
