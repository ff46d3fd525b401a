import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing';
import type { SyncBackgroundJob } from '../../../lib/background/jobs/sync-job';
import {
  createMessageHandlers,
  SYNC_STILL_RUNNING_FOR_PAGE_TEXT,
} from '../../../lib/background/message-handlers';
import { SYNC_ANSWER_WITHIN_MS } from '../../../lib/seller-central/browser-requests';
import { sellerCentralRegion } from '../../../lib/background/order-lookup';
import { ManualClock } from '../../../lib/clock';
import { orderLookupSchema, responseSchemas, type Request } from '../../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/settings-schema';
import { createOrderDbCache } from '../../../lib/store/order-db-cache';
import { storedOrder } from '../store/stored-order-fixture';
import { updateSyncStatus } from '../../../lib/sync/sync-status-store';

const ORDER = '113-4567890-1234567';

const account = (sellerId: string, region: 'na' | 'eu' = 'na'): Settings => ({
  ...DEFAULT_SETTINGS,
  credentials: {
    clientId: 'amzn1.application-oa2-client.test',
    clientSecret: 'secret-never-shown',
    refreshToken: 'Atzr|never-shown',
    region,
    marketplaceIds: [region === 'na' ? 'ATVPDKIKX0DER' : 'A1PA6795UKMFR9'],
    sellerId,
  },
});
const DEMO: Settings = { ...DEFAULT_SETTINGS, credentials: null };

const page = (host: string) => ({
  id: fakeBrowser.runtime.id,
  url: `https://${host}/orders-v3/order/${ORDER}`,
});
const US_PAGE = page('sellercentral.amazon.com');

// Every test starts with no databases (the demo and account databases have fixed names).
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});

interface FakeSync {
  job: Pick<SyncBackgroundJob, 'start' | 'idle' | 'busy'>;
  starts: number;
}

function handlersFor(settings: { current: Settings }, sync?: FakeSync['job']) {
  const dbs = createOrderDbCache();
  const noSync: FakeSync['job'] = {
    start: async () => ({ started: true }),
    idle: async () => undefined,
    busy: () => false,
  };
  const handlers = createMessageHandlers({
    clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
    loadSettings: async () => settings.current,
    connection: () => {
      throw new Error('no SP-API in this test');
    },
    dbFor: dbs.forSettings,
    announceOutboxChange: () => undefined,
    sync: sync ?? noSync,
    outbox: { start: () => undefined },
    dbByName: dbs.byName,
  });
  const storeOrder = async (under: Settings, orderId = ORDER) => {
    await (await dbs.forSettings(under)).put('orders', storedOrder({ orderId }));
  };
  return { handlers, storeOrder, dbs };
}

const lookUp = (
  handlers: ReturnType<typeof handlersFor>['handlers'],
  sender: { id: string; url: string } = US_PAGE,
) => handlers['get-order-summary']({ type: 'get-order-summary', orderId: ORDER }, sender);

describe("get-order-summary: the order's summary, or why the manager does not have it", () => {
  it('stored: the summary, in demo mode too (labelled demo)', async () => {
    const { handlers, storeOrder } = handlersFor({ current: DEMO });
    await storeOrder(DEMO);
    const answer = await lookUp(handlers);
    expect(answer).toMatchObject({
      stored: true,
      summary: { orderId: ORDER, demo: true, status: 'UNSHIPPED' },
    });
    expect(orderLookupSchema.parse(answer)).toEqual(answer);
  });

  it("an open buyer request: its deadline follows the seller's response window setting", async () => {
    const settings = { current: { ...DEMO, buyerRequestWindowHours: 6 } };
    const { handlers, dbs } = handlersFor(settings);
    await (
      await dbs.forSettings(settings.current)
    ).put(
      'orders',
      storedOrder({
        orderId: ORDER,
        buyerCancelRequest: {
          firstSeenAt: '2026-12-01T08:00:00.000Z',
          requestedAt: '2026-12-01T07:00:00.000Z',
        },
      }),
    );
    expect(await lookUp(handlers)).toMatchObject({
      summary: {
        buyerCancelRequest: { requestedAt: '2026-12-01T07:00:00.000Z', deadline: '2026-12-01T13:00:00.000Z' },
      },
    });
  });

  it('demo mode without the order: demo', async () => {
    const { handlers } = handlersFor({ current: DEMO });
    expect(await lookUp(handlers)).toEqual({ stored: false, orderId: ORDER, reason: 'demo' });
  });

  it('a connected account without the order: not synced yet', async () => {
    const settings = { current: account('AAAAA11111') };
    const { handlers, storeOrder } = handlersFor(settings);
    // Another order of the account is there: only this one is missing.
    await storeOrder(settings.current, '114-2223334-5556667');
    expect(await lookUp(handlers)).toEqual({ stored: false, orderId: ORDER, reason: 'not-synced' });
  });

  it("a page of another region's Seller Central: another account", async () => {
    const { handlers } = handlersFor({ current: account('AAAAA11111', 'na') });
    expect(await lookUp(handlers, page('sellercentral.amazon.de'))).toEqual({
      stored: false,
      orderId: ORDER,
      reason: 'other-account',
    });
    // Another marketplace of the same region may be the same account: not synced yet.
    expect(await lookUp(handlers, page('sellercentral.amazon.ca'))).toMatchObject({ reason: 'not-synced' });
  });

  it("an order stored in another account's database: another account, and nothing of that account", async () => {
    const settings = { current: account('BBBBB22222') };
    const { handlers, storeOrder } = handlersFor(settings);
    await lookUp(handlers); // account B is registered once it is used
    await storeOrder(settings.current);
    settings.current = account('AAAAA11111');
    const answer = await lookUp(handlers);
    expect(answer).toEqual({ stored: false, orderId: ORDER, reason: 'other-account' });
    expect(JSON.stringify(answer)).not.toMatch(/BBBBB22222|secret|Atzr/);
  });
});

