import type { Page } from 'playwright-core';
import { plannedItems } from '../../lib/sandbox/order-items';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { orderCount } from './order-list-page';
import { connectToSandbox, startFastSandbox } from './sandbox-connection';

/** Amazon's own order item ids of a sandbox order. */
function realItemIds(server: Awaited<ReturnType<typeof startFastSandbox>>, orderId: string): string[] {
  const { dataset } = server.sandbox;
  const plan = dataset.byId(orderId);
  if (!plan) throw new Error(`No sandbox order ${orderId}`);
  return plannedItems(dataset.seed, plan, dataset.catalog).map((item) => item.orderItemId);
}

/** Waits until the first sync has stored the report's orders and stopped (it fails on purpose here). */
async function waitForReportOrders(page: Page, min: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { total } = await orderCount(page).catch(() => ({ total: NaN }));
    const syncing = await page.getByRole('button', { name: 'Syncing…' }).count();
    if (total >= min && syncing === 0) return;
    if (Date.now() > deadline) throw new Error(`Only ${total} orders listed`);
    await page.waitForTimeout(250);
  }
}

/** Opens unshipped orders until one is known only from the report and can be cancelled; returns its id. */
async function openReportOnlyCancellableOrder(popup: Page): Promise<string> {
  await popup.getByTestId('order-row').first().waitFor();
  const tried = new Set<string>();
  for (let attempt = 0; attempt < 40; attempt++) {
    // Open orders are the newest, so they are at the top of the list.
    const open = await popup
      .locator('[data-testid="order-row"]')
      .filter({
        has: popup.locator('.order-row__status', { hasText: /^(Pending|Unshipped|Partially shipped)$/ }),
      })
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-order-id') ?? ''));
    const orderId = open.find((id) => !tried.has(id));
    if (!orderId) break;
    tried.add(orderId);
    await popup.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).click();
    const button = popup.getByRole('button', { name: 'Cancel order…' });
    await button.waitFor();
    // Give the eligibility check its moment (it reads the order's actions first).
    await popup.waitForFunction(
      () =>
        !document.querySelector('[data-testid="cancel-disabled-reason"]')?.textContent?.includes('Checking'),
    );
    const reportOnly = /the order report leaves it out/.test(
      (await popup.getByTestId('ship-by').textContent()) ?? '',
    );
    if (reportOnly && (await button.isEnabled())) return orderId;
    await popup.getByRole('button', { name: /Back to list/ }).click();
  }
  throw new Error('No cancellable order known only from the order report');
}

describe('cancelling an order known only from the order report', () => {
  let server: Awaited<ReturnType<typeof startFastSandbox>>;
  let extension: LoadedExtension;
  let popup: Page;

  beforeAll(async () => {
    server = await startFastSandbox(33, 300);
    // The backfill stores the report's orders, then stops before searchOrders gives the open ones
    // their details: the open orders stay at detail level "report", with placeholder item ids.
    server.sandbox.injectFault({ operation: 'searchOrders', kind: 'malformed-json', count: 20 });
    extension = await launchExtension();
    await (await connectToSandbox(extension, server)).close();
    popup = await extension.openPage('popup.html');
    await waitForReportOrders(popup, 50);
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('reads the order with getOrder first, and the feed carries Amazon’s real order item ids', async () => {
    const orderId = await openReportOnlyCancellableOrder(popup);
    const getOrderCallsBefore = server.sandbox.stats().calls.getOrder ?? 0;
    await popup.getByRole('button', { name: 'Cancel order…' }).click();
    const dialog = popup.getByRole('dialog', { name: `Cancel order ${orderId}` });
    await dialog.waitFor();
    // The real lines replace the report's: the form appears once getOrder's answer is stored.
    const reason = dialog.getByLabel('Reason for cancellation');
    await reason.waitFor({ timeout: 30_000 });
    expect(server.sandbox.stats().calls.getOrder ?? 0).toBeGreaterThan(getOrderCallsBefore);
    expect(await popup.getByTestId('ship-by').textContent()).not.toMatch(/the order report leaves it out/);

    await reason.selectOption('NoInventory');
    await dialog.getByRole('button', { name: 'Submit cancellation' }).click();
    await dialog.waitFor({ state: 'detached' });

    const feedsFor = () =>
      server.sandbox
        .feeds()
        .filter((feed) => feed.input.includes(`<AmazonOrderID>${orderId}</AmazonOrderID>`));
    const deadline = Date.now() + 60_000;
    while (feedsFor().length === 0 && Date.now() < deadline) await popup.waitForTimeout(250);
    const feeds = feedsFor();
    expect(feeds).toHaveLength(1);
    const codes = [...feeds[0]!.input.matchAll(/<AmazonOrderItemCode>([^<]*)<\/AmazonOrderItemCode>/g)].map(
      (match) => match[1],
    );
    expect(codes).not.toContain(expect.stringMatching(/^report:/));
    expect(new Set(codes)).toEqual(new Set(realItemIds(server, orderId)));

    // Amazon's processing report accepts it: the cancel ends Cancelled.
    await popup
      .getByTestId('cancel-state')
      .first()
      .filter({ hasText: /^Cancelled/ })
      .waitFor({ timeout: 60_000 });
    expect(feedsFor()[0]!.processingReport).toMatch(/<MessagesWithError>0<\/MessagesWithError>/);
    expect(server.responseViolations()).toEqual([]);
  });
});
