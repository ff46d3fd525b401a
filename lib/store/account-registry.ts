import { browser } from 'wxt/browser';
import { z } from '../zod';
import { REGIONS, type Settings } from '../settings/settings-schema';
import { accountDbNameOf, accountKeyOf, DEMO_ORDER_DB_NAME, LEGACY_ORDER_DB_NAME } from './account-db-name';

/**
 * The accounts whose orders this browser holds, so Settings can list them and remove one's data.
 * Region, merchant token and marketplaces only: nothing secret (it lives in storage.local).
 */
const KEY = 'accounts';

export const accountRecordSchema = z.object({
  key: z.string().regex(/^[a-z]+-[A-Z0-9]+$/),
  region: z.enum(REGIONS),
  sellerId: z.string(),
  marketplaceIds: z.array(z.string()),
  dbName: z.string().min(1),
  firstSeenAt: z.string(),
  lastUsedAt: z.string(),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

const registrySchema = z.object({
  accounts: z.array(accountRecordSchema).default([]),
  /**
   * The shared database of older versions: 'unchecked' until the first account (or demo) start after
   * the update decides it; 'claimed' once an account took it over; 'none' when nobody did.
   */
  legacyDb: z.enum(['unchecked', 'claimed', 'none']).default('unchecked'),
});
export type AccountRegistry = z.infer<typeof registrySchema>;

export async function loadAccountRegistry(): Promise<AccountRegistry> {
  const parsed = registrySchema.safeParse((await browser.storage.local.get(KEY))[KEY] ?? {});
  return parsed.success ? parsed.data : registrySchema.parse({});
}

// Read-modify-write of the registry, one at a time within this context.
let queue: Promise<unknown> = Promise.resolve();
function updateRegistry<T>(
  change: (registry: AccountRegistry) => Promise<[AccountRegistry | undefined, T]>,
): Promise<T> {
  const run = queue.then(async () => {
    const [next, result] = await change(await loadAccountRegistry());
    if (next) await browser.storage.local.set({ [KEY]: next });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Whether the legacy database exists; true when the browser cannot say (Firefox before 126). */
async function legacyDbExists(): Promise<boolean> {
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((db) => db.name === LEGACY_ORDER_DB_NAME);
}

const LAST_USED_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * The one place that says which database the current settings use: the demo database, or the
 * account's own. The popup, the manager, the Seller Central summaries and the outbox all go through
 * it, so switching accounts switches every view and never mixes two sellers' orders or actions.
 */
export function orderDbNameFor(settings: Pick<Settings, 'credentials'>): Promise<string> {
  return resolveAccountDbName(settings.credentials);
}

/** See orderDbNameFor. Records the account in the registry as a side effect. */
function resolveAccountDbName(credentials: Settings['credentials'], now: Date = new Date()): Promise<string> {
  return updateRegistry(async (registry) => {
    if (credentials === null) {
      // Demo at the first start after the update: the shared database belongs to no current account.
      if (registry.legacyDb !== 'unchecked') return [undefined, DEMO_ORDER_DB_NAME];
      return [{ ...registry, legacyDb: 'none' }, DEMO_ORDER_DB_NAME];
    }
    const key = accountKeyOf(credentials);
    // Saved before the merchant token was required: stays on the shared database until it is given.
    if (key === undefined) return [undefined, LEGACY_ORDER_DB_NAME];
    const known = registry.accounts.find((a) => a.key === key);
    const stamp = now.toISOString();
    if (known) {
      const stale = now.getTime() - Date.parse(known.lastUsedAt) > LAST_USED_RESOLUTION_MS;
      const sameMarketplaces = known.marketplaceIds.join() === credentials.marketplaceIds.join();
      if (!stale && sameMarketplaces) return [undefined, known.dbName];
      const updated = { ...known, lastUsedAt: stamp, marketplaceIds: [...credentials.marketplaceIds] };
      return [
        { ...registry, accounts: registry.accounts.map((a) => (a.key === key ? updated : a)) },
        known.dbName,
      ];
    }
    const claimsLegacy = registry.legacyDb === 'unchecked' && (await legacyDbExists());
    const record: AccountRecord = {
      key,
      region: credentials.region,
      sellerId: key.slice(credentials.region.length + 1),
      marketplaceIds: [...credentials.marketplaceIds],
      dbName: claimsLegacy ? LEGACY_ORDER_DB_NAME : accountDbNameOf(key),
      firstSeenAt: stamp,
      lastUsedAt: stamp,
    };
    return [
      {
        accounts: [...registry.accounts, record],
        legacyDb: registry.legacyDb === 'unchecked' ? (claimsLegacy ? 'claimed' : 'none') : registry.legacyDb,
      },
      record.dbName,
    ];
  });
}

/** Forgets an account (its data is deleted by account-data.ts). */
export function forgetAccount(key: string): Promise<void> {
  return updateRegistry(async (registry) => [
    { ...registry, accounts: registry.accounts.filter((a) => a.key !== key) },
    undefined,
  ]);
}
