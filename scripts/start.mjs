// Builds the extension and opens Chromium with it loaded (demo mode until credentials are set).
// Where there is no display, says so and prints the folder to load unpacked.
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, '.output', 'chrome-mv3');

console.log('Building the extension…');
execSync('npx wxt build', { cwd: root, stdio: 'inherit' });

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);
const browserPath = candidates.find((p) => existsSync(p));
const hasDisplay =
  process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const manualSteps = `Load it by hand: open chrome://extensions, turn on Developer mode, click "Load unpacked" and choose
  ${dist}
(Firefox: npm run build:firefox, then about:debugging → This Firefox → Load Temporary Add-on → .output/firefox-mv3/manifest.json)`;

if (!hasDisplay || !browserPath) {
  console.log(
    `\nThe extension is built in ${dist}.\n` +
      (!hasDisplay
        ? 'No display was found, so no browser was opened.\n'
        : 'No Chromium was found (set CHROMIUM_PATH).\n') +
      manualSteps,
  );
  process.exit(0);
}

// Branded Google Chrome ignores --load-extension since version 137; Chromium honours it.
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'order-manager-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browserPath,
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/manager.html`);
console.log(`\nChromium is open with the extension (id ${extensionId}) in demo mode.`);
console.log('Close the browser window to stop.');
await new Promise((done) => context.on('close', done));
