// The full test suite: formatting, types, lint, import cycles, unit + component + contract tests,
// both builds and store zips, then end-to-end tests in real Chromium. Ends with one "N passed, N
// failed" line whose numbers agree with the exit code: a failed step or a test file that cannot load
// counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  inCi,
  MISSING_MODELS_MESSAGE,
  modelsAvailable,
  modelTestFiles,
} from '../test/contract/models-location.mjs';
import { countVitestRun } from './test-totals.mjs';

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

// The store screenshots show demo buyers writing in Japanese: without a CJK font they draw boxes.
// Only the pictures need it, so a missing font is installed where we can and otherwise only said.
const hasJapaneseFont = () =>
  (spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
if (!hasJapaneseFont()) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    const font = 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei';
    const installed =
      spawnSync(font, { shell: true, stdio: 'ignore' }).status === 0 ||
      spawnSync(`apt-get update -qq && ${font}`, { shell: true, stdio: 'ignore' }).status === 0;
    if (!installed)
      console.log(
        'Could not install fonts-wqy-microhei: the store screenshots will show Japanese text as boxes.',
      );
  } else
    console.log('No CJK font (fonts-wqy-microhei): the store screenshots will show Japanese text as boxes.');
}

let passed = 0;
let failed = 0;
const failures = [];
const notRun = [];

function fail(reason) {
  failed += 1;
  failures.push(reason);
}

// Tests that read Amazon's models: run when the models are found; a clone without them lists them
// as not run; CI always has them, so there their absence fails the run.
if (!modelsAvailable()) {
  if (inCi()) fail(`contract tests: ${MISSING_MODELS_MESSAGE} CI must have them.`);
  else {
    console.log(`${MISSING_MODELS_MESSAGE}\nThe tests that need them are left out and listed at the end.`);
    notRun.push(
      ...modelTestFiles().map((file) => `${file} (needs Amazon's models)`),
      "the check of every sandbox response against Amazon's models in test/unit/sync and the e2e tests",
    );
  }
}

function step(name, command, env = {}) {
  console.log(`\n=== ${name}: ${command}`);
  const run = spawnSync(command, {
    cwd: root,
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...env },
  });
  return run.status === 0;
}

/** A step that is not a test run: its failure is one failure. */
function check(name, command, env = {}) {
  const ok = step(name, command, env);
  if (!ok) fail(name);
  return ok;
}

/** A vitest run, counted from its JSON report so that the totals match what went wrong. */
function testRun(name, command, reportFile) {
  const ok = step(name, command);
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    report = undefined;
  }
  const counted = countVitestRun(name, report, ok, root);
  passed += counted.passed;
  failed += counted.failed;
  failures.push(...counted.failures);
}

check('format', 'npx prettier --check .');
check('typecheck', 'npx tsc --noEmit');
check('lint', 'npx eslint . --max-warnings 0');
check('import cycles', 'npm run --silent check:cycles');
testRun(
  'unit, component and contract tests',
  `npx vitest run --reporter=default --reporter=json --outputFile.json=${join(results, 'unit.json')}`,
  join(results, 'unit.json'),
);
const built =
  check('build chrome', 'npx wxt build') &&
  check('build firefox', 'npx wxt build -b firefox --mv3') &&
  check('store zips', 'npx wxt zip && npx wxt zip -b firefox --mv3') &&
  check('test build', 'npx wxt build', { ORDER_MANAGER_TEST_BUILD: '1' });
if (built) {
  // What the stores' reviewers check: Mozilla's linter, every permission explained, the listing material.
  check("Mozilla's addons-linter on the Firefox build", 'npm run --silent lint:firefox');
  check(
    'store packages (permissions table, zips, changelog, privacy policy)',
    'npm run --silent check:store-build',
  );
  check('store listing screenshots and descriptions', 'npm run --silent store-assets');
} else notRun.push("Mozilla's linter, the store packages check and the store assets (a build failed)");
if (built) {
  testRun(
    'end-to-end tests',
    `npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=${join(results, 'e2e.json')}`,
    join(results, 'e2e.json'),
  );
} else notRun.push('the end-to-end tests (a build failed)');

console.log('');
if (notRun.length > 0) console.log(`Not run:\n${notRun.map((n) => `  - ${n}`).join('\n')}`);
if (failures.length > 0) console.log(`Failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
