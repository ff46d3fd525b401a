import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { savedCredentialsSchema, type SavedCredentials } from './settings-schema';

/**
 * The seller's credentials live in an IndexedDB database of the extension's own origin: extension
 * pages and the worker can open it, a content script (which runs in the page's origin) cannot, in
 * Chrome and Firefox alike. browser.storage.local is readable by content scripts, so secrets stay out.
 * Never import this from entrypoints/seller-central.content.ts or lib/seller-central/ (a unit test
 * walks the content script's imports to check).
 */
export const CREDENTIAL_DB_NAME = 'order-manager-credentials';
const STORE = 'credentials';
const CURRENT = 'current';

interface CredentialDb extends DBSchema {
  credentials: { key: string; value: unknown };
}

let connection: Promise<IDBPDatabase<CredentialDb>> | undefined;

/**
 * One connection per page or worker, opened on first use: the popup reads the settings several times
 * while it opens, and opening an IndexedDB database costs far more than reading from it. It closes
 * itself when another context upgrades or deletes the database, and the next use opens it again.
 */
function credentialDb(): Promise<IDBPDatabase<CredentialDb>> {
  connection ??= openDB<CredentialDb>(CREDENTIAL_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
    blocking(_current, _blocked, event) {
      connection = undefined;
      (event.target as IDBDatabase | null)?.close();
    },
    terminated() {
      connection = undefined;
    },
  });
  connection.catch(() => (connection = undefined));
  return connection;
}

async function withCredentialDb<T>(work: (db: IDBPDatabase<CredentialDb>) => Promise<T>): Promise<T> {
  return work(await credentialDb());
}

/** The saved credentials, or null (demo mode). A record that no longer parses counts as none. */
export async function loadStoredCredentials(): Promise<SavedCredentials | null> {
  const stored = await withCredentialDb((db) => db.get(STORE, CURRENT));
  if (stored === undefined || stored === null) return null;
  const parsed = savedCredentialsSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function saveStoredCredentials(credentials: SavedCredentials | null): Promise<void> {
  await withCredentialDb(async (db) => {
    if (credentials === null) await db.delete(STORE, CURRENT);
    else await db.put(STORE, savedCredentialsSchema.parse(credentials), CURRENT);
  });
}

/** Tests only: forget the store entirely. */
export function deleteCredentialStore(): Promise<void> {
  return deleteDB(CREDENTIAL_DB_NAME);
}
