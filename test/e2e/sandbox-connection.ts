import type { Page } from 'playwright-core';
import { SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/node-server';
import type { LoadedExtension } from './extension-harness';
import { createResponseCheck } from '../contract/sandbox-response-check';

/** The local SP-API sandbox server with Amazon's minutes of report and feed processing cut to seconds. */
export async function startFastSandbox(
  seed: number,
  orders: number,
): Promise<SandboxServer & { responseViolations(): string[] }> {
  const fast = { queueMs: 300, processingMs: 1_000 };
  // Every response the extension gets in these tests is also checked against Amazon's models.
  const check = createResponseCheck();
  const server = await startSandboxServer({
    port: 0,
    seed,
    orders,
    reportTiming: fast,
    feedTiming: fast,
    onResponse: check.onResponse,
  });
  return Object.assign(server, { responseViolations: () => check.violations() });
}

export interface SandboxAccount {
  /** The merchant token the account is saved with (default: the sandbox's own). */
  readonly sellerId?: string;
}

/**
 * Points the extension at the sandbox as a seller's own account through the options page, the one
 * way credentials are saved (they live where content scripts cannot read them, see
 * lib/settings/credential-store.ts). Returns the options page, with the save confirmed.
 */
export async function connectToSandbox(
  extension: LoadedExtension,
  server: SandboxServer,
  account: SandboxAccount = {},
): Promise<Page> {
  const page = await extension.openPage('options.html');
  await page.getByLabel('LWA client id').fill(SANDBOX_CREDENTIALS.clientId);
  await page.getByLabel('LWA client secret').fill(SANDBOX_CREDENTIALS.clientSecret);
  await page.getByLabel('Refresh token').fill(SANDBOX_CREDENTIALS.refreshToken);
  await page.getByLabel('Merchant token').fill(account.sellerId ?? SANDBOX_CREDENTIALS.sellerId);
  await page.getByRole('combobox', { name: 'Region' }).selectOption('na');
  await page.getByRole('checkbox', { name: /\(US\)/ }).check();
  await page.getByRole('checkbox', { name: /\(CA\)/ }).check();
  const advanced = page.locator('details.options-advanced');
  if ((await advanced.getAttribute('open')) === null)
    await page.locator('summary', { hasText: 'Advanced' }).click();
  await page.getByLabel('SP-API base URL').fill(server.url);
  await page.getByLabel('LWA token URL').fill(`${server.url}/auth/o2/token`);
  const result = page.getByTestId('credentials-save-result');
  await page.getByRole('button', { name: 'Save credentials' }).click();
  await result.filter({ hasText: /^Saved/ }).waitFor();
  return page;
}

/** Stops the extension's service worker the way Chrome does when it is idle or killed. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
