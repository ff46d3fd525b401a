import { ManualClock } from '../../../lib/clock';
import { createSandbox } from '../../../lib/sandbox';
import { concretePath, matchOperation, OPERATIONS, type OperationName } from '../../../lib/sp-api/operations';

const sampleParams = (path: string) =>
  Object.fromEntries([...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name!, `${name}/ü 1`]));

describe('the SP-API operation table', () => {
  it.each(OPERATIONS.map((o) => [o.operation, o] as const))(
    '%s: its concrete path encodes each placeholder and maps back to it',
    (name, spec) => {
      const path = concretePath(name as OperationName, sampleParams(spec.path) as never);
      expect(path).not.toMatch(/[{}]/);
      expect(path.split('/').length).toBe(spec.path.split('/').length);
      expect(matchOperation(spec.method, path)?.operation).toBe(name);
    },
  );

  it('has one entry per operation and one per method and path', () => {
    expect(new Set(OPERATIONS.map((o) => o.operation)).size).toBe(OPERATIONS.length);
    expect(new Set(OPERATIONS.map((o) => `${o.method} ${o.path}`)).size).toBe(OPERATIONS.length);
  });

  // The Orders API v0 operations are in the table for their usage plans only.
  const served = OPERATIONS.filter((o) => !o.model.startsWith('ordersV0'));

  it.each(served.map((o) => [o.operation, o] as const))(
    '%s is served by the sandbox at the table’s method and path',
    async (name, spec) => {
      const sandbox = createSandbox({ clock: new ManualClock(Date.parse('2026-06-01T12:00:00Z')) });
      const path = concretePath(name as OperationName, sampleParams(spec.path) as never);
      // Without a token the operation answers 403; a path the sandbox does not serve answers 404.
      const response = await sandbox.fetch(
        new Request(`https://sandbox.test${path}`, { method: spec.method }),
      );
      expect(response.status).toBe(403);
      expect(sandbox.stats().calls).toEqual({ [name]: 1 });
    },
  );
});
