/**
 * Self-check: the simulator catches a defect issue 6 fixed, put back. Here a clean feed report is taken
 * for "Cancelled" (no reading of Amazon's order first), as before issue 6: an action is then shown done
 * while Amazon's order is shipped or open (invariant 1).
 */
import { vi } from 'vitest';
import { firstViolation } from './simulated-defect';

vi.mock('../../../lib/outbox/confirm-cancel', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../lib/outbox/confirm-cancel')>();
  const { listActions } = await import('../../../lib/store/outbox-store');
  const { markDone } = await import('../../../lib/outbox/action-updates');
  return {
    ...original,
    confirmCancels: async (ctx: Parameters<typeof original.confirmCancels>[0]) => {
      const now = new Date(ctx.clock.now()).toISOString();
      let done = 0;
      for (const action of await listActions(ctx.db, { status: 'pending' })) {
        if (!action.confirming) continue;
        await ctx.db.put('outbox', markDone(action, 'Cancelled (feed report clean)', now));
        done += 1;
      }
      return { done, failed: 0, needsReview: 0 };
    },
  };
});

it('catches a clean feed report taken for done (invariant 1)', async () => {
  const found = await firstViolation({ invariant: 1, from: 1, upTo: 300 });
  expect(found, 'no seed of 1–300 broke invariant 1').toBeDefined();
}, 600_000);
