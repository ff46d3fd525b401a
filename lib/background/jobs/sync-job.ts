import { browser } from 'wxt/browser';
import type { Clock } from '../../clock';
import type { Settings } from '../../settings/settings-schema';
import type { SpApiClient } from '../../sp-api/client';
import type { OrderDb } from '../../store/order-db';
import { runOrderSync, type OrderSyncResult } from '../../sync/order-sync';
import type { SyncStatus } from '../../sync/sync-status';
import type { SpApiConnection } from '../sp-api-connection';
import { describeError } from '../describe-error';
import type { BackgroundJob, BackgroundJobDeps } from './background-job';

/*
 * The order sync job: its alarm (a period from Settings), its run body (runOrderSync for the
 * account the settings name), its "is there work" rule (order download allowed) and its single-flight
 * runner, which keeps the sync status the views show.
 */

export const SYNC_ALARM = 'order-sync';

/** The sync's "is there work" rule: nothing is downloaded while the seller has turned it off. */
export const syncWanted = (settings: Pick<Settings, 'allowOrderDownload'>): boolean =>
  settings.allowOrderDownload;

/**
 * (Re)creates the periodic sync alarm. Called at every worker start, so a lost alarm heals itself;
 * an alarm that already has the right period keeps its schedule.
 */
export async function armSyncAlarm(settings: Settings): Promise<void> {
  if (!syncWanted(settings)) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const period = settings.syncIntervalMinutes;
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

export async function nextSyncAt(): Promise<string | undefined> {
  const alarm = await browser.alarms.get(SYNC_ALARM);
  return alarm ? new Date(alarm.scheduledTime).toISOString() : undefined;
}

export interface SyncRunBodyInput {
  readonly client: SpApiClient;
  readonly marketplaceIds: readonly string[];
  readonly settings: Pick<Settings, 'backfillDays' | 'importNonAmazonOrders'>;
  readonly db: OrderDb;
  readonly clock: Clock;
  readonly syncRunId: string;
  readonly onProgress?: (p: { phase: string; done: number; total?: number }) => void;
  readonly signal?: AbortSignal;
}

/** One sync run for one account: what the background runs on its alarm, and what the simulator runs. */
export function runSyncBody(input: SyncRunBodyInput): Promise<OrderSyncResult> {
  return runOrderSync({
    client: input.client,
    db: input.db,
    clock: input.clock,
    settings: {
      backfillDays: input.settings.backfillDays,
      importNonAmazonOrders: input.settings.importNonAmazonOrders,
      marketplaceIds: [...input.marketplaceIds],
    },
    syncRunId: input.syncRunId,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
}

export type SyncTrigger = 'install' | 'startup' | 'alarm' | 'manual' | 'settings';

export interface SyncRunInput {
  readonly connection: SpApiConnection;
  readonly settings: Settings;
  readonly syncRunId: string;
  readonly onProgress: (p: { phase: string; done: number; total?: number }) => void;
  readonly signal: AbortSignal;
}

export interface SyncRunResult {
  readonly ordersWritten: number;
  readonly quarantined: number;
  readonly calls: number;
  /** From the order cursor: whether report-level orders are still being filled in. */
  readonly detailFill?: 'running' | 'done';
}

export interface SyncJobDeps {
  readonly clock: Clock;
  loadSettings(): Promise<Settings>;
  connection(settings: Settings): SpApiConnection;
  runSync(input: SyncRunInput): Promise<SyncRunResult>;
  updateStatus(patch: Partial<SyncStatus>): Promise<unknown>;
  nextSyncAt(): Promise<string | undefined>;
  newRunId(): string;
}

/**
 * Runs order syncs one at a time. An MV3 extension has a single service worker, so an in-memory
 * guard is enough to refuse a second start; a worker killed mid-sync leaves its cursor in
 * IndexedDB, and the next start resumes from it (see lib/sync/order-sync.ts).
 */
export function createSyncJob(deps: SyncJobDeps) {
  let current: { done: Promise<void>; abort: AbortController } | undefined;
  let restartAfterCurrent = false;

  function start(trigger: SyncTrigger): Promise<{ started: boolean; reason?: string }> {
    if (current) {
      // New credentials or settings: the running sync works for the old account, so stop it and
      // start again once it has wound down.
      if (trigger === 'settings') {
        restartAfterCurrent = true;
        current.abort.abort();
        return Promise.resolve({ started: true });
      }
      return Promise.resolve({ started: false, reason: 'A sync is already running.' });
    }
    // Taken before the settings are read, so two starts in the same moment never run two syncs.
    const abort = new AbortController();
    let answer: (answer: { started: boolean; reason?: string }) => void = () => undefined;
    const answered = new Promise<{ started: boolean; reason?: string }>((resolve) => (answer = resolve));
    const done = (async () => {
      const settings = await deps.loadSettings();
      const connection = deps.connection(settings);
      if (!syncWanted(settings)) {
        // No sync of this worker runs (this start holds the slot): a mark a killed worker left goes too.
        await deps.updateStatus({ running: false, demo: connection.demo, nextSyncAt: undefined });
        answer({ started: false, reason: 'Order download is turned off in Settings.' });
        return;
      }
      answer({ started: true });
      await execute(trigger, deps.newRunId(), settings, connection, abort.signal);
    })().finally(() => {
      current = undefined;
      if (restartAfterCurrent) {
        restartAfterCurrent = false;
        void start('settings');
      }
    });
    current = { done, abort };
    return Promise.race([answered, done.then(() => answered)]);
  }

  async function execute(
    trigger: SyncTrigger,
    runId: string,
    settings: Settings,
    connection: SpApiConnection,
    signal: AbortSignal,
  ): Promise<void> {
    const startedAt = new Date(deps.clock.now()).toISOString();
    await deps.updateStatus({
      running: true,
      demo: connection.demo,
      phase: 'Starting',
      progress: undefined,
      // New settings may mean another account (demo → the seller's): its fill is not the old one's.
      ...(trigger === 'settings' ? { detailFill: undefined } : {}),
    });
    try {
      const result = await deps.runSync({
        connection,
        settings,
        syncRunId: runId,
        signal,
        onProgress: (p) => {
          void deps.updateStatus({ phase: p.phase, progress: { done: p.done, total: p.total } });
        },
      });
      await deps.updateStatus({
        running: false,
        phase: undefined,
        progress: undefined,
        lastSyncAt: startedAt,
        lastSuccessAt: startedAt,
        lastError: undefined,
        lastResult: {
          ordersWritten: result.ordersWritten,
          quarantined: result.quarantined,
          calls: result.calls,
        },
        ...(result.detailFill ? { detailFill: result.detailFill } : {}),
        nextSyncAt: await deps.nextSyncAt(),
      });
    } catch (error) {
      if (signal.aborted) {
        await deps.updateStatus({ running: false, phase: undefined, progress: undefined });
        return;
      }
      await deps.updateStatus({
        running: false,
        phase: undefined,
        progress: undefined,
        lastSyncAt: startedAt,
        lastError: { ...describeError(error), at: new Date(deps.clock.now()).toISOString() },
        nextSyncAt: await deps.nextSyncAt(),
      });
    }
  }

  return {
    start,
    /** Whether a sync of this worker is under way (or about to start). */
    busy: () => current !== undefined,
    /** Resolves when the sync under way (if any) has finished; for tests and shutdown. */
    idle: async () => {
      // A start whose settings could not be read has already told its caller; idle only waits.
      while (current) await current.done.catch(() => undefined);
    },
  };
}

export interface SyncBackgroundJobDeps extends BackgroundJobDeps {
  readonly status: {
    load(): Promise<SyncStatus>;
    update(patch: Partial<SyncStatus>): Promise<unknown>;
  };
  /**
   * Starts the outbox: what a sync stored may settle cancellations under review or waiting for
   * confirmation. Called after every sync and on every sync alarm, so reviews settle even when a sync fails.
   */
  settleActions(): void;
}

export type SyncBackgroundJob = BackgroundJob<
  (trigger: SyncTrigger) => Promise<{ started: boolean; reason?: string }>
> & {
  /** New settings: re-arm the alarm, show demo or account, and restart the sync for them. */
  settingsChanged(settings: Settings): Promise<void>;
  /** Whether a sync of this worker is under way (a refused start may mean "already running"). */
  busy(): boolean;
};

export function createSyncBackgroundJob(deps: SyncBackgroundJobDeps): SyncBackgroundJob {
  const { clock } = deps;
  const runner = createSyncJob({
    clock,
    loadSettings: deps.loadSettings,
    connection: deps.connection,
    nextSyncAt,
    updateStatus: deps.status.update,
    newRunId: () => `sync-${new Date(clock.now()).toISOString()}-${crypto.randomUUID().slice(0, 8)}`,
    runSync: async ({ connection, settings, syncRunId, onProgress, signal }) => {
      const result = await runSyncBody({
        client: connection.client,
        marketplaceIds: connection.marketplaceIds,
        settings,
        db: await deps.dbFor(settings),
        clock,
        syncRunId,
        onProgress,
        signal,
      });
      deps.settleActions();
      return result;
    },
  });
  const showSchedule = async (settings: Settings) =>
    deps.status.update({ demo: settings.credentials === null, nextSyncAt: await nextSyncAt() });
  return {
    alarm: SYNC_ALARM,
    start: runner.start,
    idle: runner.idle,
    busy: runner.busy,
    onAlarm: () => {
      void runner.start('alarm');
      deps.settleActions();
    },
    async heal(settings) {
      await armSyncAlarm(settings);
      // A sync still marked running was cut off by a killed worker: finish it from its cursor. Unless
      // this worker's own sync (onStartup, onInstalled) marked it: that one ends by clearing the mark.
      if ((await deps.status.load()).running && !runner.busy()) {
        await deps.status.update({ running: false });
        void runner.start('startup');
      } else {
        await showSchedule(settings);
      }
    },
    async settingsChanged(settings) {
      await armSyncAlarm(settings);
      await showSchedule(settings);
      void runner.start('settings');
    },
  };
}
