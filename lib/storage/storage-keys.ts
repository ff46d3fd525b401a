/**
 * Every key this extension keeps in browser storage: its area (the prefix), what it holds and the one
 * module that reads and writes it. A new stored value starts here, so no two modules share a key by
 * accident. A declared item keeps its version beside it under `<key>$` (e.g. `settings$`: `{ v: 2 }`), as WXT does.
 * The seller's credentials are not here: they live in IndexedDB (lib/settings/credential-store.ts),
 * because a content script can read storage.local.
 */
export const STORAGE_KEYS = {
  settings: {
    key: 'local:settings',
    holds: 'the settings less the credentials, plus a mark that changes with every credentials save',
    owner: 'lib/settings/settings-store.ts',
  },
  syncStatus: {
    key: 'local:syncStatus',
    holds: 'what the views show about syncing; written by the background',
    owner: 'lib/sync/sync-status-store.ts',
  },
  demoAnchorMs: {
    key: 'local:demoAnchorMs',
    holds: "the demo's start time, so its orders stay put across worker restarts",
    owner: 'lib/background/demo-anchor.ts',
  },
  orderListQuery: {
    key: 'local:orderListQuery',
    holds: "the order list's last search and filters",
    owner: 'components/orders/order-query-store.ts',
  },
  sellerCentralHealth: {
    key: 'local:sellerCentralHealth',
    holds:
      'where a Seller Central feature could not find its place (page kind, feature, first and last seen)',
    owner: 'lib/background/seller-central-health.ts',
  },
  requestReminderLedger: {
    key: 'local:requestReminderLedger',
    holds: 'which buyer cancellation request notifications were shown, per order (no buyer text)',
    owner: 'lib/storage/request-reminder-ledger.ts',
  },
  accounts: {
    key: 'local:accounts',
    holds: 'the accounts whose orders this browser holds (nothing secret); not yet a declared item',
    owner: 'lib/store/account-registry.ts',
  },
} as const;

export type StorageKeyName = keyof typeof STORAGE_KEYS;
export type StorageKey = (typeof STORAGE_KEYS)[StorageKeyName]['key'];
