import type { Page } from 'playwright-core';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { feedsFor, openCancellableOrder } from './cancel-page';
import { waitForOrders } from './order-list-page';
import { connectToSandbox, startFastSandbox } from './sandbox-connection';

const MULTI_UNIT_LINE = /: cancel this line, all ([2-9]|\d{2,}) units$/;

/**
 * Opens cancellable orders until one whose cancel dialog offers a line of more than one unit; returns
 * its id with the dialog open on chosen lines.
 */
async function openDialogOnMultiUnitLine(popup: Page): Promise<string> {
  const tried = new Set<string>();
  for (let attempt = 0; attempt < 60; attempt++) {
    const orderId = await openCancellableOrder(popup, tried);
    tried.add(orderId);
    const dialog = popup.getByRole('dialog', { name: `Cancel order ${orderId}` });
    // An order known only from the order report is read from Amazon first, then the dialog opens.
    await dialog.getByRole('combobox', { name: 'Reason for cancellation' }).waitFor({ timeout: 30_000 });
    const chosenLines = dialog.getByRole('radio', { name: 'Chosen lines' });
    if (!(await chosenLines.isChecked())) await chosenLines.check();
    if ((await dialog.getByRole('checkbox', { name: MULTI_UNIT_LINE }).count()) > 0) return orderId;
    await popup.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  throw new Error('No cancellable order with a line of several units in view');
}

describe('the first week of cancelling: what the dialog offers', () => {
  let server: Awaited<ReturnType<typeof startFastSandbox>>;
  let extension: LoadedExtension;
  let popup: Page;

  beforeAll(async () => {
    server = await startFastSandbox(9, 600);
    extension = await launchExtension();
    const options = await connectToSandbox(extension, server);
    await options.getByRole('checkbox', { name: 'Allow zeroing out inventory when cancelling' }).check();
    await options.getByRole('button', { name: 'Save action settings' }).click();
    await options
      .getByRole('status', { name: 'Action settings result' })
      .filter({ hasText: /saved/i })
      .waitFor();
    await options.close();
    popup = await extension.openPage('popup.html');
    await waitForOrders(popup, 100);
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(server.responseViolations()).toEqual([]);
  });

  it('offers a multi-unit line whole (no quantity control) and one unchecked stock box per SKU', async () => {
    const orderId = await openDialogOnMultiUnitLine(popup);
    const dialog = popup.getByRole('dialog', { name: `Cancel order ${orderId}` });
    // Whole lines only: nothing to type or spin a quantity into.
    expect(await dialog.getByRole('spinbutton').count()).toBe(0);
    expect(await dialog.locator('input[type="number"]').count()).toBe(0);
    expect(await dialog.getByText(/Quantity/).count()).toBe(0);

    const line = dialog.getByRole('checkbox', { name: MULTI_UNIT_LINE }).first();
    if (!(await line.isChecked())) await line.check();
    await dialog.getByRole('combobox', { name: 'Reason for cancellation' }).selectOption('NoInventory');
    // Stock boxes: one per SKU of the chosen lines, each named by its SKU, none checked.
    const lines = dialog.getByRole('checkbox', { name: /: cancel this line, all/ });
    const chosenLines = await lines.evaluateAll(
      (boxes) => boxes.filter((box) => (box as HTMLInputElement).checked).length,
    );
    const stock = dialog.getByRole('checkbox', { name: /^Set stock of SKU \S+/ });
    const names = await stock.evaluateAll((boxes) =>
      boxes.map((box) => box.closest('label')?.textContent ?? ''),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(chosenLines);
    expect(new Set(names).size).toBe(names.length);
    expect(await dialog.getByRole('checkbox', { name: /Set stock of these SKUs/ }).count()).toBe(0);
    for (let i = 0; i < names.length; i++) expect(await stock.nth(i).isChecked()).toBe(false);
    expect(await dialog.getByTestId('cancellation-rate').textContent()).toMatch(
      /counts toward your cancellation rate/,
    );

    // Nothing is sent until the seller submits.
    await popup.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(feedsFor(server, orderId)).toHaveLength(0);
  });
});
