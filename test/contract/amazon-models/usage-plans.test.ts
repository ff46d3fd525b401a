import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../../../lib/sp-api/usage-plans';
import { requireModelsDir } from '../models-location.mjs';

type Model = { paths: Record<string, Record<string, { operationId?: string; description?: string }>> };

/** Reads the "| Rate | Burst |" markdown table from an operation's description. */
function usagePlanTable(description: string): { rate: number; burst: number } | undefined {
  const lines = description.split('\n').map((l) => l.trim());
  const header = lines.findIndex((l) => /^\|\s*Rate \(requests per second\)\s*\|\s*Burst\s*\|$/.test(l));
  if (header < 0) return undefined;
  const cells = lines[header + 2]
    ?.split('|')
    .map((c) => c.trim())
    .filter(Boolean);
  if (!cells || cells.length !== 2) return undefined;
  return { rate: Number(cells[0]), burst: Number(cells[1]) };
}

describe('usage plans match the official models', () => {
  it.each(OPERATIONS.map((o) => [o.operation, o] as const))('%s', (_name, spec) => {
    const model = JSON.parse(readFileSync(path.join(requireModelsDir(), spec.model), 'utf8')) as Model;
    const op = model.paths[spec.path]?.[spec.method.toLowerCase()];
    expect(op?.operationId).toBe(spec.operation);
    const table = usagePlanTable(op?.description ?? '');
    expect(table).toEqual({ rate: spec.rate, burst: spec.burst });
  });
});
