import { SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { CREDENTIAL_DB_NAME } from '../../lib/settings/credential-store';
import { launchExtension, type LoadedExtension } from './extension-harness';

/** What the extension has stored: storage.local and the credential store, read in its service worker. */
async function storedState(extension: LoadedExtension) {
  const worker = await extension.worker();
  return worker.evaluate(async (credentialDbName) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    };
    const local = await chrome.storage.local.get(null);
    const databases = await indexedDB.databases();
    let credentials: unknown = null;
    if (databases.some((d) => d.name === credentialDbName)) {
      credentials = await new Promise((resolve, reject) => {
        const open = indexedDB.open(credentialDbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('credentials')) {
            db.close();
            resolve(null);
            return;
          }
          const read = db.transaction('credentials').objectStore('credentials').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      });
    }
    return { local, credentials };
  }, CREDENTIAL_DB_NAME);
}

describe('settings a seller gets right the first time (built extension)', () => {
  let extension: LoadedExtension;
  beforeAll(async () => {
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension.close();
  });

  it('marks a refresh token without Atzr| and an ftp: Advanced address, and saves nothing', async () => {
    const page = await extension.openPage('options.html');
    await page.getByRole('heading', { name: 'Amazon SP-API credentials' }).waitFor();
    const before = await storedState(extension);

    await page.getByLabel('LWA client id').fill(SANDBOX_CREDENTIALS.clientId);
    await page.getByLabel('LWA client secret').fill(SANDBOX_CREDENTIALS.clientSecret);
    const refreshToken = page.getByLabel('Refresh token');
    await refreshToken.fill('IwEBI-copied-without-its-prefix');
    await page.getByLabel('Merchant token').fill(SANDBOX_CREDENTIALS.sellerId);
    await page.getByRole('checkbox', { name: /\(US\)/ }).check();
    await page.locator('summary', { hasText: 'Advanced' }).click();
    const baseUrl = page.getByLabel('SP-API base URL');
    await baseUrl.fill('ftp://127.0.0.1:8787');
    // Allowed in the test build (the local sandbox), so only the two wrong fields are marked.
    await page.getByLabel('LWA token URL').fill('http://127.0.0.1:8787/auth/o2/token');
    await page.getByRole('button', { name: 'Save credentials' }).click();

    const result = page.getByTestId('credentials-save-result');
    await result.filter({ hasText: 'Please correct the marked fields.' }).waitFor();
    expect(await refreshToken.getAttribute('aria-invalid')).toBe('true');
    expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(2);
    // Each message is tied to its field, so a screen reader reads it with the field.
    expect(await refreshToken.evaluate(describedBy)).toMatch(/starts with Atzr\|/);
    expect(await baseUrl.evaluate(describedBy)).toMatch(/Only https:\/\//);
    // Focus on the first marked field.
    expect(await refreshToken.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('options-mode').textContent()).toMatch(/Demo mode/);

    const after = await storedState(extension);
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('IwEBI-copied-without-its-prefix');
  });
});

/** The text of the elements a field's aria-describedby names (runs in the page). */
function describedBy(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
    .join(' ');
}
