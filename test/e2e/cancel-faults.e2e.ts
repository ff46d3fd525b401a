import {
  feedsFor,
  letAmazonsListingSettle,
  openCancellableOrder,
  submitCancel,
  useSandboxAccount,
} from './cancel-page';
import type { startFastSandbox } from './sandbox-connection';

const US = 'ATVPDKIKX0DER';
const CA = 'A2EUQ1WTGCTBG2';

/** The order manager's own feeds for this order (not another tool's). */
function oursFor(server: Awaited<ReturnType<typeof startFastSandbox>>, orderId: string) {
  return feedsFor(server, orderId).filter((feed) => feed.source === 'createFeed');
}

/** The feed's processing, a poll and the order's confirmation, once the window has settled. */
const SETTLED = 120_000;

describe('a cancel whose createFeed call goes wrong on the wire', () => {
  const world = useSandboxAccount(31, 1500);

  it(
    "never shows Cancelled on another tool's feed when createFeed never reached Amazon",
    { timeout: 300_000 },
    async () => {
      const orderId = await openCancellableOrder(world.popup, world.used);
      world.used.add(orderId);
      // Another of the seller's tools sends order acknowledgements moments before ours.
      for (const marketplace of [US, CA])
        world.server.sandbox.createOtherToolFeed({ marketplaceIds: [marketplace] });
      world.server.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-before' });
      await submitCancel(world.popup);
      await letAmazonsListingSettle(world.server);

      const state = world.popup.getByTestId('cancel-state').first();
      await state.filter({ hasText: /^Needs review/ }).waitFor({ timeout: SETTLED });
      expect(await state.textContent()).not.toMatch(/^Cancelled/);
      expect(oursFor(world.server, orderId)).toHaveLength(0);
      await world.popup
        .getByText(/Amazon shows no cancellation for this order yet/)
        .first()
        .waitFor();

      // Nothing of ours can be in flight, so sending again is offered, and it is sent once.
      await world.popup.getByRole('button', { name: /Send again/ }).click();
      await state.filter({ hasText: /^Cancelled/ }).waitFor({ timeout: SETTLED });
      expect(oursFor(world.server, orderId)).toHaveLength(1);
      await world.popup.getByRole('button', { name: /Back to list/ }).click();
    },
  );

  it('a lost createFeed answer ends Cancelled through exactly one feed', { timeout: 300_000 }, async () => {
    const orderId = await openCancellableOrder(world.popup, world.used);
    world.used.add(orderId);
    world.server.sandbox.injectFault({ operation: 'createFeed', kind: 'drop-after' });
    await submitCancel(world.popup);
    await letAmazonsListingSettle(world.server);
    await world.popup
      .getByTestId('cancel-state')
      .first()
      .filter({ hasText: /^Cancelled/ })
      .waitFor({ timeout: SETTLED });
    expect(oursFor(world.server, orderId)).toHaveLength(1);
    await world.popup.getByRole('button', { name: /Back to list/ }).click();
  });
});
