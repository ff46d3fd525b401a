import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './extension-harness';
import { stopServiceWorker } from './sandbox-connection';
import {
  feedsFor,
  letAmazonsListingSettle,
  openCancellableOrder,
  submitCancel,
  useSandboxAccount,
} from './cancel-page';
import { clickClosedButton, closedHosts } from './closed-shadow-root';

describe('cancelling from the order manager', () => {
  const world = useSandboxAccount(21, 1500);

  it('requires a reason, shows Cancel pending at once and ends Cancelled through one valid feed', async () => {
    const orderId = await openCancellableOrder(world.popup, world.used);
    world.used.add(orderId);
    const dialog = world.popup.getByRole('dialog');
    // The button is aria-disabled (still focusable and clickable) until a reason is chosen.
    await dialog.getByRole('button', { name: 'Submit cancellation' }).click({ force: true });
    await dialog.getByText('Choose a reason', { exact: true }).waitFor();
    expect(feedsFor(world.server, orderId)).toHaveLength(0);

    await submitCancel(world.popup);
    const state = world.popup.getByTestId('cancel-state').first();
    expect(await state.textContent()).toMatch(/Cancel pending|Cancelled/);
    await state.filter({ hasText: /^Cancelled/ }).waitFor({ timeout: 60_000 });

    const feeds = feedsFor(world.server, orderId);
    expect(feeds).toHaveLength(1);
    expect(feeds[0]!.feedType).toBe('POST_ORDER_ACKNOWLEDGEMENT_DATA');
    expect(feeds[0]!.processingReport).toMatch(/<MessagesWithError>0<\/MessagesWithError>/);

    // The next sync sees Amazon's side: the order itself is cancelled, and not "outside the manager".
    await world.popup.getByRole('button', { name: /Back to list/ }).click();
    await world.popup.getByRole('button', { name: 'Clear filters' }).click();
    await world.popup.getByRole('searchbox', { name: 'Search orders' }).fill(orderId);
    await world.popup.getByRole('button', { name: 'Sync now' }).click();
    await world.popup.waitForFunction(
      (id) =>
        document.querySelector(`[data-order-id="${id}"] .order-row__status`)?.textContent === 'Cancelled',
      orderId,
      { timeout: 60_000 },
    );
    await world.popup.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`).click();
    await world.popup.getByTestId('cancel-state').first().waitFor();
    expect(await world.popup.getByTestId('cancelled-outside').count()).toBe(0);
    await world.popup.getByRole('button', { name: /Back to list/ }).click();
    await world.popup.getByRole('searchbox', { name: 'Search orders' }).fill('');
  });

  it('warns on Seller Central not to ship the cancelled order, and shows it on the order page', async () => {
    const [orderId] = [...world.used];
    const fixture = (name: string) =>
      readFileSync(join(REPO_ROOT, 'test/fixtures/seller-central', name), 'utf8').replace(
        /\d{3}-\d{7}-\d{7}/g,
        orderId!,
      );
    await world.extension.context.route('https://sellercentral.amazon.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: fixture(
          route.request().url().endsWith('/confirm-shipment')
            ? 'confirm-shipment.html'
            : 'order-details.html',
        ),
      }),
    );
    const page = await world.extension.context.newPage();
    await page.goto(`https://sellercentral.amazon.com/orders-v3/order/${orderId}/confirm-shipment`);
    // The injected UI is in closed shadow roots: read through the DevTools protocol (closed-shadow-root.ts).
    await expect.poll(async () => (await closedHosts(page, 'ship-block'))[0]?.text ?? '').toMatch(/cancel/i);

    await page.goto(`https://sellercentral.amazon.com/orders-v3/order/${orderId}`);
    await expect
      .poll(async () => (await closedHosts(page, 'order-panel'))[0]?.text ?? '')
      .toContain('Cancelled in order manager');
    expect(await page.locator('[data-order-manager="ship-block"]').count()).toBe(0);
    await page.close();
  });

  it('opens the manager with the cancel dialog from an order page in Seller Central', async () => {
    const orderId = await openCancellableOrder(world.popup, world.used);
    await world.popup.keyboard.press('Escape');
    await world.popup.getByRole('button', { name: /Back to list/ }).click();
    const details = readFileSync(join(REPO_ROOT, 'test/fixtures/seller-central/order-details.html'), 'utf8');
    const page = await world.extension.context.newPage();
    await page.route('https://sellercentral.amazon.ca/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: details.replace(/\d{3}-\d{7}-\d{7}/g, orderId),
      }),
    );
    await page.goto(`https://sellercentral.amazon.ca/orders-v3/order/${orderId}`);
    const panelButtons = async () =>
      (await closedHosts(page, 'order-panel'))[0]?.buttons.map((button) => button.name) ?? [];
    await expect.poll(panelButtons).toContain('Cancel in order manager');
    const [manager] = await Promise.all([
      world.extension.context.waitForEvent('page'),
      clickClosedButton(page, 'order-panel', 0, 'Cancel in order manager'),
    ]);
    await manager.waitForLoadState();
    const dialog = manager.getByRole('dialog', { name: `Cancel order ${orderId}` });
    await dialog.waitFor();
    // Nothing is sent until the seller submits with a reason.
    expect(feedsFor(world.server, orderId)).toHaveLength(0);
    await manager.close();
    await page.close();
  });

  // The worker is stopped while the sandbox holds each call open, so the stop lands inside that step.
  for (const operation of ['createFeedDocument', 'createFeed', 'getFeed'] as const) {
    it(
      `sends exactly one feed when the service worker is stopped during ${operation}`,
      { timeout: 240_000 },
      async () => {
        const before = world.server.sandbox.stats().calls[operation] ?? 0;
        world.server.sandbox.injectFault({ operation, kind: 'slow', delayMs: 2_000 });
        const orderId = await openCancellableOrder(world.popup, world.used);
        world.used.add(orderId);
        await submitCancel(world.popup);
        await world.popup.waitForFunction(() => true);
        for (let i = 0; (world.server.sandbox.stats().calls[operation] ?? 0) <= before; i++) {
          if (i > 200) throw new Error(`${operation} was never called`);
          await world.popup.waitForTimeout(50);
        }
        await stopServiceWorker(world.popup);
        await world.popup.waitForTimeout(2_500);
        // Anything that wakes the worker resumes the outbox from its persisted step.
        await world.popup.getByRole('button', { name: 'Sync now' }).click();
        // Stopped during createFeed, the outbox looks for its feed once the window has settled.
        if (operation === 'createFeed') await letAmazonsListingSettle(world.server);
        await world.popup
          .getByTestId('cancel-state')
          .first()
          .filter({ hasText: /^(Cancelled|Needs review)/ })
          .waitFor({ timeout: 180_000 });
        expect(feedsFor(world.server, orderId)).toHaveLength(1);
        await world.popup.getByRole('button', { name: /Back to list/ }).click();
      },
    );
  }
});
