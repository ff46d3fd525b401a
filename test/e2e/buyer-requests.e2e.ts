import type { Page } from 'playwright-core';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/node-server';
import { createResponseCheck } from '../contract/sandbox-response-check';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { feedsFor } from './cancel-page';
import { waitForOrders } from './order-list-page';
import { connectToSandbox } from './sandbox-connection';

/** Orders whose buyer has asked to cancel by now at the sandbox (its own data, not the extension's). */
function requestedOrderIds(server: SandboxServer): string[] {
  const { anchorMs, plans } = server.sandbox.dataset;
  const before = (ms: number) => ms <= anchorMs; // NaN (never) is not before
  return plans
    .filter(
      (plan) =>
        before(plan.buyerRequestMs) &&
        !before(plan.cancelledMs) &&
        !before(plan.shippedMs) &&
        !before(plan.partialShipMs),
    )
    .map((plan) => plan.orderId);
}

/** The worker's `chrome`, as far as these tests read it (written inline: evaluate runs the function in the worker). */
interface WorkerChrome {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
}

async function badgeText(extension: LoadedExtension): Promise<string> {
  const worker = await extension.worker();
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({}),
  );
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('a buyer cancellation request, from Amazon to the seller and back', () => {
  let server: SandboxServer;
  let check: ReturnType<typeof createResponseCheck>;
  let extension: LoadedExtension;
  let popup: Page;
  let orderId: string;

  beforeAll(async () => {
    check = createResponseCheck();
    const fast = { queueMs: 300, processingMs: 1_000 };
    server = await startSandboxServer({
      port: 0,
      seed: 23,
      orders: 300,
      reportTiming: fast,
      feedTiming: fast,
      onResponse: check.onResponse,
      // One request, raised 10 hours before the sandbox's start: no random ones.
      buyerCancellationRequests: { merchantShare: 0, amazonShare: 0, openAgesHours: [10] },
    });
    const ids = requestedOrderIds(server);
    expect(ids).toHaveLength(1);
    orderId = ids[0]!;
    extension = await launchExtension();
    await (await connectToSandbox(extension, server)).close();
    popup = await extension.openPage('popup.html');
    await waitForOrders(popup, 100);
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });
  afterEach(() => {
    expect(check.violations()).toEqual([]);
  });

  it('counts the request on the badge after the sync and notifies it once', async () => {
    await waitFor(
      () => badgeText(extension),
      (text) => text === '1',
      'badge',
    );
    const worker = await extension.worker();
    const title = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getTitle({}),
    );
    expect(title).toMatch(/buyer/i);
    const notifications = await waitFor(
      () =>
        worker.evaluate(() =>
          (globalThis as unknown as { chrome: WorkerChrome }).chrome.notifications.getAll(),
        ),
      (all) => Object.keys(all).length > 0,
      'notifications',
    );
    const ids = Object.keys(notifications);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toContain(orderId);
  });

  it('accepts the request: exactly one BuyerCanceled feed, then the request closes as cancelled', async () => {
    await popup.getByRole('button', { name: 'Buyer requests (1)' }).click();
    const row = popup.locator(`[data-testid="open-request"][data-order-id="${orderId}"]`);
    await row.waitFor();
    // Raised 10 hours before the sandbox started, with a 48-hour window.
    expect(await row.getByTestId('time-left').textContent()).toMatch(/^3[78] h left$/);
    await row.getByRole('button', { name: /^Accept/ }).click();
    const dialog = popup.getByRole('dialog', { name: `Cancel order ${orderId}` });
    await dialog.waitFor();
    // The reason is the buyer's and cannot be changed.
    const reason = dialog.getByRole('combobox', { name: 'Reason for cancellation' });
    expect(await reason.inputValue()).toBe('BuyerCanceled');
    expect(await reason.isDisabled()).toBe(true);
    expect(await dialog.textContent()).toContain('does not count against your cancellation rate');
    await dialog.getByRole('button', { name: 'Submit cancellation' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Amazon's word: the request is closed because the order was cancelled there.
    const closed = popup.locator('[data-testid="closed-request"]', { hasText: orderId });
    await closed.waitFor({ timeout: 90_000 });
    expect(await closed.textContent()).toContain('Order cancelled');
    expect(server.sandbox.orderTruth(orderId)?.status).toBe('CANCELLED');
    const feeds = feedsFor(server, orderId);
    expect(feeds).toHaveLength(1);
    expect(feeds[0]!.input).toContain('<CancelReason>BuyerCanceled</CancelReason>');
    expect(await popup.locator(`[data-testid="open-request"][data-order-id="${orderId}"]`).count()).toBe(0);
    await waitFor(
      () => badgeText(extension),
      (text) => text === '',
      'badge after the request closed',
    );
  });
});
