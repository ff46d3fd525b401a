import type { Clock } from '../clock';
import type { Settings } from '../settings/settings-schema';
import type { SyncStatus } from '../sync/sync-status';
import type { SpApiConnection } from './sp-api-connection';
import { describeError } from './describe-error';

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

  async function start(trigger: SyncTrigger): Promise<{ started: boolean; reason?: string }> {
    if (current) {
      // New credentials or settings: the running sync works for the old account, so stop it and
      // start again once it has wound down.
      if (trigger === 'settings') {
        restartAfterCurrent = true;
        current.abort.abort();
        return { started: true };
      }
      return { started: false, reason: 'A sync is already running.' };
    }
    const settings = await deps.loadSettings();
    const connection = deps.connection(settings);
    if (!settings.allowOrderDownload) {
      await deps.updateStatus({ demo: connection.demo, nextSyncAt: undefined });
      return { started: false, reason: 'Order download is turned off in Settings.' };
    }
    const runId = deps.newRunId();
    const abort = new AbortController();
    const done = execute(trigger, runId, settings, connection, abort.signal).finally(() => {
      current = undefined;
      if (restartAfterCurrent) {
        restartAfterCurrent = false;
        void start('settings');
      }
    });
    current = { done, abort };
    return { started: true };
  }

  async function execute(
    _trigger: SyncTrigger,
    runId: string,
    settings: Settings,
    connection: SpApiConnection,
    signal: AbortSignal,
  ): Promise<void> {
    const startedAt = new Date(deps.clock.now()).toISOString();
    await deps.updateStatus({ running: true, demo: connection.demo, phase: 'Starting', progress: undefined });
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
        lastResult: result,
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
    /** Resolves when the sync under way (if any) has finished; for tests and shutdown. */
    idle: async () => {
      while (current) await current.done;
    },
  };
}
