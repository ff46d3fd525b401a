import { fakeBrowser } from 'wxt/testing';
import {
  createSyncBackgroundJob,
  createSyncJob,
  type SyncJobDeps,
  type SyncRunInput,
} from '../../../../lib/background/jobs/sync-job';
import { ManualClock } from '../../../../lib/clock';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings-schema';
import type { SyncStatus } from '../../../../lib/sync/sync-status';
import type { SpApiConnection } from '../../../../lib/background/sp-api-connection';

function setup(overrides: Partial<Settings> = {}, runSync?: SyncJobDeps['runSync']) {
  let status: Partial<SyncStatus> = {};
  const runs: SyncRunInput[] = [];
  let release: () => void = () => undefined;
  const deps: SyncJobDeps = {
    clock: new ManualClock(Date.parse('2026-11-26T10:00:00Z')),
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...overrides }),
    connection: () => ({ demo: true, marketplaceIds: ['ATVPDKIKX0DER'] }) as unknown as SpApiConnection,
    runSync:
      runSync ??
      (async (input) => {
        runs.push(input);
        input.onProgress({ phase: 'Fetching updated orders', done: 1, total: 2 });
        await new Promise<void>((resolve) => (release = resolve));
        return { ordersWritten: 3, quarantined: 0, calls: 1 };
      }),
    updateStatus: async (patch) => {
      status = { ...status, ...patch };
    },
    nextSyncAt: async () => '2026-11-26T10:30:00.000Z',
    newRunId: () => `run-${runs.length + 1}`,
  };
  return { deps, runs, status: () => status, release: () => release() };
}

describe('sync job', () => {
  it('never runs two syncs at once', async () => {
    const t = setup();
    const job = createSyncJob(t.deps);
    expect(await job.start('manual')).toEqual({ started: true });
    expect(await job.start('alarm')).toEqual({ started: false, reason: 'A sync is already running.' });
    await vi.waitFor(() => expect(t.runs).toHaveLength(1));
    expect(t.status()).toMatchObject({
      running: true,
      phase: 'Fetching updated orders',
      progress: { done: 1, total: 2 },
    });
    t.release();
    await job.idle();
    expect(t.status()).toMatchObject({
      running: false,
      lastSuccessAt: '2026-11-26T10:00:00.000Z',
      nextSyncAt: '2026-11-26T10:30:00.000Z',
      lastResult: { ordersWritten: 3, quarantined: 0, calls: 1 },
    });
    expect(await job.start('manual')).toEqual({ started: true });
  });

  it('runs one sync when two starts come before the settings are read (worker start and onStartup)', async () => {
    const t = setup();
    const job = createSyncJob(t.deps);
    const answers = await Promise.all([job.start('startup'), job.start('startup')]);
    expect(answers).toEqual([{ started: true }, { started: false, reason: 'A sync is already running.' }]);
    await vi.waitFor(() => expect(t.runs).toHaveLength(1));
    t.release();
    await job.idle();
    expect(t.runs).toHaveLength(1);
  });

  it('does nothing when order download is turned off', async () => {
    const t = setup({ allowOrderDownload: false });
    const job = createSyncJob(t.deps);
    expect(await job.start('alarm')).toEqual({
      started: false,
      reason: 'Order download is turned off in Settings.',
    });
    expect(t.runs).toHaveLength(0);
  });

  it('tells the views whether the detail fill is under way, and keeps what it knew after a failed run', async () => {
    let outcome: 'running' | 'done' | 'fail' = 'running';
    const t = setup({}, async () => {
      if (outcome === 'fail') throw new Error('offline');
      return { ordersWritten: 2, quarantined: 0, calls: 3, detailFill: outcome };
    });
    const job = createSyncJob(t.deps);
    await job.start('install');
    await job.idle();
    expect(t.status()).toMatchObject({ detailFill: 'running', lastResult: { ordersWritten: 2, calls: 3 } });
    outcome = 'fail';
    await job.start('alarm');
    await job.idle();
    expect(t.status().detailFill).toBe('running');
    outcome = 'done';
    await job.start('alarm');
    await job.idle();
    expect(t.status().detailFill).toBe('done');
  });

  it("does not show the demo's (or another account's) finished detail fill while the new account's first sync runs", async () => {
    let runs = 0;
    let seenDuringRun: SyncStatus['detailFill'] | 'unset' = 'unset';
    let status: () => Partial<SyncStatus> = () => ({});
    const t = setup({}, async () => {
      runs += 1;
      if (runs === 2) seenDuringRun = status().detailFill;
      return { ordersWritten: 2, quarantined: 0, calls: 3, detailFill: runs === 1 ? 'done' : 'running' };
    });
    status = t.status;
    const job = createSyncJob(t.deps);
    await job.start('install');
    await job.idle();
    expect(t.status().detailFill).toBe('done');
    // The seller connects an account: its backfill writes report-only orders while this run is under way.
    await job.start('settings');
    await job.idle();
    expect(seenDuringRun).toBeUndefined();
    expect(t.status().detailFill).toBe('running');
  });

  it('shows the error in plain words with Amazon’s code and request id', async () => {
    const failure = Object.assign(new Error('raw'), {
      code: 'Unauthorized',
      requestId: 'req-123',
      plainMessage: () => 'Amazon refused the access token.',
    });
    const t = setup({}, async () => {
      throw failure;
    });
    const job = createSyncJob(t.deps);
    await job.start('manual');
    await job.idle();
    expect(t.status()).toMatchObject({
      running: false,
      lastError: { message: 'Amazon refused the access token.', code: 'Unauthorized', requestId: 'req-123' },
    });
    expect(t.status().lastSuccessAt).toBeUndefined();
  });

  it('stops a running sync when the account changes and starts again for the new one', async () => {
    const signals: AbortSignal[] = [];
    let runs = 0;
    const t = setup({}, async (input) => {
      runs++;
      signals.push(input.signal);
      if (runs === 1) {
        await new Promise<void>((_, reject) =>
          input.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
        );
      }
      return { ordersWritten: 1, quarantined: 0, calls: 1 };
    });
    const job = createSyncJob(t.deps);
    await job.start('install');
    await vi.waitFor(() => expect(runs).toBe(1));
    expect(await job.start('settings')).toEqual({ started: true });
    await job.idle();
    expect(runs).toBe(2);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    expect(t.status()).toMatchObject({ running: false, lastResult: { ordersWritten: 1 } });
    expect(t.status().lastError).toBeUndefined();
  });
});

