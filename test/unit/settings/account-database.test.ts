import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings-schema';
import { DEMO_ORDER_DB_NAME, LEGACY_ORDER_DB_NAME } from '../../../lib/store/account-db-name';
import { loadAccountRegistry, orderDbNameFor } from '../../../lib/store/account-registry';
import { listAccountData, removeAccountData } from '../../../lib/store/account-data';
import { deleteOrderDb, openOrderDb, writeOrderBatch } from '../../../lib/store';
import { twoLineOrder } from '../../components/cancel-fixtures';
import { enqueueCancel } from '../../../lib/outbox/enqueue-cancel';
import { listActions } from '../../../lib/store/outbox-store';

const base = {
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'amzn1.oa2-cs.v1.the-client-secret',
  refreshToken: 'Atzr|the-refresh-token',
  region: 'na' as const,
  marketplaceIds: ['ATVPDKIKX0DER'],
};
const accountA: Settings = { ...DEFAULT_SETTINGS, credentials: { ...base, sellerId: 'A1SELLERA' } };
const accountB: Settings = {
  ...DEFAULT_SETTINGS,
  credentials: { ...base, clientId: 'amzn1.application-oa2-client.y', sellerId: 'A2SELLERB' },
};

async function dropAll() {
  for (const db of await indexedDB.databases()) if (db.name) await deleteOrderDb(db.name);
}

describe('one database per seller account', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await dropAll();
  });

  it('gives two accounts two databases, named by region and merchant token only', async () => {
    const a = await orderDbNameFor(accountA);
    const b = await orderDbNameFor(accountB);
    expect(a).toBe('order-manager-na-A1SELLERA');
    expect(b).toBe('order-manager-na-A2SELLERB');
    expect(await orderDbNameFor({ credentials: { ...base, region: 'eu', sellerId: 'A1SELLERA' } })).toBe(
      'order-manager-eu-A1SELLERA',
    );
    expect(await orderDbNameFor(DEFAULT_SETTINGS)).toBe(DEMO_ORDER_DB_NAME);
    for (const name of [a, b]) {
      expect(name).toMatch(/^order-manager-[a-z]+-[A-Z0-9]+$/);
      expect(name).not.toContain(base.clientSecret);
    }
    const { accounts } = await loadAccountRegistry();
    expect(accounts.map((x) => [x.key, x.region, x.sellerId, x.marketplaceIds])).toEqual([
      ['na-A1SELLERA', 'na', 'A1SELLERA', ['ATVPDKIKX0DER']],
      ['na-A2SELLERB', 'na', 'A2SELLERB', ['ATVPDKIKX0DER']],
      ['eu-A1SELLERA', 'eu', 'A1SELLERA', ['ATVPDKIKX0DER']],
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(base.refreshToken);
  });

  it('hands the shared database of older versions to the account set at the first start', async () => {
    const legacy = await openOrderDb(LEGACY_ORDER_DB_NAME);
    legacy.close();
    expect(await orderDbNameFor(accountA)).toBe(LEGACY_ORDER_DB_NAME);
    // Only once: a later account gets its own.
    expect(await orderDbNameFor(accountB)).toBe('order-manager-na-A2SELLERB');
    expect(await orderDbNameFor(accountA)).toBe(LEGACY_ORDER_DB_NAME);
    expect((await loadAccountRegistry()).legacyDb).toBe('claimed');
  });

  it('keeps an older account without a merchant token on the shared database, demo on its own', async () => {
    const legacy = await openOrderDb(LEGACY_ORDER_DB_NAME);
    legacy.close();
    expect(await orderDbNameFor({ credentials: base })).toBe(LEGACY_ORDER_DB_NAME);
    expect(await orderDbNameFor(DEFAULT_SETTINGS)).toBe(DEMO_ORDER_DB_NAME);
    expect((await loadAccountRegistry()).accounts).toEqual([]);
  });

  it('lists accounts with their pending cancels and removes another account’s data', async () => {
    const dbA = await openOrderDb(await orderDbNameFor(accountA));
    const { order, items } = twoLineOrder();
    await writeOrderBatch(dbA, { orders: [{ order, items }] });
    await enqueueCancel(dbA, {
      orderId: order.orderId,
      lines: [{ orderItemId: items[0]!.orderItemId }],
      reason: 'NoInventory',
    });
    expect(await listActions(dbA, { status: 'pending' })).toHaveLength(1);
    dbA.close();
    await orderDbNameFor(accountB);

    const listed = await listAccountData(accountB);
    expect(listed.map((x) => [x.account.key, x.current])).toEqual(
      expect.arrayContaining([
        ['na-A1SELLERA', false],
        ['na-A2SELLERB', true],
      ]),
    );
    expect(listed.find((x) => x.account.key === 'na-A1SELLERA')?.pendingCancels).toBe(1);

    await expect(removeAccountData('na-A2SELLERB', accountB)).rejects.toThrow(/connected to/);
    await removeAccountData('na-A1SELLERA', accountB);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('order-manager-na-A1SELLERA');
    expect((await listAccountData(accountB)).map((x) => x.account.key)).toEqual(['na-A2SELLERB']);
  });
});
