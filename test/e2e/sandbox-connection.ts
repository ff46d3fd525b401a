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

/**
 * Points the extension at the sandbox as a seller's own account, by writing the settings the
 * options page writes (the options form itself is covered by sandbox-account.e2e.ts).
 */
export async function connectToSandbox(extension: LoadedExtension, server: SandboxServer): Promise<Page> {
  const page = await extension.openPage('options.html');
  await page.evaluate(
    async ({ url, credentials }) => {
      const chromeApi = (
        globalThis as unknown as {
          chrome: {
            storage: { local: { set(items: object): Promise<void> } };
            runtime: { sendMessage(message: object): Promise<unknown> };
          };
        }
      ).chrome;
      await chromeApi.storage.local.set({
        settings: {
          credentials: {
            clientId: credentials.clientId,
            clientSecret: credentials.clientSecret,
            refreshToken: credentials.refreshToken,
            region: 'na',
            marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
            sellerId: credentials.sellerId,
          },
          endpointOverride: { spApiBaseUrl: url, lwaTokenUrl: `${url}/auth/o2/token` },
        },
      });
      await chromeApi.runtime.sendMessage({ type: 'settings-changed' });
    },
    { url: server.url, credentials: SANDBOX_CREDENTIALS },
  );
  return page;
}

/** Stops the extension's service worker the way Chrome does when it is idle or killed. */
export async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
