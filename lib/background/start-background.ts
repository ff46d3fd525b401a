import { browser } from 'wxt/browser';
import { systemClock } from '../clock';
import { openOrderDb, orderDbNameFor, type OrderDb } from '../store';
import { runOrderSync } from '../sync/order-sync';
import { startFullResync } from '../sync/full-resync';
import { loadSettings } from '../settings/settings-store';
import { loadSyncStatus, updateSyncStatus } from '../sync/sync-status-store';
import type { Sandbox } from '../sandbox';
import { createMessageRouter } from './message-router';
import { managerHash } from '../manager-route';
import { clientFor, connectionFor, type SpApiConnection } from './sp-api-connection';
import { createDemoSandbox } from './demo-sandbox';
import { armSyncAlarm, nextSyncAt, SYNC_ALARM } from './sync-alarm';
import { createSyncJob } from './sync-job';
import { describeError } from './describe-error';
import type { Settings } from '../settings/settings-schema';
import { SANDBOX_CREDENTIALS } from '../sandbox';
import { OUTBOX_CHANGED_CHANNEL, runOutbox } from '../outbox';
import { outboxWork } from '../outbox/outbox-work';
import { OutboxSetupError } from '../outbox/outbox-problem';
import { recordRunProblem } from '../outbox/run-problem';
import { createOutboxJob } from './outbox-job';
import { readOrderSummary } from './order-summary';
import { updateBadge } from './badge';
import { sendAgain } from '../outbox/retry-cancel';
import { refreshOrderForCancel } from './refresh-order-handler';

const OUTBOX_ALARM = 'outbox';

const DEMO_ANCHOR_KEY = 'demoAnchorMs';