describe('sync-order: Sync now from a Seller Central page', () => {
  it('syncs, waits for the sync to end, then answers with the order it brought in', async () => {
    const settings = { current: account('AAAAA11111') };
    const events: string[] = [];
    let stored: Promise<void> = Promise.resolve();
    const sync: FakeSync['job'] = {
      start: async () => {
        events.push('start');
        stored = storeOrder(settings.current);
        return { started: true };
      },
      idle: async () => {
        await stored;
        events.push('idle');
      },
      busy: () => false,
    };
    const { handlers, storeOrder } = handlersFor(settings, sync);
    const answer = await handlers['sync-order']({ type: 'sync-order', orderId: ORDER }, US_PAGE);
    expect(events).toEqual(['start', 'idle']);
    expect(answer).toMatchObject({ synced: true, lookup: { stored: true, summary: { orderId: ORDER } } });
    expect(responseSchemas['sync-order'].parse(answer)).toEqual(answer);
  });

  it('waits for a sync already under way instead of refusing', async () => {
    let idled = 0;
    const sync: FakeSync['job'] = {
      start: async () => ({ started: false, reason: 'A sync is already running.' }),
      idle: async () => void (idled += 1),
      busy: () => true,
    };
    const { handlers } = handlersFor({ current: account('AAAAA11111') }, sync);
    const answer = await handlers['sync-order']({ type: 'sync-order', orderId: ORDER }, US_PAGE);
    expect(idled).toBe(1);
    expect(answer).toEqual({ synced: true, lookup: { stored: false, orderId: ORDER, reason: 'not-synced' } });
  });

  it('answers within the page’s wait while a long sync (a first backfill) still runs, saying so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const sync: FakeSync['job'] = {
        start: async () => ({ started: false, reason: 'A sync is already running.' }),
        idle: () => new Promise<void>(() => undefined),
        busy: () => true,
      };
      const { handlers } = handlersFor({ current: account('AAAAA11111') }, sync);
      const answer = handlers['sync-order']({ type: 'sync-order', orderId: ORDER }, US_PAGE);
      await vi.advanceTimersByTimeAsync(SYNC_ANSWER_WITHIN_MS - 30_000);
      expect(await answer).toEqual({ synced: false, reason: SYNC_STILL_RUNNING_FOR_PAGE_TEXT });
      expect(SYNC_STILL_RUNNING_FOR_PAGE_TEXT).toMatch(/Sync now again in a few minutes/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why a sync could not start', async () => {
    const sync: FakeSync['job'] = {
      start: async () => ({ started: false, reason: 'Order download is turned off in Settings.' }),
      idle: async () => undefined,
      busy: () => false,
    };
    const { handlers } = handlersFor({ current: account('AAAAA11111') }, sync);
    expect(await handlers['sync-order']({ type: 'sync-order', orderId: ORDER }, US_PAGE)).toEqual({
      synced: false,
      reason: 'The sync could not start: Order download is turned off in Settings.',
    });
  });

  it('says the sync failed (not "still not there, try again shortly") when the sync run ended with an error', async () => {
    const sync: FakeSync['job'] = {
      start: async () => {
        // The run fails (a revoked refresh token, say) and the sync job records it in the status.
        await updateSyncStatus({
          running: false,
          lastError: {
            message: 'Amazon refused the refresh token Atzr|never-shown.',
            at: '2026-12-01T10:00:00Z',
          },
        });
        return { started: true };
      },
      idle: async () => undefined,
      busy: () => false,
    };
    const { handlers } = handlersFor({ current: account('AAAAA11111') }, sync);
    const answer = await handlers['sync-order']({ type: 'sync-order', orderId: ORDER }, US_PAGE);
    expect(answer).toEqual({
      synced: false,
      reason:
        'The sync stopped with an error, so the order manager could not look for this order. ' +
        'Open the order manager to see what went wrong.',
    });
    // The error's own words stay in the manager: nothing of the credentials reaches the page.
    expect(JSON.stringify(answer)).not.toMatch(/Atzr|refresh token/);
  });
});

describe('open-options', () => {
  it('opens the extension’s Settings', async () => {
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const { handlers } = handlersFor({ current: DEMO });
    const request: Extract<Request, { type: 'open-options' }> = { type: 'open-options' };
    expect(await handlers['open-options'](request, US_PAGE)).toEqual({ ok: true });
    expect(opened).toHaveBeenCalledOnce();
  });
});

describe('sellerCentralRegion', () => {
  it.each([
    ['sellercentral.amazon.com', 'na'],
    ['sellercentral.amazon.co.uk', 'eu'],
    ['sellercentral-europe.amazon.com', 'eu'],
    ['sellercentral.amazon.co.jp', 'fe'],
    ['sellercentral-japan.amazon.com', 'fe'],
    ['example.com', undefined],
  ])('%s is in %s', (host, region) => {
    expect(sellerCentralRegion(host)).toBe(region);
  });
});
