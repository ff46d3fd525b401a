import { listAccountData, removeAccountData, type AccountDataSummary } from '../../lib/store/account-data';
import type { Settings } from '../../lib/settings/settings-schema';

export type { AccountDataSummary };

/** The accounts whose orders this browser holds, and removing one's data (Settings). */
export interface AccountDataSource {
  list(settings: Settings): Promise<AccountDataSummary[]>;
  remove(accountKey: string, settings: Settings): Promise<void>;
}

export function browserAccountDataSource(): AccountDataSource {
  return { list: listAccountData, remove: removeAccountData };
}
