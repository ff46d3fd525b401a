/**
 * `npm run store-assets`: the store listing's screenshots, taken from the real store build in demo
 * mode in headless Chromium, and its two descriptions from store/listing.md. Nothing is drawn: the
 * popup's own 780×600 screenshot is only placed on a plain 1280×800 background with one caption
 * line quoted from the listing, because the stores want 1280×800 and a popup is smaller.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { closedHosts } from '../test/e2e/closed-shadow-root';
import { openCancellableOrder, waitForOrders } from '../test/e2e/order-list-page';
import {
  LONG_DESCRIPTION_FILE,
  SHORT_DESCRIPTION_FILE,
  STORE_ASSETS_DIR,
  STORE_SCREENSHOT_HEIGHT,
  STORE_SCREENSHOT_WIDTH,
  storeAssetProblems,
} from './check-store-assets';
import { parseStoreListing, type StoreListing } from './store-listing';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const STORE_BUILD = join(REPO_ROOT, '.output', 'chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SELLER_CENTRAL_PAGES = join(REPO_ROOT, 'test', 'fixtures', 'seller-central');
/** The popup's own size (components/app/order-manager-app.css, .order-app--popup). */
const POPUP = { width: 780, height: 600 };
const US_MARKETPLACE = 'ATVPDKIKX0DER';
/** The demo orders' database (lib/store/account-db-name.ts: `${ORDER_DB_NAME}-demo`). */
const DEMO_ORDER_DB_NAME = 'order-manager-demo';

function written(path: string): void {
  console.log(`wrote ${relative(REPO_ROOT, path)}`);
}

/** The line of the long description that contains `phrase`, so every caption is the listing's own words. */
function captionFrom(listing: StoreListing, phrase: string): string {
  const line = listing.long.split('\n').find((l) => l.includes(phrase));
  if (!line)
    throw new Error(
      `store/listing.md no longer says "${phrase}": update the caption in scripts/store-assets.ts`,
    );
  return line.replace(/^-\s*/, '');
}

function buildStoreExtension(): void {
  console.log('building the store build (npx wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    const log = `${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`The store build (npx wxt build) failed; fix the build, then run this again:\n${log}`);
  }
  if (!existsSync(join(STORE_BUILD, 'manifest.json'))) throw new Error(`No store build at ${STORE_BUILD}`);
}

