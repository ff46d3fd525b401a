import type { Page } from 'playwright-core';
import type { SandboxServer } from '../../lib/sandbox/node-server';
import { launchExtension, type LoadedExtension } from './extension-harness';
import { waitForOrders } from './order-list-page';
import { connectToSandbox, startFastSandbox } from './sandbox-connection';

export { openCancellableOrder } from './order-list-page';

/** Feeds the sandbox received that mention this order. */
export function feedsFor(server: SandboxServer, orderId: string) {
  return server.sandbox
    .feeds()
    .filter((feed) => feed.input.includes(`<AmazonOrderID>${orderId}</AmazonOrderID>`));
}

export async function submitCancel(popup: Page, reason = 'NoInventory') {
  const dialog = popup.getByRole('dialog');
  await dialog.getByLabel('Reason for cancellation').selectOption(reason);
  await dialog.getByRole('button', { name: 'Submit cancellation' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * One sandbox-backed seller account for a describe block: a fast sandbox, the extension connected to
 * it, the popup showing its orders; every response checked against Amazon's models after each test.
 */
export function useSandboxAccount(seed: number, orders: number) {
  const world = {} as {
    server: Awaited<ReturnType<typeof startFastSandbox>>;
    extension: LoadedExtension;
    popup: Page;
    /** Orders a test already cancelled, so the next one picks another. */
    used: Set<string>;
  };
  beforeAll(async () => {
    world.server = await startFastSandbox(seed, orders);
    world.extension = await launchExtension();
    await (await connectToSandbox(world.extension, world.server)).close();
    world.popup = await world.extension.openPage('popup.html');
    world.used = new Set();
    await waitForOrders(world.popup, 100);
  });
  afterAll(async () => {
    await world.extension?.close();
    await world.server?.close();
  });
  afterEach(() => {
    expect(world.server.responseViolations()).toEqual([]);
  });
  return world;
}

/**
 * An unanswered createFeed is decided only once Amazon's listing has settled, two minutes after the
 * call ended (lib/outbox/feed-adoption.ts). Once the outbox has begun looking for its feed, those
 * minutes pass at Amazon at once: the sandbox's clock moves ahead, and the extension reads Amazon's
 * time from the Date header of the next listing, as it would from Amazon's.
 */
export async function letAmazonsListingSettle(server: Awaited<ReturnType<typeof startFastSandbox>>) {
  const listed = () => server.sandbox.stats().calls.getFeeds ?? 0;
  const before = listed();
  for (let waited = 0; listed() === before; waited += 100) {
    if (waited > 60_000) throw new Error('The outbox never looked for its feed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.sandbox.setClockOffset(server.sandbox.clockOffsetMs() + 3 * 60_000);
}
