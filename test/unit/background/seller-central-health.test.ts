import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  recordSellerCentralHealth,
  sellerCentralHealthItem,
} from '../../../lib/background/seller-central-health';

const clock = { now: () => Date.parse('2026-12-01T09:30:00.000Z') };

describe("the background's Seller Central health records", () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores a miss under local:sellerCentralHealth, versioned, and clears it on a placement', async () => {
    const report = { feature: 'cancel-warning', page: 'cancel-order', placed: false } as const;
    expect(await recordSellerCentralHealth(report, clock)).toEqual({ ok: true });
    const stored = await fakeBrowser.storage.local.get(['sellerCentralHealth', 'sellerCentralHealth$']);
    expect(stored).toEqual({
      sellerCentralHealth: [
        {
          feature: 'cancel-warning',
          page: 'cancel-order',
          firstSeen: '2026-12-01T09:30:00.000Z',
          lastSeen: '2026-12-01T09:30:00.000Z',
        },
      ],
      sellerCentralHealth$: { v: 1 },
    });
    await recordSellerCentralHealth({ ...report, placed: true }, clock);
    expect(await sellerCentralHealthItem.get()).toEqual([]);
  });

  it('keeps every report when several tabs report at once (no lost update)', async () => {
    // Two Seller Central tabs: one misses its anchor on Manage Orders, one on the cancel page, and
    // a third clears a miss it had found before; the background gets all three in the same moment.
    await recordSellerCentralHealth(
      { feature: 'cancel-warning', page: 'order-details', placed: false },
      clock,
    );
    await Promise.all([
      recordSellerCentralHealth({ feature: 'cancel-warning', page: 'manage-orders', placed: false }, clock),
      recordSellerCentralHealth({ feature: 'cancel-warning', page: 'cancel-order', placed: false }, clock),
      recordSellerCentralHealth({ feature: 'cancel-warning', page: 'order-details', placed: true }, clock),
    ]);
    const pages = (await sellerCentralHealthItem.get()).map((record) => record.page);
    expect(pages.sort()).toEqual(['cancel-order', 'manage-orders']);
  });

  it('reads damaged storage as the records that still parse', async () => {
    await fakeBrowser.storage.local.set({
      sellerCentralHealth: [
        { feature: 'cancel-warning', page: 'manage-orders', firstSeen: 'a', lastSeen: 'b' },
        { feature: 'no-such-feature', page: 'manage-orders', firstSeen: 'a', lastSeen: 'b' },
        '<img src=x>',
      ],
    });
    expect(await sellerCentralHealthItem.get()).toEqual([
      { feature: 'cancel-warning', page: 'manage-orders', firstSeen: 'a', lastSeen: 'b' },
    ]);
  });
});
