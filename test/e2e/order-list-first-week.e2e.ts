import type { Page } from 'playwright-core';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { orderCount, visibleOrderIds, waitForOrders } from './order-list-page';
import { connectToSandbox, startFastSandbox } from './sandbox-connection';

/** The number beside a type chip. */
async function chipCount(popup: Page, name: string): Promise<number> {
  const chip = popup.getByRole('group', { name: 'Order type' }).getByRole('button', { name, exact: true });
  const text = await chip.locator('xpath=..').getByTestId('sub-type-count').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

/** Waits until the list shows what the filters ask for (the filtering is deferred a frame or two). */
async function settle(popup: Page): Promise<void> {
  await popup.waitForTimeout(150);
  await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
}

/**
 * Right after the first sync of a seller account, the orders only the order report described (the
 * window's shipped and cancelled ones, until the detail fill reaches them) have no Prime flag.
 */
describe('the order list right after the first sync', () => {
  let server: Awaited<ReturnType<typeof startFastSandbox>>;
  let extension: LoadedExtension;
  let popup: Page;

  beforeAll(async () => {
    server = await startFastSandbox(21, 400);
    extension = await launchExtension();
    await (await connectToSandbox(extension, server)).close();
    popup = await extension.openPage('popup.html');
    await waitForOrders(popup, 50);
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(server.responseViolations()).toEqual([]);
  });

  it('shows report-only orders as "Type not known yet" and counts them under no type, Standard included', async () => {
    const { total } = await orderCount(popup);
    const notice = popup.getByTestId('type-notice');
    await notice.waitFor();
    const loading = /Details still loading for (\d+) orders?/.exec((await notice.textContent()) ?? '');
    expect(loading, 'the notice says how many orders still wait for their details').not.toBeNull();
    const unknown = Number(loading![1]);
    expect(unknown).toBeGreaterThan(0);

    // Shipped orders of the window came only from the report: their rows say so instead of "Standard".
    await popup
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Shipped', exact: true })
      .click();
    await settle(popup);
    const shippedRows = popup.getByTestId('order-row');
    expect(await shippedRows.count()).toBeGreaterThan(0);
    expect(await popup.getByTestId('type-unknown').count()).toBeGreaterThan(0);
    for (const text of await popup.getByTestId('type-unknown').allTextContents()) {
      expect(text).toBe('Type not known yet');
    }
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await settle(popup);

    const counts = {
      prime: await chipCount(popup, 'Prime'),
      business: await chipCount(popup, 'Business'),
      secondDay: await chipCount(popup, 'Second Day'),
      standard: await chipCount(popup, 'Standard'),
    };
    // The unknown orders are not among the Standard ones.
    expect(counts.standard + unknown).toBeLessThanOrEqual(total);

    await popup
      .getByRole('group', { name: 'Order type' })
      .getByRole('button', { name: 'Standard', exact: true })
      .click();
    await settle(popup);
    await popup.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="order-count"]')?.textContent?.startsWith(`${expected} of`),
      counts.standard,
    );
    expect(await popup.getByTestId('type-unknown').count()).toBe(0);
    for (const text of await popup.getByTestId('order-row').allTextContents())
      expect(text).toMatch(/Standard/);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await settle(popup);
  });

  it('finds an order by its id with dashes, without them, and with spaces', async () => {
    await popup
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Shipped', exact: true })
      .click();
    await settle(popup);
    const orderId = (await visibleOrderIds(popup))[0]!;
    expect(orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    const search = popup.getByRole('searchbox', { name: 'Search orders' });
    for (const text of [orderId, orderId.replace(/-/g, ''), orderId.replace(/-/g, ' ')]) {
      await search.fill(text);
      await settle(popup);
      await popup.waitForFunction(() =>
        document.querySelector('[data-testid="order-count"]')?.textContent?.startsWith('1 of'),
      );
      expect(await visibleOrderIds(popup)).toEqual([orderId]);
    }
    await search.fill('');
  });
});
