import { fakeBrowser } from 'wxt/testing';
import { OUTBOX_ALARM } from '../../../lib/background/jobs/outbox-job';
import { SYNC_ALARM } from '../../../lib/background/jobs/sync-job';
import type { SpApiConnection } from '../../../lib/background/sp-api-connection';
import { startBackground } from '../../../lib/background/start-background';
import { ManualClock } from '../../../lib/clock';
import { saveSettings, loadSettings } from '../../../lib/settings/settings-store';
import type { SpApiClient } from '../../../lib/sp-api/client';
import { createOrderDbCache } from '../../../lib/store/order-db-cache';
import { loadSyncStatus } from '../../../lib/sync/sync-status-store';

/** A client that answers nothing: a sync that runs ends with an error, which is how the test sees it ran. */
function offlineClient(calls: string[]): SpApiClient {
  const target: Record<string, unknown> = { calls: { total: 0, byOperation: {}, lwa: 0, documents: 0 } };
  // A run with a signal works through withSignal's client: the same offline one.
  target.withSignal = () => client;
  const client = new Proxy(target, {
    get: (t, property) =>
      property in t
        ? t[property as keyof typeof t]
        : (..._args: unknown[]) => {
            calls.push(String(property));
            return Promise.reject(new Error('offline in this test'));
          },
  }) as unknown as SpApiClient;
  return client;
}

function start() {
  const calls: string[] = [];
  const announced: string[] = [];
  const dbs = createOrderDbCache();
  const connection = (): SpApiConnection => ({
    client: offlineClient(calls),
    demo: true,
    marketplaceIds: ['ATVPDKIKX0DER'],
  });
  const background = startBackground({
    clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
    loadSettings,
    connection,
    dbFor: dbs.forSettings,
    announceOutboxChange: () => void announced.push('outbox-changed'),
  });
  const idle = async () => {
    await background.healed;
    // A sync ends by starting the outbox, so wait for the sync first.
    await background.sync.idle();
    await background.outbox.idle();
  };
  return { ...background, calls, announced, idle };
}

const fromExtensionPage = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});

async function message(request: unknown, sender = fromExtensionPage()) {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(request, sender, () => undefined);
  return answer as unknown;
}

const alarm = (name: string) => ({ name, scheduledTime: 0, persistAcrossSessions: false });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('startBackground', () => {
  it('heals the alarms on every worker start: the sync alarm gets the period of the settings, a stale outbox alarm goes', async () => {
    await saveSettings({ syncIntervalMinutes: 15 });
    await fakeBrowser.alarms.create(SYNC_ALARM, { periodInMinutes: 60 });
    await fakeBrowser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
    const bg = start();
    await bg.idle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(15);
    // Nothing waits in the outbox, so its alarm is cleared.
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    expect(bg.calls).toEqual([]);
    expect(await loadSyncStatus()).toMatchObject({ running: false, demo: true });
  });

  it('finishes a sync a killed worker left running', async () => {
    await fakeBrowser.storage.local.set({ syncStatus: { ...(await loadSyncStatus()), running: true } });
    const bg = start();
    await bg.idle();
    expect(bg.calls.length).toBeGreaterThan(0);
    expect(await loadSyncStatus()).toMatchObject({ running: false, lastError: expect.anything() });
  });

  it('syncs on runtime.onStartup', async () => {
    const bg = start();
    await bg.idle();
    expect(bg.calls).toEqual([]);
    await fakeBrowser.runtime.onStartup.trigger();
    await bg.idle();
    expect(bg.calls.length).toBeGreaterThan(0);
    expect((await loadSyncStatus()).lastSyncAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('runs the outbox job on the outbox alarm, and the sync (then the outbox) on the sync alarm', async () => {
    const bg = start();
    await bg.idle();
    const runs = bg.announced.length;

    await fakeBrowser.alarms.onAlarm.trigger(alarm(OUTBOX_ALARM));
    await bg.idle();
    expect(bg.announced.length).toBe(runs + 1);
    expect(bg.calls).toEqual([]);

    await fakeBrowser.alarms.onAlarm.trigger(alarm(SYNC_ALARM));
    await bg.idle();
    expect(bg.calls.length).toBeGreaterThan(0);
    expect(bg.announced.length).toBeGreaterThan(runs + 1);
  });

  it('does nothing on an alarm no job owns', async () => {
    const bg = start();
    await bg.idle();
    const runs = bg.announced.length;
    const status = await loadSyncStatus();
    await fakeBrowser.alarms.onAlarm.trigger(alarm('an-alarm-of-an-older-version'));
    await bg.idle();
    expect(bg.announced.length).toBe(runs);
    expect(bg.calls).toEqual([]);
    expect(await loadSyncStatus()).toEqual(status);
  });

  it('answers messages from its own pages, starting the jobs they ask for, and refuses the others', async () => {
    const bg = start();
    await bg.idle();
    const runs = bg.announced.length;
    expect(await message({ type: 'outbox-changed' })).toEqual({ ok: true });
    await bg.idle();
    expect(bg.announced.length).toBe(runs + 1);

    const sellerCentral = { id: fakeBrowser.runtime.id, url: 'https://sellercentral.amazon.com/orders-v3' };
    expect(await message({ type: 'sync-now' }, sellerCentral)).toEqual({
      error: 'Request sync-now is not allowed from this sender',
    });
    await bg.idle();
    expect(bg.calls).toEqual([]);

    expect(await message({ type: 'sync-now' })).toEqual({ started: true });
    await bg.idle();
    expect(bg.calls.length).toBeGreaterThan(0);
  });

  it('no longer knows a settings-changed message: it watches the stored settings instead', async () => {
    start();
    expect(await message({ type: 'settings-changed' })).toEqual({ error: 'Unknown or malformed request' });
  });

  it('re-arms the sync alarm with the new period and restarts the sync when the settings are saved', async () => {
    const bg = start();
    await bg.idle();
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(30);
    expect(bg.calls).toEqual([]);

    await saveSettings({ syncIntervalMinutes: 10 });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(10),
    );
    await vi.waitFor(() => expect(bg.calls.length).toBeGreaterThan(0));
    await bg.idle();

    await saveSettings({ allowOrderDownload: false });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toBeUndefined());
    await vi.waitFor(async () => expect((await loadSyncStatus()).nextSyncAt).toBeUndefined());
  });
});
