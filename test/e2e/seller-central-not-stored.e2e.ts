import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { DEMO_TEXT } from '../../lib/seller-central/ui/not-stored-notice';
import { clickClosedButton, closedHosts } from './closed-shadow-root';
import { launchExtension, REPO_ROOT, type LoadedExtension } from './extension-harness';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/seller-central');
const ORDER = '113-4567890-1234567';

async function serveFixture(route: Route): Promise<void> {
  const path = new URL(route.request().url()).pathname;
  const name = path.startsWith('/orders-v3/order/') ? 'order-details.html' : 'manage-orders-unshipped.html';
  await route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: readFileSync(join(FIXTURES, name), 'utf8'),
  });
}

/** The text of each host of a feature, once every one of them shows the words asked for. */
async function hostTexts(page: Page, feature: string, count: number, words: string): Promise<string[]> {
  await expect
    .poll(async () => {
      const hosts = await closedHosts(page, feature);
      return hosts.length === count && hosts.every((host) => host.text.includes(words));
    })
    .toBe(true);
  return (await closedHosts(page, feature)).map((host) => host.text);
}

describe('Seller Central in demo mode: orders the manager does not have', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
    await extension.context.route('https://sellercentral.amazon.com/**', serveFixture);
  });
  afterAll(async () => {
    await extension.close();
  });

  it('Manage Orders: each cancel warning says demo mode and offers Open Settings, never "is not stored"', async () => {
    const page = await extension.context.newPage();
    await page.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    for (const text of await hostTexts(page, 'cancel-warning', 3, DEMO_TEXT)) {
      expect(text).not.toMatch(/is not stored/);
    }
    const hosts = await closedHosts(page, 'cancel-warning');
    expect(hosts.map((host) => host.buttons.map((button) => button.name))).toEqual([
      ['Open Settings'],
      ['Open Settings'],
      ['Open Settings'],
    ]);
    // The seller's click opens the extension's Settings.
    const [options] = await Promise.all([
      extension.context.waitForEvent('page'),
      clickClosedButton(page, 'cancel-warning', 0, 'Open Settings'),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toMatch(new RegExp(`^chrome-extension://${extension.extensionId}/options\\.html`));
    await options.close();
    await page.close();
  });

  it('order page: the panel and the warning say demo mode, with Open Settings', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://sellercentral.amazon.com/orders-v3/order/${ORDER}`);
    const [panel] = await hostTexts(page, 'order-panel', 1, DEMO_TEXT);
    expect(panel).not.toMatch(/is not stored|Open in order manager/);
    await hostTexts(page, 'cancel-warning', 1, DEMO_TEXT);
    const buttons = (await closedHosts(page, 'order-panel'))[0]?.buttons.map((button) => button.name);
    expect(buttons).toEqual(['Open Settings']);
    await page.close();
  });
});
