// How one vitest run counts in the closing "N passed, N failed" line, from vitest's JSON report and
// its exit code. Pure, so the rule that the numbers agree with the exit code is tested
// (test/unit/store-readiness/test-totals.test.ts).
import { relative } from 'node:path';

/**
 * @param {string} name the run's name, for the failure lines
 * @param {any} report vitest's JSON report, or undefined when it wrote none
 * @param {boolean} exitedOk whether vitest exited 0
 * @param {string} root the repository, to print test files relative to it
 * @returns {{ passed: number, failed: number, failures: string[] }}
 */
export function countVitestRun(name, report, exitedOk, root) {
  if (!report || typeof report !== 'object') {
    return { passed: 0, failed: 1, failures: [`${name}: vitest wrote no report`] };
  }
  let failed = 0;
  const failures = [];
  const passed = report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  if (failedTests > 0) {
    failed += failedTests;
    failures.push(`${name}: ${failedTests} failed test${failedTests === 1 ? '' : 's'}`);
  }
  // Skipped and todo tests are not allowed here, so they count as failed.
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (skipped > 0) {
    failed += skipped;
    failures.push(`${name}: ${skipped} skipped or todo test${skipped === 1 ? '' : 's'}`);
  }
  // A file that failed with no failed test in it did not load (import or syntax error) or broke in
  // a hook; vitest counts no test for it, so it is one failure here.
  for (const file of report.testResults ?? []) {
    const failedInside = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !failedInside) {
      const why = String(file.message ?? '').split('\n')[0] || 'failed outside its tests';
      failed += 1;
      failures.push(
        `${name}: ${file.name ? relative(root, String(file.name)) : 'a test file'} did not run: ${why}`,
      );
    }
  }
  // vitest failed (an unhandled error, a crash) but nothing above says why: still one failure.
  if (!exitedOk && failed === 0) {
    failed += 1;
    failures.push(`${name}: vitest exited with an error outside any test`);
  }
  return { passed, failed, failures };
}
