import {
  deleteDB,
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { StoredOrder, StoredOrderItem } from '../domain/order';
import type { FeedSubmission } from '../domain/feed-submission';
import type { CancelAction } from '../domain/outbox-action';
import type { QuarantineRecord, ReportRecord, SyncStateRecord } from './records';

export const ORDER_DB_NAME = 'order-manager';

export interface OrderManagerDb extends DBSchema {
  orders: {
    key: string;
    value: StoredOrder;
    indexes: {
      purchaseDate: string;
      lastUpdated: string;
      status: string;
      marketplaceId: string;
      subTypes: string;
      /** Sparse: only orders that ever had a buyer's cancellation request (migration 4). */
      buyerRequest: string;
    };
  };
  orderItems: {
    key: [string, string];
    value: StoredOrderItem;
    indexes: { orderId: string };
  };
  reports: {
    key: string;
    value: ReportRecord;
  };
  syncState: {
    key: string;
    value: SyncStateRecord;
  };
  quarantine: {
    key: number;
    // `id` is assigned by the store (autoIncrement), so it is absent on add.
    value: Omit<QuarantineRecord, 'id'> & { id?: number };
  };
  /** Seller actions waiting for, or done by, Amazon (lib/outbox). Key: the idempotency key. */
  outbox: {
    key: string;
    value: CancelAction;
    indexes: { orderId: string; status: string };
  };
  /** Feed submissions driven step by step by lib/outbox (see feed-submission.ts). */
  feedSubmissions: {
    key: string;
    value: FeedSubmission;
    indexes: { feedType: string; step: string; feedTypeStep: [string, string] };
  };
}

export type OrderDb = IDBPDatabase<OrderManagerDb>;

type UpgradeTransaction = IDBPTransaction<OrderManagerDb, StoreNames<OrderManagerDb>[], 'versionchange'>;

/**
 * Schema steps: migrations[i] upgrades version i to i+1. Append new steps; never edit a shipped one,
 * since installed extensions have already run it.
 */
export const migrations: ReadonlyArray<(db: OrderDb, tx: UpgradeTransaction) => void> = [
  (db) => {
    const orders = db.createObjectStore('orders', { keyPath: 'orderId' });
    orders.createIndex('purchaseDate', 'purchaseDate');
    orders.createIndex('lastUpdated', 'lastUpdated');
    orders.createIndex('status', 'status');
    orders.createIndex('marketplaceId', 'marketplaceId');
    orders.createIndex('subTypes', 'subTypes', { multiEntry: true });
    const items = db.createObjectStore('orderItems', { keyPath: ['orderId', 'orderItemId'] });
    items.createIndex('orderId', 'orderId');
    db.createObjectStore('reports', { keyPath: 'reportId' });
    db.createObjectStore('syncState', { keyPath: 'key' });
    db.createObjectStore('quarantine', { keyPath: 'id', autoIncrement: true });
  },
  (db) => {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('orderId', 'orderId');
    outbox.createIndex('status', 'status');
    const submissions = db.createObjectStore('feedSubmissions', { keyPath: 'id' });
    submissions.createIndex('feedType', 'feedType');
    submissions.createIndex('step', 'step');
    submissions.createIndex('feedTypeStep', ['feedType', 'step']);
  },
  (_db, tx) => {
    // Orders known only from the order report were stored as Standard (or Business) before an
    // unknown Prime flag meant "type not known yet"; they now have no sub-type until their details arrive.
    void (async () => {
      let cursor = await tx.objectStore('orders').openCursor();
      while (cursor) {
        const order = cursor.value;
        if (order.isPrime === undefined && order.subTypes.length > 0)
          await cursor.update({ ...order, subTypes: [] });
        cursor = await cursor.continue();
      }
    })();
  },
  (_db, tx) => {
    // The requests view and the reminder job read only orders with a request, not every order.
    tx.objectStore('orders').createIndex('buyerRequest', 'buyerCancelRequest.firstSeenAt');
  },
];

export const ORDER_DB_VERSION = migrations.length;

export function openOrderDb(name: string = ORDER_DB_NAME): Promise<OrderDb> {
  return openDB<OrderManagerDb>(name, ORDER_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let version = oldVersion; version < ORDER_DB_VERSION; version++) migrations[version]?.(db, tx);
    },
    // Another context (popup, manager tab) opened a newer schema: let it upgrade instead of blocking it.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

export function deleteOrderDb(name: string): Promise<void> {
  return deleteDB(name);
}
