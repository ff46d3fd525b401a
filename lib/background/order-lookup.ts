import { MARKETPLACES } from '../domain/marketplaces';
import type { OrderLookup } from '../messaging';
import type { Region, Settings } from '../settings/settings-schema';
import { loadAccountRegistry } from '../store/account-registry';
import { accountKeyOf } from '../store/account-db-name';
import type { OrderDb } from '../store/order-db';
import { readOrderSummary } from './order-summary';

// Hosts that serve a whole region rather than one marketplace's Seller Central.
const REGION_HOSTS: Readonly<Record<string, Region>> = {
  'sellercentral-europe.amazon.com': 'eu',
  'sellercentral-japan.amazon.com': 'fe',
};

/** The SP-API region of the Seller Central host a page is on; undefined for hosts not in the table. */
export function sellerCentralRegion(hostname: string): Region | undefined {
  const host = hostname.toLowerCase();
  return REGION_HOSTS[host] ?? MARKETPLACES.find((mp) => mp.sellerCentralHost === host)?.region;
}

export interface OrderLookupDeps {
  readonly settings: Settings;
  /** The database the current settings use. */
  readonly db: OrderDb;
  /** Opens another account's database by name (only read for whether it holds the order). */
  readonly dbByName: (name: string) => Promise<OrderDb>;
  /** The address of the Seller Central page that asks, from the message's sender. */
  readonly pageUrl?: string;
}

/**
 * What a Seller Central page may learn about its order: the manager's summary, or why the manager
 * has none (demo mode; another seller account; not synced yet). Only the reason leaves this
 * function for an order of another account, never that account's name or data.
 */
export async function lookUpOrder(deps: OrderLookupDeps, orderId: string): Promise<OrderLookup> {
  const { settings } = deps;
  const credentials = settings.credentials;
  const summary = await readOrderSummary(
    deps.db,
    orderId,
    credentials === null,
    settings.buyerRequestWindowHours,
  );
  if (summary) return { stored: true, summary };
  if (credentials === null) return { stored: false, orderId, reason: 'demo' };
  const pageRegion = deps.pageUrl ? sellerCentralRegion(safeHostname(deps.pageUrl)) : undefined;
  const otherAccount =
    (pageRegion !== undefined && pageRegion !== credentials.region) ||
    (await storedUnderAnotherAccount(deps, orderId, accountKeyOf(credentials)));
  return { stored: false, orderId, reason: otherAccount ? 'other-account' : 'not-synced' };
}

async function storedUnderAnotherAccount(
  deps: OrderLookupDeps,
  orderId: string,
  currentKey: string | undefined,
): Promise<boolean> {
  const { accounts } = await loadAccountRegistry();
  for (const account of accounts) {
    if (account.key === currentKey) continue;
    const db = await deps.dbByName(account.dbName);
    // A key-only read: nothing of the other account's order is kept or returned.
    if ((await db.getKey('orders', orderId)) !== undefined) return true;
  }
  return false;
}

function safeHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