describe('sync background job: worker-start heal', () => {
  it('leaves a sync this worker is running shown as running (onStartup came first), and starts no second', async () => {
    fakeBrowser.reset();
    let status: SyncStatus = { running: false, demo: true };
    const starts: string[] = [];
    let failDb: (error: Error) => void = () => undefined;
    const job = createSyncBackgroundJob({
      clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
      loadSettings: async () => DEFAULT_SETTINGS,
      connection: () => ({ demo: true, marketplaceIds: ['ATVPDKIKX0DER'] }) as unknown as SpApiConnection,
      // The run waits here until the test lets it fail.
      dbFor: () => {
        starts.push('run');
        return new Promise<never>((_, reject) => (failDb = reject));
      },
      announceOutboxChange: () => undefined,
      status: {
        load: async () => status,
        update: async (patch) => {
          status = { ...status, ...patch };
        },
      },
      settleActions: () => undefined,
    });
    // onStartup's sync is under way and has marked itself running before the worker-start heal reads the status.
    expect(await job.start('startup')).toEqual({ started: true });
    await vi.waitFor(() => expect(starts).toEqual(['run']));
    expect(status.running).toBe(true);
    await job.heal(DEFAULT_SETTINGS);
    expect(status.running).toBe(true);
    failDb(new Error('offline'));
    await job.idle();
    expect(status.running).toBe(false);
    expect(starts).toEqual(['run']);
  });

  it('clears the running mark a killed worker left when onStartup finds order download turned off', async () => {
    fakeBrowser.reset();
    let status: SyncStatus = { running: true, demo: true };
    const settings = { ...DEFAULT_SETTINGS, allowOrderDownload: false };
    const job = createSyncBackgroundJob({
      clock: new ManualClock(Date.parse('2026-12-01T10:00:00Z')),
      loadSettings: async () => settings,
      connection: () => ({ demo: true, marketplaceIds: ['ATVPDKIKX0DER'] }) as unknown as SpApiConnection,
      dbFor: () => Promise.reject(new Error('no sync should run')),
      announceOutboxChange: () => undefined,
      status: {
        load: async () => status,
        update: async (patch) => {
          status = { ...status, ...patch };
        },
      },
      settleActions: () => undefined,
    });
    const [answer] = await Promise.all([job.start('startup'), job.heal(settings)]);
    expect(answer).toEqual({ started: false, reason: 'Order download is turned off in Settings.' });
    await job.idle();
    expect(status.running).toBe(false);
  });
});