/** Places a popup screenshot, as it is, in the middle of a plain 1280×800 page with a caption above. */
async function framePopup(
  context: BrowserContext,
  popupPng: Buffer,
  caption: string,
  out: string,
): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: STORE_SCREENSHOT_WIDTH, height: STORE_SCREENSHOT_HEIGHT });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:28px;background:#eef1f4;font-family:system-ui,sans-serif">
      <p id="caption" style="margin:0;max-width:1100px;text-align:center;font-size:24px;color:#1d2329"></p>
      <img id="popup" alt="" width="${POPUP.width}" height="${POPUP.height}" style="box-shadow:0 8px 28px rgba(0,0,0,.25);border:1px solid #c9d0d8">
    </body></html>`,
  );
  // Text and image go in as a property and a data URL, never as markup.
  await page.evaluate(
    ({ caption, src }) => {
      document.getElementById('caption')!.textContent = caption;
      (document.getElementById('popup') as HTMLImageElement).src = src;
    },
    { caption, src: `data:image/png;base64,${popupPng.toString('base64')}` },
  );
  await page.waitForFunction(() => (document.getElementById('popup') as HTMLImageElement).complete);
  await page.screenshot({ path: out });
  written(out);
  await page.close();
}

/** Unshipped, seller-fulfilled US demo orders: the kind Seller Central's saved pages show. */
async function usUnshippedDemoOrderIds(page: Page, count: number): Promise<string[]> {
  const ids = await page.evaluate(
    async ({ name, marketplaceId }) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error ?? new Error('open failed'));
      });
      const all = await new Promise<unknown[]>((done, fail) => {
        const request = db.transaction('orders').objectStore('orders').getAll();
        request.onsuccess = () => done(request.result as unknown[]);
        request.onerror = () => fail(request.error ?? new Error('read failed'));
      });
      db.close();
      return all
        .map(
          (order) =>
            order as { orderId: string; marketplaceId: string; status: string; fulfilledBy?: string },
        )
        .filter(
          (o) =>
            o.marketplaceId === marketplaceId && o.status === 'UNSHIPPED' && o.fulfilledBy === 'MERCHANT',
        )
        .map((o) => o.orderId);
    },
    { name: DEMO_ORDER_DB_NAME, marketplaceId: US_MARKETPLACE },
  );
  if (ids.length < count)
    throw new Error(`Only ${ids.length} unshipped US demo orders; the screenshot needs ${count}`);
  return ids.slice(0, count);
}

/** Demo buyers write in Japanese too; without a CJK font Chromium draws their words as empty boxes. */
function warnWithoutCjkFont(): void {
  const fonts = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    console.warn(
      'warning: no Japanese font is installed, so a buyer reason in 3-buyer-requests.png shows as empty boxes. ' +
        'Install one (sudo apt-get install fonts-wqy-microhei) and run this again.',
    );
  }
}

async function main(): Promise<void> {
  warnWithoutCjkFont();
  const listing = parseStoreListing(readFileSync(join(REPO_ROOT, 'store', 'listing.md'), 'utf8'));
  rmSync(STORE_ASSETS_DIR, { recursive: true, force: true });
  mkdirSync(STORE_ASSETS_DIR, { recursive: true });
  for (const [name, text] of [
    [SHORT_DESCRIPTION_FILE, listing.short],
    [LONG_DESCRIPTION_FILE, listing.long],
  ] as const) {
    writeFileSync(join(STORE_ASSETS_DIR, name), `${text}\n`);
    written(join(STORE_ASSETS_DIR, name));
  }

  buildStoreExtension();
  const profile = mkdtempSync(join(tmpdir(), 'order-manager-store-assets-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: STORE_SCREENSHOT_WIDTH, height: STORE_SCREENSHOT_HEIGHT },
    deviceScaleFactor: 1,
    args: [`--disable-extensions-except=${STORE_BUILD}`, `--load-extension=${STORE_BUILD}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}`;
    const out = (name: string) => join(STORE_ASSETS_DIR, name);

    // 1. The popup's order list with its type chips, once the demo sync has filled it.
    const popup = await context.newPage();
    await popup.setViewportSize(POPUP);
    await popup.goto(`${base}/popup.html`);
    // Order types arrive in batches minutes apart (lib/sync/order-sync.ts), so the list is shown as a
    // seller sees it in the first minutes: with "Details still loading" above the type chips.
    await waitForOrders(popup, 250, 60_000);
    await framePopup(
      context,
      await popup.screenshot(),
      captionFrom(listing, 'Filter by Prime, Business'),
      out('1-popup-list.png'),
    );

    // 2. An order right after its cancel is queued: "Cancel pending" until Amazon's order shows it.
    await openCancellableOrder(popup);
    const dialog = popup.getByRole('dialog');
    await dialog.getByLabel('Reason for cancellation').selectOption('NoInventory');
    await dialog.getByRole('button', { name: 'Submit cancellation' }).click();
    await dialog.waitFor({ state: 'detached' });
    const state = popup.getByTestId('cancel-state').first();
    await state.filter({ hasText: 'Cancel pending' }).waitFor();
    const pendingShot = await popup.screenshot();
    // Read again after the shot: had Amazon's answer arrived in between, the picture could show either.
    const stateText = (await state.textContent()) ?? '';
    if (!/Cancel pending/.test(stateText)) {
      throw new Error(`The cancelled order already showed "${stateText}" when photographed: run this again`);
    }
    await framePopup(
      context,
      pendingShot,
      captionFrom(listing, 'only once Amazon'),
      out('2-cancel-pending.png'),
    );
    await popup.close();

    // 3. The buyer requests view, in the full tab (#requests), with demo mode's open requests.
    const requests = await context.newPage();
    await requests.goto(`${base}/manager.html#requests`);
    await requests.getByRole('heading', { name: 'Buyer cancellation requests' }).waitFor();
    await requests.getByTestId('open-request').first().waitFor({ timeout: 30_000 });
    await requests.screenshot({ path: out('3-buyer-requests.png') });
    written(out('3-buyer-requests.png'));
    await requests.close();

    // 4. The full tab: the whole list beside one order's details.
    const tab = await context.newPage();
    await tab.goto(`${base}/manager.html`);
    await waitForOrders(tab, 250, 60_000);
    // The popup's Unshipped filter is the seller's saved query, shared with the tab: show every order.
    const clear = tab.getByRole('button', { name: 'Clear filters' });
    if (await clear.count()) await clear.click();
    await tab.waitForFunction(() =>
      /^([\d,]+) of \1 orders/.test(document.querySelector('[data-testid="order-count"]')?.textContent ?? ''),
    );
    const rows = tab.getByTestId('order-row');
    const withTypes = rows.filter({ hasText: 'Business Prime' });
    await ((await withTypes.count()) ? withTypes : rows).first().click();
    await tab.getByRole('button', { name: 'Cancel order…' }).waitFor();
    await tab.screenshot({ path: out('4-full-tab.png') });
    written(out('4-full-tab.png'));

    // 5. Seller Central's saved Manage Orders page, its orders swapped for demo orders the manager has.
    const fixture = readFileSync(join(SELLER_CENTRAL_PAGES, 'manage-orders-unshipped.html'), 'utf8');
    const savedIds = [...new Set(fixture.match(/\d{3}-\d{7}-\d{7}/g) ?? [])];
    const demoIds = await usUnshippedDemoOrderIds(tab, savedIds.length);
    await tab.close();
    const body = savedIds.reduce((html, id, i) => html.replaceAll(id, demoIds[i]!), fixture);
    await context.route('https://sellercentral.amazon.com/**', (route: Route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body }),
    );
    const sellerCentral = await context.newPage();
    await sellerCentral.goto('https://sellercentral.amazon.com/orders-v3/mfn/unshipped');
    const deadline = Date.now() + 30_000;
    // The warning is in a closed shadow root: read it through the DevTools protocol until it has its words.
    while (
      !(await closedHosts(sellerCentral, 'cancel-warning')).some((host) => /order manager/.test(host.text))
    ) {
      if (Date.now() > deadline) throw new Error('The Seller Central cancel warning did not appear');
      await sellerCentral.waitForTimeout(250);
    }
    await sellerCentral.screenshot({ path: out('5-seller-central-warning.png') });
    written(out('5-seller-central-warning.png'));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const problems = storeAssetProblems(STORE_ASSETS_DIR);
  if (problems.length > 0) throw new Error(`The store assets are not ready:\n- ${problems.join('\n- ')}`);
  console.log(`Store assets ready in ${relative(REPO_ROOT, STORE_ASSETS_DIR)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
