import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { DEMO_ORDER_DB_NAME } from '../../lib/store/account-db-name';
import { storedOrder } from '../unit/store/stored-order-fixture';
import { clickClosedButton, closedHosts } from './closed-shadow-root';
import { waitForOrders } from './order-list-page';
import { launchExtension, REPO_ROOT, type LoadedExtension } from './extension-harness';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/seller-central');
const US = 'ATVPDKIKX0DER';
const OPEN = '113-4567890-1234567';
const DECLINED = '114-2223334-5556667';
const UNKNOWN = '112-7778889-9990001';
const FEATURE = 'buyer-request-rows';

async function serveFixture(route: Route): Promise<void> {
  const path = new URL(route.request().url()).pathname;
  const name = path.startsWith('/orders-v3/order/') ? 'order-details.html' : 'manage-orders-requests.html';
  await route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: readFileSync(join(FIXTURES, name), 'utf8'),
  });
}

/** Puts these orders into demo mode's database, as if the demo sync had brought them with their requests. */
async function storeOrders(extension: LoadedExtension, records: unknown[]): Promise<void> {
  const popup = await extension.openPage('popup.html');
  await waitForOrders(popup, 250, 30_000);
  await popup.evaluate(
    async ({ name, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const tx = db.transaction('orders', 'readwrite');
      for (const record of records) tx.objectStore('orders').put(record);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('write failed'));
      });
      db.close();
    },
    { name: DEMO_ORDER_DB_NAME, records },
  );
  await popup.close();
}

/** The notes' texts, in row order, once there are `count` of them and none is still loading. */
async function noteTexts(page: Page, count: number): Promise<string[]> {
  await expect
    .poll(async () => {
      const hosts = await closedHosts(page, FEATURE);
      return hosts.length === count && hosts.every((host) => !host.text.includes('Checking'));
    })
    .toBe(true);
  return (await closedHosts(page, FEATURE)).map((host) => host.text);
}

describe('Seller Central Manage Orders: buyer cancellation requests', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
    const asked = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await storeOrders(extension, [
      storedOrder({
        orderId: OPEN,
        marketplaceId: US,
        buyerCancelRequest: { firstSeenAt: asked, requestedAt: asked },
      }),
      storedOrder({
        orderId: DECLINED,
        marketplaceId: US,
        buyerCancelRequest: {
          firstSeenAt: asked,
          requestedAt: asked,
          declined: { at: asked, memo: 'Already packed' },
        },
      }),
      // The manager has the order but its sync has not seen the request yet.
      storedOrder({ orderId: UNKNOWN, marketplaceId: US }),
    ]);
    await extension.context.route('https://sellercentral.amazon.com/**', serveFixture);
  });
  afterAll(async () => {
    await extension.close();
  });

  it("shows the manager's countdown on each marked row, and Answer in order manager opens the requests view", async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    const [open, declined, unknown] = await noteTexts(page, 3);
    // 2 hours into a 48-hour window.
    expect(open).toMatch(/^Answer within 4[56] h · Answer in order manager$/);
    expect(declined).toMatch(/^You declined on /);
    expect(unknown).toMatch(/^The order manager has not seen this request yet\.\s*Sync now$/);
    expect(unknown).not.toMatch(/Answer within/);
    const [manager] = await Promise.all([
      extension.context.waitForEvent('page'),
      clickClosedButton(page, FEATURE, 0, 'Answer in order manager'),
    ]);
    await manager.waitForLoadState();
    expect(manager.url()).toBe(`chrome-extension://${extension.extensionId}/manager.html#requests`);
    await manager.close();
    await page.close();
  });

  it('the order page shows the request with Accept and Decline, opening the decline dialog for the order', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://sellercentral.amazon.com/orders-v3/order/${OPEN}`);
    await expect
      .poll(async () => (await closedHosts(page, 'order-panel'))[0]?.text ?? '')
      .toMatch(/The buyer asked to cancel this order\.[\s\S]*Answer within 4[56] h[\s\S]*Answer by /);
    const buttons = (await closedHosts(page, 'order-panel'))[0]?.buttons.map((button) => button.name);
    expect(buttons).toEqual(['Accept (cancel the order)', 'Decline', 'Open in order manager']);
    const [manager] = await Promise.all([
      extension.context.waitForEvent('page'),
      clickClosedButton(page, 'order-panel', 0, 'Decline'),
    ]);
    await manager.waitForLoadState();
    expect(decodeURIComponent(manager.url())).toMatch(
      new RegExp(`manager\\.html#order=${OPEN}&action=decline-request$`),
    );
    await manager.close();
    await page.close();
  });
});
