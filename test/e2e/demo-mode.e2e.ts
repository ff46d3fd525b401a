import { launchExtension, type LoadedExtension } from './extension-harness';
import { orderCount, waitForOrders } from './order-list-page';
import type { Page } from 'playwright-core';

describe('demo mode (no credentials)', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension.close();
  });

  it('shows about 300 demo orders at once, clearly labelled as demo data', async () => {
    const popup = await extension.openPage('popup.html');
    await popup.getByTestId('demo-banner').waitFor();
    expect(await popup.getByTestId('demo-banner').textContent()).toMatch(/Demo data/);
    const total = await waitForOrders(popup, 250, 30_000);
    expect(total).toBeGreaterThanOrEqual(250);
    expect(total).toBeLessThanOrEqual(400);
    expect((await orderCount(popup)).shown).toBe(total);
    // Rows carry totals in their own currencies across the four demo marketplaces.
    const totals = await popup.getByTestId('order-total').allTextContents();
    expect(totals.length).toBeGreaterThan(5);
    expect(totals.join(' ')).toMatch(/[$£€]/);
  });

  it('opens the same views in a full tab', async () => {
    const popup = await extension.openPage('popup.html');
    const [tab] = await Promise.all([
      extension.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Open order manager' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toContain('/manager.html');
    await waitForOrders(tab, 250, 30_000);
    await tab.getByTestId('demo-banner').waitFor();
  });

  // MV3's CSP forbids eval; zod 4 would try it for its object schemas unless it is jitless
  // (lib/zod.ts). Chromium fires a securitypolicyviolation for each try, even when zod catches it.
  it('evaluates no code from strings in the popup, the full tab or Settings', async () => {
    await extension.context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} at ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    const violations = (page: Page) =>
      page.evaluate(
        () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? ['no listener'],
      );
    const popup = await extension.openPage('popup.html');
    await waitForOrders(popup, 250, 30_000);
    await popup.getByLabel('Search orders').fill('114');
    const tab = await extension.openPage('manager.html');
    await waitForOrders(tab, 1, 30_000);
    const settings = await extension.openPage('options.html');
    await settings.getByRole('heading').first().waitFor();
    expect({
      popup: await violations(popup),
      tab: await violations(tab),
      settings: await violations(settings),
    }).toEqual({ popup: [], tab: [], settings: [] });
  });
});
