import type { Settings } from '../settings/settings-schema';
import { accountKeyOf } from './account-db-name';
import { forgetAccount, loadAccountRegistry, type AccountRecord } from './account-registry';
import { deleteOrderDb, openOrderDb } from './order-db';
import { getPendingCount } from './outbox-store';

/** One account with orders on this browser, as Settings lists it. */
export interface AccountDataSummary {
  readonly account: AccountRecord;
  /** The account the settings use now; its data is not offered for removal. */
  readonly current: boolean;
  /** Cancels queued under this account that Amazon has not been sent yet. */
  readonly pendingCancels: number;
}

async function pendingCancelsIn(dbName: string): Promise<number> {
  if (typeof indexedDB.databases === 'function') {
    // Opening a database that is gone would create an empty one.
    if (!(await indexedDB.databases()).some((db) => db.name === dbName)) return 0;
  }
  const db = await openOrderDb(dbName);
  try {
    return await getPendingCount(db);
  } finally {
    db.close();
  }
}

export async function listAccountData(
  settings: Pick<Settings, 'credentials'>,
): Promise<AccountDataSummary[]> {
  const currentKey = settings.credentials ? accountKeyOf(settings.credentials) : undefined;
  const { accounts } = await loadAccountRegistry();
  const sorted = [...accounts].sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
  return Promise.all(
    sorted.map(async (account) => ({
      account,
      current: account.key === currentKey,
      pendingCancels: await pendingCancelsIn(account.dbName),
    })),
  );
}

export class AccountInUseError extends Error {
  override name = 'AccountInUseError';
}

/**
 * Deletes an account's orders, actions and sync state from this browser and forgets the account.
 * Refuses the account in use: remove or change its credentials first.
 */
export async function removeAccountData(key: string, settings: Pick<Settings, 'credentials'>): Promise<void> {
  if (settings.credentials && accountKeyOf(settings.credentials) === key) {
    throw new AccountInUseError(
      'This is the account the extension is connected to. Remove its credentials or connect another account first.',
    );
  }
  const account = (await loadAccountRegistry()).accounts.find((a) => a.key === key);
  if (!account) return;
  // Other open connections close themselves on the delete's versionchange (see openOrderDb).
  await deleteOrderDb(account.dbName);
  await forgetAccount(key);
}
