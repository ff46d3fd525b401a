/**
 * Runs seeds, shrinks a failing schedule to its shortest trace, and tallies fault coverage.
 */
import { INVARIANTS, type InvariantNumber, type Violation } from './invariants';
import { scheduleFor, TRANSPORT_FAULTS, type SimSchedule } from './schedule';
import { runSimulation, type Feature, type SimResult } from './simulation';

export const FEATURES: readonly Feature[] = [
  ...TRANSPORT_FAULTS,
  'kill',
  'kill-at-createFeed',
  'clock-skew',
  'clock-jump',
  'other-tool-feed',
  'amazon-cancels',
  'ship-elsewhere',
  'buyer-request',
  'expire-pagination',
  'expire-token',
  'add-marketplace',
  'cancel-whole',
  'cancel-lines',
  'retry',
  'send-again',
  'resolve-review',
  'switch-account',
  'sync-and-outbox-together',
];

export interface SeedFailure {
  readonly seed: number;
  readonly violation: Violation;
  /** Every violation of the full schedule. */
  readonly all: readonly Violation[];
  /** The shortest schedule found that still breaks the same invariant: its violation and trace. */
  readonly shortestViolation: Violation;
  readonly shortestTrace: readonly string[];
  /** The events (numbers in the full schedule) of the shortest failing schedule. */
  readonly shortestEvents: readonly number[];
  readonly fullEvents: number;
}

export interface SeedRangeResult {
  readonly seeds: number;
  readonly failures: SeedFailure[];
  /** Runs in which each feature took effect. */
  readonly coverage: Map<Feature, number>;
  readonly elapsedMs: number;
}

/** Re-runs of a failing schedule spent on shrinking it. */
const SHRINK_BUDGET = 300;

export async function runSeedRange(
  from: number,
  count: number,
  options: { shrink?: boolean; onFailure?: (failure: SeedFailure) => void } = {},
): Promise<SeedRangeResult> {
  const started = performance.now();
  const coverage = new Map<Feature, number>(FEATURES.map((f) => [f, 0]));
  const failures: SeedFailure[] = [];
  for (let seed = from; seed < from + count; seed++) {
    const schedule = scheduleFor(seed);
    let result: SimResult;
    try {
      result = await runSimulation(schedule);
    } catch (error) {
      // The simulator itself (or code under it) threw: as much a finding as a broken invariant.
      result = {
        violations: [{ invariant: 3, message: `the run threw: ${(error as Error)?.stack ?? String(error)}` }],
        fired: new Set(),
        trace: [],
        accounts: [],
      };
    }
    for (const feature of result.fired) coverage.set(feature, (coverage.get(feature) ?? 0) + 1);
    if (result.violations.length) {
      const violation = result.violations[0]!;
      const shortest =
        options.shrink === false
          ? { schedule, trace: result.trace, violation }
          : await shrink(schedule, violation.invariant);
      const failure: SeedFailure = {
        seed,
        violation,
        all: result.violations,
        shortestViolation: shortest.violation,
        shortestTrace: shortest.trace,
        shortestEvents: shortest.schedule.events.map((e) => e.n),
        fullEvents: schedule.events.length,
      };
      failures.push(failure);
      options.onFailure?.(failure);
    }
  }
  return { seeds: count, failures, coverage, elapsedMs: performance.now() - started };
}

/**
 * The shortest schedule (fewest events) found that still breaks `invariant`: removes chunks of
 * events, halving the chunk when nothing can go (delta debugging), within a budget of re-runs.
 */
export async function shrink(
  schedule: SimSchedule,
  invariant: InvariantNumber,
): Promise<{ schedule: SimSchedule; trace: string[]; violation: Violation }> {
  let best = schedule;
  let bestResult: SimResult | undefined;
  let budget = SHRINK_BUDGET;
  const breaks = async (candidate: SimSchedule) => {
    budget -= 1;
    try {
      const result = await runSimulation(candidate);
      if (result.violations.some((v) => v.invariant === invariant)) return result;
    } catch {
      // A candidate that throws is not the same failure.
    }
    return undefined;
  };
  let chunk = Math.ceil(best.events.length / 2);
  while (chunk >= 1 && budget > 0) {
    let removed = false;
    for (let start = 0; start < best.events.length && budget > 0;) {
      const events = [...best.events.slice(0, start), ...best.events.slice(start + chunk)];
      const candidate = { ...best, events };
      const result = await breaks(candidate);
      if (result) {
        best = candidate;
        bestResult = result;
        removed = true;
      } else start += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  const final =
    bestResult ??
    (await runSimulation(best).catch((error: unknown) => ({
      violations: [{ invariant, message: `the run threw: ${(error as Error)?.stack ?? String(error)}` }],
      trace: [],
    })));
  const violation = final.violations.find((v) => v.invariant === invariant) ?? final.violations[0]!;
  return { schedule: best, trace: final.trace, violation };
}

export function describeFailure(failure: SeedFailure): string {
  const { seed, violation } = failure;
  return [
    `seed ${seed}: invariant ${violation.invariant} (${INVARIANTS[violation.invariant]})`,
    `  ${violation.message}`,
    ...(failure.all.length > 1 ? [`  (${failure.all.length - 1} more violation(s) in the full run)`] : []),
    `  replay: npm run simulate -- --seed ${seed}  (shortest: --seed ${seed} --only ${failure.shortestEvents.join(',')})`,
    `  shortest trace (${failure.shortestEvents.length} of ${failure.fullEvents} events), ending in: ${failure.shortestViolation.message}`,
    ...failure.shortestTrace.map((line) => `    ${line}`),
  ].join('\n');
}

export function coverageTable(result: SeedRangeResult): string {
  const rows = FEATURES.map((feature) => {
    const runs = result.coverage.get(feature) ?? 0;
    const share = result.seeds ? (100 * runs) / result.seeds : 0;
    return `  ${feature.padEnd(26)} ${String(runs).padStart(7)} ${share.toFixed(1).padStart(6)} %${share < 5 ? '  (under 5 %)' : ''}`;
  });
  return [`  ${'fault or event'.padEnd(26)} ${'runs'.padStart(7)} ${'share'.padStart(8)}`, ...rows].join(
    '\n',
  );
}
