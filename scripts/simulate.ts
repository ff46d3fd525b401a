/**
 * npm run simulate -- --seeds 10000 [--from N]   runs a range of seeds
 * npm run simulate -- --seed N [--trace]         replays one seed (its full trace with --trace)
 * npm run simulate -- --seed N --only 0,4,7      replays only those events of it (a shrunk trace)
 */
import { parseArgs } from 'node:util';
import { scheduleFor } from '../sim/schedule';
import { coverageTable, describeFailure, runSeedRange } from '../sim/run-seeds';
import { runSimulation } from '../sim/simulation';
import { INVARIANTS } from '../sim/invariants';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    from: { type: 'string' },
    seed: { type: 'string' },
    trace: { type: 'boolean' },
    /** Replays only these events of the seed's schedule (numbers as in a trace: 0,4,7). */
    only: { type: 'string' },
    'no-shrink': { type: 'boolean' },
  },
});

const integer = (name: string, text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not "${text}"`);
    process.exit(2);
  }
  return n;
};

if (values.seed !== undefined) {
  const seed = integer('seed', values.seed, 1);
  const full = scheduleFor(seed);
  const only = values.only?.split(',').map(Number);
  const schedule = only ? { ...full, events: full.events.filter((e) => only.includes(e.n)) } : full;
  const result = await runSimulation(schedule);
  if (values.trace || result.violations.length) console.log(result.trace.join('\n'));
  for (const v of result.violations)
    console.log(`invariant ${v.invariant} (${INVARIANTS[v.invariant]}): ${v.message}`);
  console.log(
    `seed ${seed}${only ? ` (events ${only.join(',')})` : ''}: ${result.violations.length} invariant violation(s)`,
  );
  process.exit(result.violations.length ? 1 : 0);
}

const count = integer('seeds', values.seeds, 1000);
const from = integer('from', values.from, 1);
const result = await runSeedRange(from, count, {
  shrink: !values['no-shrink'],
  onFailure: (failure) => console.log(describeFailure(failure) + '\n'),
});
const seconds = result.elapsedMs / 1000;
console.log(`${count} seeds, ${result.failures.length} invariant violations`);
console.log(
  `seeds ${from} to ${from + count - 1}, ${seconds.toFixed(1)} s, ${(count / seconds).toFixed(1)} seeds/s`,
);
console.log('fault coverage (runs in which each took effect):');
console.log(coverageTable(result));
process.exit(result.failures.length ? 1 : 0);
