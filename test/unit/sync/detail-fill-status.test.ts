import { getAllOrders } from '../../../lib/store';
import { DETAIL_FILL_INTERVAL_MS } from '../../../lib/sync/order-sync';
import { createHarness, type Harness } from './order-sync-harness';

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

describe('runOrderSync: whether the detail fill is under way', () => {
  it('says running after the first sync while report-level orders wait, and done once the fill has read the window', async () => {
    harness = await createHarness();
    const first = await harness.run();
    expect(first.detailFill).toBe('running');
    expect((await getAllOrders(harness.db)).some((order) => order.detailLevel === 'report')).toBe(true);

    let result = first;
    for (let run = 0; run < 40 && result.detailFill === 'running'; run++) {
      harness.clock.advance(DETAIL_FILL_INTERVAL_MS);
      result = await harness.run();
    }
    expect(result.detailFill).toBe('done');
    // An idle cycle after the fill still says done.
    harness.clock.advance(DETAIL_FILL_INTERVAL_MS);
    expect((await harness.run()).detailFill).toBe('done');
  });
});
