import { launchExtension, type LoadedExtension } from './extension-harness';
import { orderCount, waitForOrders } from './order-list-page';

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
});
