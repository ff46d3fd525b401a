import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { launchExtension, REPO_ROOT, type LoadedExtension } from './extension-harness';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/seller-central');

/** Serves one saved page for every URL of a host. */
function serve(fixture: string) {
  const body = readFileSync(join(FIXTURES, fixture), 'utf8');
  return (route: Route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body });
}

const NOTICE =
  /Seller Central changed: the cancel warning could not be placed on Manage Orders since .+\. Cancel in the order manager until an update fixes this\./;

describe('"Seller Central changed" on the options page', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
    // .ca serves Manage Orders as a release that renamed the cancel action; .com as it is today.
    await extension.context.route('https://sellercentral.amazon.ca/**', serve('manage-orders-changed.html'));
    await extension.context.route(
      'https://sellercentral.amazon.com/**',
      serve('manage-orders-unshipped.html'),
    );
  });
  afterAll(async () => {
    await extension.close();
  });

  it('shows when the cancel warning finds no place on a page with Unshipped orders, and clears once it does', async () => {
    const options = await extension.openPage('options.html');
    await options.getByRole('heading', { name: 'Order Manager settings' }).waitFor();
    expect(await options.getByRole('alert').count()).toBe(0);

    const changed = await extension.context.newPage();
    await changed.goto('https://sellercentral.amazon.ca/orders-v3/mfn/unshipped');
    // The content script waits for the page to render its controls before calling them missing.
    await expect
      .poll(() => options.getByRole('alert').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(NOTICE)]);
    expect(await changed.locator('[data-order-manager="cancel-warning"]').count()).toBe(0);
    await changed.close();

    const today = await extension.context.newPage();
    await today.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    await expect.poll(() => today.locator('[data-order-manager="cancel-warning"]').count()).toBe(3);
    await expect.poll(() => options.getByRole('alert').count(), { timeout: 30_000 }).toBe(0);
    await today.close();
    await options.close();
  });
});
