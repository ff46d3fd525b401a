import { launchExtension, type LoadedExtension } from './extension-harness';
import { waitForOrders } from './order-list-page';

describe('buyer requests view (demo mode, real Chromium)', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension.close();
  });

  it('opens from the popup header in one click, with a row per request counted on the button', async () => {
    const popup = await extension.openPage('popup.html');
    await waitForOrders(popup, 250, 30_000);
    const button = popup.getByTestId('buyer-requests-button');
    await popup.waitForFunction(
      () =>
        /\((\d+)\)/.exec(
          document.querySelector('[data-testid="buyer-requests-button"]')?.textContent ?? '',
        )?.[1] !== '0',
      undefined,
      { timeout: 30_000 },
    );
    const count = Number(/\((\d+)\)/.exec((await button.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await button.click();
    await popup.getByTestId('open-request').first().waitFor();
    expect(await popup.getByTestId('open-request').count()).toBe(count);
    expect(await popup.getByTestId('time-left').first().textContent()).toMatch(
      /left|past the response window/,
    );
    await popup.keyboard.press('Escape');
    await popup.getByTestId('order-row').first().waitFor();
  });

  it('#requests opens the view directly in the full tab', async () => {
    const tab = await extension.openPage('manager.html#requests');
    await tab.getByRole('heading', { name: 'Buyer cancellation requests' }).waitFor();
    await tab.getByTestId('open-request').first().waitFor({ timeout: 30_000 });
    expect(await tab.getByTestId('cancellation-rate-panel').textContent()).toMatch(
      /Cancellation rate \(estimate, last 7 days\): \d+\.\d\d %/,
    );
  });
});
