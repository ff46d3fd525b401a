/**
 * Runs Mozilla's addons-linter on the Firefox build (.output/firefox-mv3) and fails on any error and
 * on any warning not explained in store/addons-linter-allowed.json (see firefox-lint-allow-list.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allowListSchema, lintReportSchema, problemsWithLintReport } from './firefox-lint-allow-list';

const root = resolve(import.meta.dirname, '..');
const build = join(root, '.output', 'firefox-mv3');
if (!existsSync(join(build, 'manifest.json'))) {
  console.error(`No Firefox build at ${build}: run npm run build:firefox first.`);
  process.exit(1);
}
const linter = join(root, 'node_modules', '.bin', 'addons-linter');
const run = spawnSync(linter, ['--output', 'json', build], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = lintReportSchema.parse(JSON.parse(run.stdout));
} catch (error) {
  console.error(
    `addons-linter gave no report it could read (exit ${run.status}): ${run.stderr || String(error)}`,
  );
  process.exit(1);
}
const allowList = allowListSchema.parse(
  JSON.parse(readFileSync(join(root, 'store', 'addons-linter-allowed.json'), 'utf8')),
);
const problems = problemsWithLintReport(report, allowList, (file) => {
  const path = join(build, file);
  return path.startsWith(build) && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
});
const counts = `${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`;
if (problems.length > 0) {
  console.error(
    `addons-linter on the Firefox build: ${counts}\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(
  `addons-linter on the Firefox build: ${counts}, each warning explained in store/addons-linter-allowed.json.`,
);
