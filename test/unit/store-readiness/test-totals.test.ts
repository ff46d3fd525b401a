import { describe, expect, it } from 'vitest';
import { countVitestRun } from '../../../scripts/test-totals.mjs';

const root = '/repo';
const file = (name: string, status: string, tests: string[], message = '') => ({
  name: `${root}/${name}`,
  status,
  message,
  assertionResults: tests.map((s) => ({ status: s })),
});

// The closing "N passed, N failed" line must agree with the exit code: the exit code is 1 exactly
// when failed > 0, so every way a run can go wrong must count at least one failure.
describe('the test totals', () => {
  it('counts a test file that could not load as one failure, with its reason', () => {
    const report = {
      numPassedTests: 507,
      numFailedTests: 0,
      testResults: [
        file('test/a.test.ts', 'passed', ['passed']),
        file(
          'test/contract/models.test.ts',
          'failed',
          [],
          'Error: Cannot find module ../shared/sp-api-models\n  at x',
        ),
      ],
    };
    expect(countVitestRun('unit', report, false, root)).toEqual({
      passed: 507,
      failed: 1,
      failures: [
        'unit: test/contract/models.test.ts did not run: Error: Cannot find module ../shared/sp-api-models',
      ],
    });
  });

  it('counts failed, skipped and todo tests', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [],
    };
    expect(countVitestRun('e2e', report, false, root)).toEqual({
      passed: 3,
      failed: 4,
      failures: ['e2e: 2 failed tests', 'e2e: 2 skipped or todo tests'],
    });
  });

  it('counts a vitest that failed with every test passed (an unhandled error) as a failure', () => {
    const report = {
      numPassedTests: 10,
      numFailedTests: 0,
      testResults: [file('test/a.test.ts', 'passed', ['passed'])],
    };
    expect(countVitestRun('unit', report, false, root)).toEqual({
      passed: 10,
      failed: 1,
      failures: ['unit: vitest exited with an error outside any test'],
    });
    expect(countVitestRun('unit', report, true, root)).toEqual({ passed: 10, failed: 0, failures: [] });
  });

  it('counts a failed file entry without a name instead of stopping before the totals', () => {
    const report = { numPassedTests: 1, testResults: [{ status: 'failed', message: 'Error: boom' }] };
    expect(countVitestRun('unit', report, false, root).failures).toEqual([
      'unit: a test file did not run: Error: boom',
    ]);
  });

  it('counts a run that wrote no report as a failure', () => {
    expect(countVitestRun('unit', undefined, false, root)).toEqual({
      passed: 0,
      failed: 1,
      failures: ['unit: vitest wrote no report'],
    });
  });
});
