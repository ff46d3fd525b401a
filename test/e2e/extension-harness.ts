import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** The test build: like the store build, plus permission to reach the local sandbox on 127.0.0.1. */
export const TEST_BUILD = join(REPO_ROOT, '.output-test', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  worker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium, headless, with the built extension loaded into a fresh profile. */
export async function launchExtension(): Promise<LoadedExtension> {
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    throw new Error(`No test build at ${TEST_BUILD}: run ORDER_MANAGER_TEST_BUILD=1 npx wxt build first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'order-manager-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${TEST_BUILD}`, `--load-extension=${TEST_BUILD}`],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      return live ?? (await context.waitForEvent('serviceworker'));
    },
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
