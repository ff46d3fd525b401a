import type { InvariantNumber } from '../../../sim/invariants';
import { scheduleFor } from '../../../sim/schedule';
import { runSimulation } from '../../../sim/simulation';

/** The first seed in [from, upTo] whose run breaks `invariant`, with its message; undefined if none. */
export async function firstViolation(options: {
  readonly invariant: InvariantNumber;
  readonly from: number;
  readonly upTo: number;
}): Promise<{ seed: number; message: string } | undefined> {
  for (let seed = options.from; seed <= options.upTo; seed++) {
    const result = await runSimulation(scheduleFor(seed));
    const violation = result.violations.find((v) => v.invariant === options.invariant);
    if (violation) {
      console.info(`seed ${seed}: ${violation.message}`);
      return { seed, message: violation.message };
    }
  }
  return undefined;
}