/** Wires the background: alarms, messages and the sync job. Logic lives in the modules it imports. */
export function startBackground(): void {
  const clock = systemClock;
  let sandbox: Promise<Sandbox> | undefined;
  const demoSandbox = () =>
    (sandbox ??= (async () => {
      const stored = (await browser.storage.local.get(DEMO_ANCHOR_KEY))[DEMO_ANCHOR_KEY];
      const anchor = typeof stored === 'number' ? stored : clock.now();
      if (typeof stored !== 'number') await browser.storage.local.set({ [DEMO_ANCHOR_KEY]: anchor });
      return createDemoSandbox(clock, anchor);
    })());

  // One client per settings value, so its access token and rate-limit buckets live across syncs.
  let cached: { key: string; connection: SpApiConnection } | undefined;
  const connection = (settings: Settings): SpApiConnection => {
    const key = JSON.stringify([settings.credentials, settings.endpointOverride]);
    if (cached?.key !== key) {
      cached = {
        key,
        connection: connectionFor(settings, {
          clock,
          fetch: (request) => fetch(request),
          demoTransport: () => async (request) => (await demoSandbox()).fetch(request),
        }),
      };
    }
    return cached.connection;
  };

  // One database per account (region + merchant token) and one for demo: two sellers' orders and
  // actions never share one. The outbox sends only what dbFor(settings) holds, with that account's token.
  const dbs = new Map<string, Promise<OrderDb>>();
  const dbFor = async (settings: Settings): Promise<OrderDb> => {
    const name = await orderDbNameFor(settings);
    let db = dbs.get(name);
    if (!db) {
      dbs.set(name, (db = openOrderDb(name)));
      // Settings removing an account's data closes this connection (openOrderDb): open afresh next time.
      void db.then(
        (open) => open.addEventListener('versionchange', () => dbs.delete(name)),
        () => dbs.delete(name),
      );
    }
    return db;
  };
  const syncJob = createSyncJob({
    clock,
    loadSettings,
    connection,
    nextSyncAt,
    updateStatus: updateSyncStatus,
    newRunId: () => `sync-${new Date(clock.now()).toISOString()}-${crypto.randomUUID().slice(0, 8)}`,
    runSync: async ({ connection: conn, settings, syncRunId, onProgress, signal }) => {
      const result = await runOrderSync({
        client: conn.client,
        db: await dbFor(settings),
        clock,
        settings: {
          backfillDays: settings.backfillDays,
          importNonAmazonOrders: settings.importNonAmazonOrders,
          marketplaceIds: conn.marketplaceIds,
        },
        syncRunId,
        onProgress,
        signal,
      });
      // What the sync stored may settle cancellations under review or waiting for confirmation.
      outboxJob.start();
      return result;
    },
  });

  // Views re-read action states when this channel speaks (same-origin BroadcastChannel).
  const outboxChannel = new BroadcastChannel(OUTBOX_CHANGED_CHANNEL);
  const outboxJob = createOutboxJob({
    loadSettings,
    connection,
    run: async ({ connection: conn, settings, signal }) => {
      const db = await dbFor(settings);
      const before = await outboxWork(db);
      if (before.hasWork || before.underReview > 0) {
        const sellerId = conn.demo ? SANDBOX_CREDENTIALS.sellerId : settings.credentials?.sellerId;
        if (!sellerId) {
          throw new OutboxSetupError(
            'Enter your merchant token in Settings (Settings, Account Info, Merchant Token in Seller Central): ' +
              'Amazon needs it for every cancellation. The cancellation is sent once it is there.',
          );
        }
        const announce = () => outboxChannel.postMessage({ type: 'outbox-changed' });
        // Getting orders to Amazon's own word (getOrder) is part of the run: confirm-cancel.ts.
        await runOutbox({
          client: conn.client,
          db,
          clock,
          sellerId,
          marketplaceIds: conn.marketplaceIds,
          signal,
          // A short wait per run; the alarm picks up feeds that Amazon takes longer over.
          pollBudgetMs: 90_000,
          afterStep: announce,
          onActionChange: announce,
          log: (message) => console.info('Order manager', message),
        });
      }
      const work = await outboxWork(db);
      await updateBadge(work);
      return { pending: work.hasWork ? Math.max(1, work.pending) : 0 };
    },
    schedule: async (pending) => {
      if (pending > 0) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
      else await browser.alarms.clear(OUTBOX_ALARM);
    },
    announce: () => outboxChannel.postMessage({ type: 'outbox-changed' }),
    reportError: async (error, settings) => {
      console.warn('Order manager outbox:', describeError(error).message);
      // The seller sees it on the actions of the account the run was for, not in a log.
      const db = await dbFor(settings ?? (await loadSettings()));
      await recordRunProblem(db, error, clock);
      await updateBadge(await outboxWork(db));
    },
  });

  const router = createMessageRouter(
    {
      'sync-now': async () => syncJob.start('manual'),
      'full-resync': async () =>
        startFullResync({
          db: await dbFor(await loadSettings()),
          clock,
          startSync: () => syncJob.start('manual'),
        }),
      'test-connection': async ({ credentials, endpointOverride }) => {
        try {
          const client = clientFor(credentials, endpointOverride, { clock, fetch: (r) => fetch(r) });
          return await client.testConnection(credentials.marketplaceIds);
        } catch (error) {
          const { message, code } = describeError(error);
          return { ok: false as const, message, ...(code ? { code } : {}) };
        }
      },
      'settings-changed': async () => {
        const settings = await loadSettings();
        await armSyncAlarm(settings);
        await updateSyncStatus({ demo: settings.credentials === null, nextSyncAt: await nextSyncAt() });
        void syncJob.start('settings');
        return { ok: true as const };
      },
      'outbox-changed': async () => {
        outboxJob.start();
        return { ok: true as const };
      },
      'send-again': async ({ actionId }) => {
        await sendAgain(await dbFor(await loadSettings()), actionId, { clock });
        outboxJob.start();
        return { ok: true as const };
      },
      'refresh-order': async ({ orderId }) => {
        const settings = await loadSettings();
        const db = await dbFor(settings);
        const answer = await refreshOrderForCancel(
          { client: connection(settings).client, db, clock },
          orderId,
        );
        // Open views re-read stored orders when this channel speaks.
        if (answer.ok) outboxChannel.postMessage({ type: 'outbox-changed' });
        return answer;
      },
      'get-order-summary': async ({ orderId }) => {
        const settings = await loadSettings();
        return readOrderSummary(await dbFor(settings), orderId, settings.credentials === null);
      },
      'open-manager': async ({ orderId, action }) => {
        const hash = orderId ? managerHash({ view: 'order', orderId, ...(action ? { action } : {}) }) : '';
        await browser.tabs.create({ url: browser.runtime.getURL('/manager.html') + hash });
        return { ok: true as const };
      },
    },
    { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
  );

  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncJob.start('alarm');
    if (alarm.name === SYNC_ALARM || alarm.name === OUTBOX_ALARM) outboxJob.start();
  });

  browser.runtime.onInstalled.addListener(() => {
    void resume('install');
  });
  browser.runtime.onStartup.addListener(() => {
    void resume('startup');
  });

  // Every worker start: heal the alarm, and finish a sync that a killed worker left running.
  void (async () => {
    const settings = await loadSettings();
    await armSyncAlarm(settings);
    // Finish any action a killed worker left half-sent (each step was persisted before it was taken).
    outboxJob.start();
    const status = await loadSyncStatus();
    if (status.running) {
      await updateSyncStatus({ running: false });
      void syncJob.start('startup');
    } else {
      await updateSyncStatus({ demo: settings.credentials === null, nextSyncAt: await nextSyncAt() });
    }
  })();

  async function resume(trigger: 'install' | 'startup') {
    const settings = await loadSettings();
    await armSyncAlarm(settings);
    void syncJob.start(trigger);
  }
}
