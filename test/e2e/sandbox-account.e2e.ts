import type { Page } from 'playwright-core';
import { SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { startFastSandbox } from './sandbox-connection';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { orderCount, visibleOrderIds, waitForOrders } from './order-list-page';

/** A seller's own account, played by the local sandbox server, set up through the options page. */
describe('syncing a seller account (the local SP-API sandbox server)', () => {
  let server: Awaited<ReturnType<typeof startFastSandbox>>;
  let extension: LoadedExtension;
  let popup: Page;

  beforeAll(async () => {
    // Enough open orders that every sub-type has some with full details (see README: order sync).
    server = await startFastSandbox(11, 1500);
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(server.responseViolations()).toEqual([]);
  });

  it('takes credentials in the options page and reports the connection test', async () => {
    const options = await extension.openPage('options.html');
    await options.getByLabel('LWA client id').fill(SANDBOX_CREDENTIALS.clientId);
    await options.getByLabel('LWA client secret').fill('wrong-secret');
    await options.getByLabel('Refresh token').fill(SANDBOX_CREDENTIALS.refreshToken);
    await options.getByLabel('Merchant token').fill(SANDBOX_CREDENTIALS.sellerId);
    await options.getByRole('combobox', { name: 'Region' }).selectOption('na');
    await options.getByRole('checkbox', { name: /\(US\)/ }).check();
    await options.getByRole('checkbox', { name: /\(CA\)/ }).check();
    await options.locator('summary', { hasText: 'Advanced' }).click();
    await options.getByLabel('SP-API base URL').fill(server.url);
    await options.getByLabel('LWA token URL').fill(`${server.url}/auth/o2/token`);

    await options.getByRole('button', { name: 'Test connection' }).click();
    const result = options.getByTestId('connection-result');
    await result.filter({ hasText: /refused|rejected|client/i }).waitFor();
    expect(await result.textContent()).not.toContain('wrong-secret');

    await options.getByLabel('LWA client secret').fill(SANDBOX_CREDENTIALS.clientSecret);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await result.filter({ hasText: /^Connected/ }).waitFor();

    await options.getByRole('button', { name: 'Save credentials' }).click();
    await options.getByTestId('credentials-save-result').filter({ hasText: /saved/i }).waitFor();
    await options.close();
  });

  it('syncs the account and lists its orders newest first, without the demo label', async () => {
    popup = await extension.openPage('popup.html');
    const total = await waitForOrders(popup, 50);
    expect(await popup.getByTestId('demo-banner').count()).toBe(0);
    // Only US and CA orders were asked for.
    expect((await popup.getByTestId('order-row').allTextContents()).join(' ')).not.toMatch(/\b(UK|DE)\b/);
    expect(total).toBeGreaterThan(50);
    expect((await popup.getByTestId('sync-bar').textContent()) ?? '').toMatch(/Last successful sync/);
  });

  it('searches by order id, SKU and ASIN', async () => {
    const [firstId] = await visibleOrderIds(popup);
    expect(firstId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    const search = popup.getByRole('searchbox', { name: 'Search orders' });
    await search.fill(firstId!);
    await popup.waitForFunction(
      (id) =>
        [...document.querySelectorAll('[data-testid="order-row"]')].every(
          (r) => r.getAttribute('data-order-id') === id,
        ),
      firstId,
    );
    expect(await visibleOrderIds(popup)).toEqual([firstId]);

    // Open it: items, amounts, first-reported and the Seller Central link.
    await popup.getByTestId('order-row').first().click();
    const detail = popup.getByTestId('order-detail');
    await detail.waitFor();
    expect(await popup.getByTestId('first-reported').textContent()).toMatch(/report|sync/i);
    const link = popup.getByRole('link', { name: 'Open in Seller Central' });
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(`^https://sellercentral\\.amazon\\.(com|ca)/orders-v3/order/${firstId}$`),
    );
    const detailText = (await detail.textContent()) ?? '';
    const sku = /SKU[:\s]+([A-Z0-9-]+)/.exec(detailText)?.[1];
    await popup.getByRole('button', { name: /Back to list/ }).click();

    if (sku) {
      await search.fill(sku.toLowerCase());
      await popup.waitForFunction(() =>
        /^\d/.test(document.querySelector('[data-testid="order-count"]')?.textContent ?? ''),
      );
      expect(await visibleOrderIds(popup)).toContain(firstId);
    }
    await search.fill('');
  });

  it('filters by each sub-type, alone and combined with a status', async () => {
    const { total } = await orderCount(popup);
    const chips: Record<string, RegExp> = {
      Prime: /Prime/,
      Business: /Business/,
      'Business Prime': /Business Prime/,
      'Second Day': /Second Day/,
      Standard: /Standard/,
    };
    const group = popup.getByRole('group', { name: 'Order type' });
    for (const [name, chip] of Object.entries(chips)) {
      await group.getByRole('button', { name, exact: true }).click();
      await popup.waitForTimeout(100);
      const { shown } = await orderCount(popup);
      expect(shown, `orders listed for ${name}`).toBeGreaterThan(0);
      expect(shown).toBeLessThan(total);
      for (const text of await popup.getByTestId('order-row').allTextContents()) expect(text).toMatch(chip);
      await group.getByRole('button', { name, exact: true }).click();
    }

    await group.getByRole('button', { name: 'Prime', exact: true }).click();
    await popup
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Shipped', exact: true })
      .click();
    await popup.waitForTimeout(100);
    for (const text of await popup.getByTestId('order-row').allTextContents()) {
      expect(text).toMatch(/Prime/);
      expect(text).toMatch(/Shipped/);
    }

    // Filters persist when the popup is opened again.
    const filtered = await orderCount(popup);
    await popup.close();
    popup = await extension.openPage('popup.html');
    await popup.waitForFunction(
      (shown) =>
        (document.querySelector('[data-testid="order-count"]')?.textContent ?? '').startsWith(String(shown)),
      filtered.shown.toLocaleString('en-US'),
    );
    expect(
      await popup
        .getByRole('group', { name: 'Order type' })
        .getByRole('button', { name: 'Prime', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await popup.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('says in plain words when Amazon revokes the authorisation', async () => {
    server.sandbox.revokeRefreshToken();
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const error = popup.getByTestId('sync-error');
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/refresh token|authori[sz]/i);
    expect(await error.textContent()).not.toContain(SANDBOX_CREDENTIALS.refreshToken);
    // The orders already stored are still there.
    expect((await orderCount(popup)).total).toBeGreaterThan(50);
  });
});
