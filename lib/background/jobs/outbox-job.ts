import { browser } from 'wxt/browser';
import type { Clock } from '../../clock';
import { runOutbox, type OutboxRunResult, type OutboxSpApi } from '../../outbox';
import { OutboxSetupError } from '../../outbox/outbox-problem';
import { outboxWork, type OutboxWork } from '../../outbox/outbox-work';
import { recordRunProblem } from '../../outbox/run-problem';
import { SANDBOX_CREDENTIALS } from '../../sandbox';
import type { Settings } from '../../settings/settings-schema';
import type { OrderDb } from '../../store/order-db';
import { updateBadge } from '../badge';
import { describeError } from '../describe-error';
import type { SpApiConnection } from '../sp-api-connection';
import type { BackgroundJob, BackgroundJobDeps } from './background-job';

/*
 * The outbox job: user actions (cancels) sent to Amazon exactly once, then confirmed, then the stock
 * changes they asked for (zero stock is the last step of each outbox run, lib/outbox/zero-stock.ts, and
 * keeps the alarm alive while one is waiting: outboxWork). Its alarm lives only while there is work.
 */

export const OUTBOX_ALARM = 'outbox';

/** Whether a run has anything to do: something to send, poll, confirm or zero, or a review a sync may settle. */
export const outboxRunNeeded = (work: OutboxWork): boolean => work.hasWork || work.underReview > 0;

/** Actions the alarm must come back for; reviews alone do not keep it (the run after each sync settles them). */
export const outboxPending = (work: OutboxWork): number => (work.hasWork ? Math.max(1, work.pending) : 0);

/** A one-minute alarm while anything is pending, so a killed worker picks the outbox up again. */
export async function scheduleOutboxAlarm(pending: number): Promise<void> {
  if (pending > 0) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
  else await browser.alarms.clear(OUTBOX_ALARM);
}

export interface OutboxRunBodyInput {
  readonly client: OutboxSpApi;
  readonly db: OrderDb;
  readonly clock: Clock;
  /** The merchant token; undefined stops a run that has work with a message saying where to enter it. */
  readonly sellerId: string | undefined;
  readonly marketplaceIds: readonly string[];
  readonly signal?: AbortSignal;
  /** How long one run waits for Amazon to finish a feed before leaving it to the alarm. */
  readonly pollBudgetMs: number;
  /** Called after each persisted step and each action change, so open views re-read. */
  readonly announce?: () => void;
  readonly log?: (message: string) => void;
  readonly newId?: () => string;
}

/**
 * One outbox run for one account, if there is work: what the background runs on its alarm and what
 * the simulator runs. Resolves with what the run did (undefined when it had nothing to do) and the work left.
 */
export async function runOutboxBody(
  input: OutboxRunBodyInput,
): Promise<{ result: OutboxRunResult | undefined; work: OutboxWork }> {
  const before = await outboxWork(input.db);
  if (!outboxRunNeeded(before)) return { result: undefined, work: before };
  if (!input.sellerId) {
    throw new OutboxSetupError(
      'Enter your merchant token in Settings (Settings, Account Info, Merchant Token in Seller Central): ' +
        'Amazon needs it for every cancellation. The cancellation is sent once it is there.',
    );
  }
  // Getting orders to Amazon's own word (getOrder) is part of the run: confirm-cancel.ts.
  const result = await runOutbox({
    client: input.client,
    db: input.db,
    clock: input.clock,
    sellerId: input.sellerId,
    marketplaceIds: input.marketplaceIds,
    pollBudgetMs: input.pollBudgetMs,
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.announce ? { afterStep: input.announce, onActionChange: input.announce } : {}),
    ...(input.log ? { log: input.log } : {}),
    ...(input.newId ? { newId: input.newId } : {}),
  });
  return { result, work: await outboxWork(input.db) };
}

export interface OutboxJobDeps {
  loadSettings(): Promise<Settings>;
  connection(settings: Settings): SpApiConnection;
  /** Sends what is pending; resolves with how many actions still wait for Amazon. */
  run(input: { connection: SpApiConnection; settings: Settings }): Promise<{ pending: number }>;
  /** Keeps a short alarm while anything is pending, so a killed worker picks the outbox up again. */
  schedule(pending: number): Promise<void>;
  /** Tells open views that action states changed. */
  announce(): void;
  /**
   * Puts the error where the seller sees it (on the waiting actions and the badge) — of the account
   * the failed run was for (`settings`; undefined when they could not even be read), not whichever is
   * current by then.
   */
  reportError(error: unknown, settings: Settings | undefined): void | Promise<void>;
}

/**
 * Runs the outbox one run at a time. A request while a run is going asks for one more run after
 * it, so an action queued mid-run is never left waiting for the next alarm.
 */
export function createOutboxJob(deps: OutboxJobDeps) {
  let current: Promise<void> | undefined;
  let again = false;

  function start(): void {
    if (current) {
      again = true;
      return;
    }
    current = (async () => {
      let settings: Settings | undefined;
      try {
        do {
          again = false;
          settings = await deps.loadSettings();
          const connection = deps.connection(settings);
          const { pending } = await deps.run({ connection, settings });
          await deps.schedule(pending);
        } while (again);
      } catch (error) {
        await Promise.resolve(deps.reportError(error, settings)).catch(() => undefined);
        await deps.schedule(1).catch(() => undefined);
      } finally {
        deps.announce();
        current = undefined;
      }
    })();
  }

  return {
    start,
    idle: async () => {
      while (current) await current;
    },
  };
}

/** A short wait per run in the extension; the alarm picks up feeds that Amazon takes longer over. */
const BACKGROUND_POLL_BUDGET_MS = 90_000;

export type OutboxBackgroundJob = BackgroundJob<() => void>;

export function createOutboxBackgroundJob(deps: BackgroundJobDeps): OutboxBackgroundJob {
  const { clock } = deps;
  const runner = createOutboxJob({
    loadSettings: deps.loadSettings,
    connection: deps.connection,
    run: async ({ connection, settings }) => {
      const db = await deps.dbFor(settings);
      const { work } = await runOutboxBody({
        client: connection.client,
        db,
        clock,
        // Demo mode's cancels go to the sandbox, under its merchant token.
        sellerId: connection.demo ? SANDBOX_CREDENTIALS.sellerId : settings.credentials?.sellerId,
        marketplaceIds: connection.marketplaceIds,
        pollBudgetMs: BACKGROUND_POLL_BUDGET_MS,
        announce: deps.announceOutboxChange,
        log: (message) => console.info('Order manager', message),
      });
      await updateBadge(work);
      return { pending: outboxPending(work) };
    },
    schedule: scheduleOutboxAlarm,
    announce: deps.announceOutboxChange,
    reportError: async (error, settings) => {
      console.warn('Order manager outbox:', describeError(error).message);
      // The seller sees it on the actions of the account the run was for, not in a log.
      const db = await deps.dbFor(settings ?? (await deps.loadSettings()));
      await recordRunProblem(db, error, clock);
      await updateBadge(await outboxWork(db));
    },
  });
  return {
    alarm: OUTBOX_ALARM,
    start: runner.start,
    idle: runner.idle,
    onAlarm: runner.start,
    // Finishes any action a killed worker left half-sent (each step was persisted before it was taken);
    // the run then arms or clears the alarm for what is left.
    heal: async () => runner.start(),
  };
}
