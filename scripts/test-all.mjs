// The full test suite: formatting, types, lint, unit + component + contract tests, both builds and
// store zips, then end-to-end tests in real Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// The browser tests need Debian's Chromium; install it where we can (as root on Debian), as CI does.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("Installing Debian's chromium for the browser tests…");
    spawnSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      shell: true,
      stdio: 'inherit',
    });
  } else {
    console.log(
      `No Chromium at ${chromiumPath}: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
}

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, env = {}) {
  console.log(`\n=== ${name}: ${command}`);
  const run = spawnSync(command, {
    cwd: root,
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...env },
  });
  if (run.status !== 0) failures.push(name);
  return run.status === 0;
}

function countVitest(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0);
    if ((report.numPendingTests ?? 0) > 0)
      failures.push(`${report.numPendingTests} skipped tests in ${file}`);
  } catch {
    failures.push(`no test report at ${file}`);
  }
}

step('format', 'npx prettier --check .');
step('typecheck', 'npx tsc --noEmit');
step('lint', 'npx eslint . --max-warnings 0');
step(
  'unit, component and contract tests',
  `npx vitest run --reporter=default --reporter=json --outputFile.json=${join(results, 'unit.json')}`,
);
countVitest(join(results, 'unit.json'));
const built =
  step('build chrome', 'npx wxt build') &&
  step('build firefox', 'npx wxt build -b firefox --mv3') &&
  step('store zips', 'npx wxt zip && npx wxt zip -b firefox --mv3') &&
  step('test build', 'npx wxt build', { ORDER_MANAGER_TEST_BUILD: '1' });
if (built) {
  step(
    'end-to-end tests',
    `npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=${join(results, 'e2e.json')}`,
  );
  countVitest(join(results, 'e2e.json'));
}

console.log('');
if (failures.length > 0) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
