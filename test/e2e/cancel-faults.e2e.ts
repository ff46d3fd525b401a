import type { Page } from 'playwright-core';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { feedsFor, openCancellableOrder, submitCancel } from './cancel-page';
import { waitForOrders } from './order-list-page';
import { connectToSandbox, startFastSandbox } from './sandbox-connection';

const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';

/** The order manager's own feeds for this order (not another tool's). */
function oursFor(server: Awaited<ReturnType<typeof startFastSandbox>>, orderId: string) {
  return feedsFor(server, orderId).filter((feed) => feed.source === 'createFeed');
}

describe('a cancel whose createFeed call goes wrong on the wire', () => {
  let server: Awaited<ReturnType<typeof startFastSandbox>>;
  let extension: LoadedExtension;
  let popup: Page;
  const used = new Set<string>();

  beforeAll(async () => {
    server = await startFastSandbox(31, 1500);
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
    expect(server.responseViolations()).toEqual([]);
  });

  it("never shows Cancelled on another tool's feed when createFeed never reached Amazon", async () => {
    const orderId = await openCancellableOrder(popup, used);
    used.add(orderId);
    // Another of the seller's tools sends order acknowledgements moments before ours.
    for (const marketplace of [US, CA]) server.sandbox.createOtherToolFeed({ marketplaceIds: [marketplace] });
    server.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-before' });
    await submitCancel(popup);

    const state = popup.getByTestId('cancel-state').first();
    await state.filter({ hasText: /^Needs review/ }).waitFor({ timeout: 90_000 });
    expect(await state.textContent()).not.toMatch(/^Cancelled/);
    expect(oursFor(server, orderId)).toHaveLength(0);
    await popup
      .getByText(/Amazon shows no cancellation for this order yet/)
      .first()
      .waitFor();

    // Nothing of ours can be in flight, so sending again is offered, and it is sent once.
    await popup.getByRole('button', { name: /Send again/ }).click();
    await state.filter({ hasText: /^Cancelled/ }).waitFor({ timeout: 90_000 });
    expect(oursFor(server, orderId)).toHaveLength(1);
    await popup.getByRole('button', { name: /Back to list/ }).click();
  });

  it('a lost createFeed answer ends Cancelled through exactly one feed', async () => {
    const orderId = await openCancellableOrder(popup, used);
    used.add(orderId);
    server.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-after' });
    await submitCancel(popup);
    await popup
      .getByTestId('cancel-state')
      .first()
      .filter({ hasText: /^Cancelled/ })
      .waitFor({ timeout: 90_000 });
    expect(oursFor(server, orderId)).toHaveLength(1);
    await popup.getByRole('button', { name: /Back to list/ }).click();
  });
});
