import { coverageTable, describeFailure, FEATURES, runSeedRange } from '../../../sim/run-seeds';

/** Every fault and seller action must take effect in at least this share of runs (issue 7). */
export const MIN_COVERAGE = 0.05;

/**
 * Runs seeds [from, from + count) and fails with each violation's seed, invariant and shortest trace,
 * or when some fault fired in too few runs to be tested.
 */
export function seedRangeTest(from: number, count: number): void {
  it(`seeds ${from}–${from + count - 1}: no invariant violations, every fault fires`, async () => {
    const result = await runSeedRange(from, count);
    expect(result.failures.map(describeFailure)).toEqual([]);
    const rare = FEATURES.filter((feature) => (result.coverage.get(feature) ?? 0) < MIN_COVERAGE * count);
    expect(rare, `faults that fired in under 5 % of runs:\n${coverageTable(result)}`).toEqual([]);
  }, 900_000);
}
