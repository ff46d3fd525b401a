/**
 * Runs one schedule: the real SP-API client, order sync, outbox and store (on fake-indexeddb) against
 * in-process sandboxes on one manual clock, with the schedule's faults, world events and seller
 * actions. Then a quiet tail (no faults, alarms as usual) and the invariant checks. One process, no
 * real time and no real network, so a schedule replays exactly.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { ManualClock } from '../lib/clock';
import { cancelEligibility } from '../lib/domain/cancel-eligibility';
import { CancelRefusedError, enqueueCancel, resolveNeedsReview, retryCancel } from '../lib/outbox';
import { sendAgain } from '../lib/outbox/retry-cancel';
import { replaceFailedCancel } from '../lib/outbox/replace-cancel';
import { cancelFailureOf } from '../lib/domain/outbox-action';
import { outboxWork } from '../lib/outbox/outbox-work';
import { createSandbox, SANDBOX_CREDENTIALS, type SandboxFault } from '../lib/sandbox';
import { SANDBOX_MARKETPLACES } from '../lib/sandbox/marketplaces';
import { matchOperation } from '../lib/sp-api/usage-plans';
import { openOrderDb, type OrderDb } from '../lib/store';
import { readOrderCursor } from '../lib/store/order-cursor';
import { listActions } from '../lib/store/outbox-store';
import { refreshOrder } from '../lib/sync/refresh-orders';
import { describeError } from '../lib/background/describe-error';
// The run bodies the background's jobs run, so a change there is exercised here too.
import { runOutboxBody } from '../lib/background/jobs/outbox-job';
import { runSyncBody } from '../lib/background/jobs/sync-job';
import { LwaError, SpApiError, SpApiNetworkError, SpApiSchemaError } from '../lib/sp-api/errors';
import { OrderReportFailedError, OrderReportPendingError } from '../lib/sync/backfill-report';
import { OutboxSetupError } from '../lib/outbox/outbox-problem';
import { cancelledAtAmazon, checkInvariants, type Violation } from './invariants';
import { describeEvent, type SimEvent, type SimSchedule, type TransportFault } from './schedule';
import { WorkerLife, type TransportFaults } from './worker-life';
import type { SimAccount } from './sim-account';

/** What a run may fail with and say to the seller; the rest is a crash (a violation of invariant 3). */
const EXPECTED_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [
  SpApiError,
  SpApiNetworkError,
  SpApiSchemaError,
  LwaError,
  OrderReportPendingError,
  OrderReportFailedError,
  OutboxSetupError,
  CancelRefusedError,
];

/** Simulated start: the sandbox's orders reach back 45 days from here. */
export const SIM_START_MS = Date.parse('2026-11-20T12:00:00Z');
/** Small windows keep a seed fast: a few days of orders, a handful of them still cancellable. */
export const SIM_BACKFILL_DAYS = 3;
const SIM_ORDER_COUNT = 200;
/** Every action ends and the sync is current within this much quiet time per account (invariant 3). */
export const SETTLE_BOUND_MS = 3 * 60 * 60_000;
const SETTLE_STEP_MS = 2 * 60_000;
/** The background's per-run wait for Amazon to finish a feed (start-background.ts). */
const POLL_BUDGET_MS = 90_000;

export type Feature =
  | TransportFault
  | 'kill'
  | 'kill-at-createFeed'
  | 'clock-skew'
  | 'clock-jump'
  | 'other-tool-feed'
  | 'amazon-cancels'
  | 'ship-elsewhere'
  | 'buyer-request'
  | 'expire-pagination'
  | 'expire-token'
  | 'add-marketplace'
  | 'cancel-whole'
  | 'cancel-lines'
  | 'retry'
  | 'send-again'
  | 'resolve-review'
  | 'switch-account'
  | 'sync-and-outbox-together';

export interface SimResult {
  readonly violations: Violation[];
  readonly fired: ReadonlySet<Feature>;
  readonly trace: string[];
  /** The run's Amazon accounts, as they ended (for tests and debugging). */
  readonly accounts: readonly SimAccount[];
}

const SANDBOX_KIND: Record<Exclude<TransportFault, 'slow'>, SandboxFault['kind']> = {
  throttle: '429',
  'throttle-retry-after': '429',
  'server-error': '500',
  unavailable: '503',
  'drop-before': 'drop-before',
  'drop-after': 'drop-after',
  'browser-resend': 'close-unanswered',
};

export async function runSimulation(schedule: SimSchedule): Promise<SimResult> {
  // A fresh IndexedDB per run: no state leaks from one seed into the next.
  globalThis.indexedDB = new IDBFactory();
  const { setup } = schedule;
  const clock = new ManualClock(SIM_START_MS);
  const trace: string[] = [];
  const fired = new Set<Feature>();
  const note = (line: string): void => {
    trace.push(`  ${line}`);
  };

  // Faults queued at a sandbox, mirrored per operation so the one that fires is known exactly.
  const mirrors = new Map<number, Map<string, TransportFault[]>>();
  const slow = new Map<string, number>();
  const fire = (feature: Feature, detail: string) => {
    fired.add(feature);
    note(`! ${feature}: ${detail}`);
  };
  const mirrorTake = (account: number, operation: string) => mirrors.get(account)?.get(operation)?.shift();

  const accounts: SimAccount[] = [];
  for (let index = 0; index < setup.accounts; index++) {
    const credentials =
      index === 0
        ? SANDBOX_CREDENTIALS
        : {
            ...SANDBOX_CREDENTIALS,
            refreshToken: 'Atzr|sim-second-account',
            sellerId: 'A2SIMSECONDSELLER',
          };
    const sandbox = createSandbox({
      clock,
      seed: setup.seed * 2 + index,
      orderCount: SIM_ORDER_COUNT,
      anchorMs: SIM_START_MS,
      credentials,
      onResponse: (response) => {
        if (!response.fault) return;
        const fault = mirrorTake(index, response.operation);
        if (fault) {
          fire(fault, response.operation);
          if (fault === 'browser-resend' && response.operation === 'createFeed')
            accounts[index]!.resentCreateFeed = true;
        }
      },
    });
    sandbox.setClockOffset(setup.clockOffsetMs);
    mirrors.set(index, new Map());
    accounts.push({
      index,
      sandbox,
      dbName: `sim-${setup.seed}-account-${index}`,
      sellerId: credentials.sellerId,
      credentials,
      marketplaceIds: [SANDBOX_MARKETPLACES[0]!.id, SANDBOX_MARKETPLACES[1]!.id],
      added: [],
      queued: new Set(),
      resentCreateFeed: false,
    });
  }
  if (setup.clockOffsetMs !== 0) fired.add('clock-skew');
  let current = accounts[0]!;
  let life: WorkerLife | undefined;
  let armedKill: { atPoint: number; target?: string } | undefined;
  /** World events waiting for a request of the worker to go out. */
  const moments: { account: SimAccount; operation: string; happen: () => Promise<void> }[] = [];
  let ids = 0;
  const nextId = (prefix: string) => `${prefix}-${++ids}`;

  const faults = (account: SimAccount): TransportFaults => ({
    takeSlow: (operation) => {
      const key = `${account.index}:${operation}`;
      const left = slow.get(key) ?? 0;
      if (left <= 0) return false;
      slow.set(key, left - 1);
      return true;
    },
    fired: (fault, detail) => {
      if (fault === 'drop-before') mirrorTake(account.index, detail);
      fire(fault, detail);
      if (fault === 'kill' && detail.includes('createFeed')) fired.add('kill-at-createFeed');
    },
  });

  /** The worker for the next run: a new one after a kill, a restart or an account switch. */
  const workerForRun = (): WorkerLife => {
    if (armedKill !== undefined || !life || life.dead) {
      const account = current;
      life?.end();
      life = new WorkerLife({
        sandbox: current.sandbox,
        clock,
        dbName: current.dbName,
        faults: faults(current),
        seed: setup.seed,
        credentials: current.credentials,
        killAt: armedKill,
        beforeRequest: async (operation) => {
          const i = moments.findIndex((m) => m.account === account && m.operation === operation);
          if (i < 0) return;
          const [moment] = moments.splice(i, 1);
          note(`(as ${operation} goes out)`);
          await moment!.happen();
        },
        operationOf: (request) =>
          matchOperation(request.method, new URL(request.url).pathname)?.operation ??
          new URL(request.url).pathname,
      });
      armedKill = undefined;
    }
    return life;
  };

  /** Errors a living worker may meet; anything else is a defect the seller would meet as a crash. */
  const unexpected: string[] = [];
  const outcome = (what: string, error: unknown, worker: WorkerLife) => {
    if (worker.dead) {
      note(`${what}: worker ${worker.killedAt ? `killed at ${worker.killedAt}` : 'stopped'}`);
      return;
    }
    note(`${what} failed: ${describeError(error).message}`);
    if (!EXPECTED_ERRORS.some((kind) => error instanceof kind)) {
      unexpected.push(`${what} failed with ${(error as Error)?.stack ?? String(error)}`);
    }
  };

  const syncOnce = async (worker: WorkerLife, account: SimAccount): Promise<boolean> => {
    try {
      const db = await worker.db();
      const result = await runSyncBody({
        client: worker.client,
        marketplaceIds: account.marketplaceIds,
        settings: { backfillDays: SIM_BACKFILL_DAYS, importNonAmazonOrders: false },
        db,
        clock: worker.clock,
        syncRunId: nextId('sync'),
      });
      const cursor = await noteCoverage(account, db);
      note(
        `sync: ${result.ordersWritten} written, ${result.quarantined} quarantined, ${result.phase} ` +
          `up to ${cursor?.lastUpdatedAfter ?? '?'}`,
      );
      return true;
    } catch (error) {
      outcome('sync', error, worker);
      return false;
    }
  };

  const outboxOnce = async (worker: WorkerLife, account: SimAccount): Promise<void> => {
    try {
      const { result } = await runOutboxBody({
        client: worker.client,
        db: await worker.db(),
        clock: worker.clock,
        sellerId: account.sellerId,
        marketplaceIds: account.marketplaceIds,
        pollBudgetMs: POLL_BUDGET_MS,
        newId: () => nextId('submission'),
        log: (message) => note(`  ${message}`),
      });
      note(
        result
          ? `outbox: ${result.sent} sent, ${result.completed} done, ${result.failed} failed, ${result.needsReview} to review`
          : 'outbox: nothing to do',
      );
    } catch (error) {
      outcome('outbox', error, worker);
    }
  };

  const noteCoverage = async (account: SimAccount, db: OrderDb) => {
    const cursor = await readOrderCursor(db).catch(() => undefined);
    for (const added of account.added) {
      if (added.coveredAtMs === undefined && cursor?.backfillCovered?.marketplaceIds.includes(added.id))
        added.coveredAtMs = clock.now();
    }
    return cursor;
  };

  const pageDb = async (account: SimAccount) => (account.pageDb ??= await openOrderDb(account.dbName));

  /** Open orders the seller (or the world) can act on, in a stable order. */
  const openStoredOrders = async (account: SimAccount) => {
    const db = await pageDb(account);
    const orders = await db.getAll('orders');
    return orders
      .filter(
        (order) =>
          order.fulfilledBy === 'MERCHANT' &&
          (order.status === 'UNSHIPPED' ||
            order.status === 'PENDING' ||
            order.status === 'PARTIALLY_SHIPPED'),
      )
      .sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  };

  const execute = async (event: SimEvent): Promise<void> => {
    const account = current;
    const sandbox = account.sandbox;
    switch (event.kind) {
      case 'advance':
        clock.advance(event.ms);
        return;
      case 'sync': {
        const worker = workerForRun();
        if (await syncOnce(worker, account)) await outboxOnce(worker, account);
        return;
      }
      case 'alarms-together': {
        const worker = workerForRun();
        fired.add('sync-and-outbox-together');
        await Promise.all([
          (async () => {
            if (await syncOnce(worker, account)) await outboxOnce(worker, account);
          })(),
          outboxOnce(worker, account),
        ]);
        return;
      }
      case 'outbox':
        await outboxOnce(workerForRun(), account);
        return;
      case 'kill':
        armedKill = { atPoint: event.atPoint, ...(event.target ? { target: event.target } : {}) };
        return;
      case 'restart':
        life?.end();
        life = undefined;
        return;
      case 'fault': {
        if (event.fault === 'slow') {
          const key = `${account.index}:${event.operation}`;
          slow.set(key, (slow.get(key) ?? 0) + 1);
          return;
        }
        const queue = mirrors.get(account.index)!;
        const list = queue.get(event.operation) ?? [];
        list.push(event.fault);
        queue.set(event.operation, list);
        sandbox.injectFault({
          operation: event.operation,
          kind: SANDBOX_KIND[event.fault],
          ...(event.fault === 'throttle-retry-after' ? { retryAfterSeconds: 5 } : {}),
        });
        return;
      }
      case 'clock-skew': {
        // This machine's clock jumps (an NTP correction, a wake from sleep); Amazon's runs on.
        const before = sandbox.clockOffsetMs();
        clock.set(clock.now() + before - event.offsetMs);
        for (const each of accounts) each.sandbox.setClockOffset(event.offsetMs);
        if (event.offsetMs !== before) {
          fire('clock-jump', `this machine's clock jumps ${before - event.offsetMs} ms, Amazon's runs on`);
          if (event.offsetMs !== 0) fired.add('clock-skew');
        }
        return;
      }
      case 'other-tool-feed':
      case 'amazon-cancels':
      case 'ship-elsewhere':
        if (event.during) {
          const { during, ...now } = event;
          moments.push({ account, operation: during, happen: () => worldMoves(account, now) });
          return;
        }
        return worldMoves(account, event);
      case 'buyer-request':
        return worldMoves(account, event);
      case 'expire-pagination':
        sandbox.expirePaginationTokens();
        fire('expire-pagination', 'every issued paginationToken');
        return;
      case 'expire-token':
        sandbox.expireAccessTokens();
        fire('expire-token', 'every issued access token');
        return;
      case 'add-marketplace': {
        const next = SANDBOX_MARKETPLACES.find((m) => !account.marketplaceIds.includes(m.id));
        if (!next) return;
        account.marketplaceIds.push(next.id);
        account.added.push({ id: next.id });
        fire('add-marketplace', next.id);
        return;
      }
      case 'cancel':
        await sellerCancels(account, event);
        return;
      case 'retry':
      case 'send-again':
      case 'resolve-review': {
        const db = await pageDb(account);
        const actions = (await listActions(db))
          .filter((action) =>
            event.kind === 'retry'
              ? action.status === 'failed' && !action.replacedBy
              : event.kind === 'send-again'
                ? action.status === 'needs-review' && action.sendAgainAllowed === true
                : action.status === 'needs-review',
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        if (!actions.length) return note(`no action to ${event.kind}`);
        const action = actions[event.pick % actions.length]!;
        // The seller acted on what the order manager offered; a refusal is the extension's answer.
        fire(event.kind, action.id);
        try {
          if (event.kind === 'resolve-review') {
            // The seller looks in Seller Central; they mark it done only when it is.
            if (!cancelledAtAmazon(sandbox, action.orderId, action.lines))
              return note(`${action.id} left under review: Seller Central shows it not cancelled`);
            await resolveNeedsReview(db, action.id, 'done', { clock });
          } else if (event.kind === 'retry' && cancelFailureOf(action) === 'refused') {
            // Amazon refused the message itself: the order manager offers "Edit cancellation" instead
            // of Retry, and the seller submits the same lines again (what is still cancellable).
            const { replacement } = await replaceFailedCancel(
              db,
              action.id,
              {
                orderId: action.orderId,
                ...(action.wholeOrder
                  ? {}
                  : { lines: action.lines.map((line) => ({ orderItemId: line.orderItemId })) }),
                reason: action.reason,
                ...(action.memo ? { memo: action.memo } : {}),
                ...(action.zeroStockSkus?.length ? { zeroStockSkus: action.zeroStockSkus } : {}),
              },
              { clock, newId: () => nextId('action') },
            );
            account.queued.add(replacement.id);
            note(`edit: ${replacement.id} replaces ${action.id}`);
          } else if (event.kind === 'retry') await retryCancel(db, action.id, { clock });
          else await sendAgain(db, action.id, { clock });
        } catch (error) {
          if (!(error instanceof CancelRefusedError)) throw error;
          note(`${event.kind} ${action.id} refused: ${error.message}`);
          return;
        }
        await outboxOnce(workerForRun(), account);
        return;
      }
      case 'switch-account': {
        const next = accounts[(account.index + 1) % accounts.length]!;
        if (next === account) return;
        life?.end();
        life = undefined;
        current = next;
        fire('switch-account', `to account ${next.index}`);
        return;
      }
    }
  };

  /**
   * Another tool's feed, or Amazon or the seller in Seller Central acting on an order: mostly one the
   * outbox is working on (odd picks), so the world races the extension where it matters.
   */
  const worldMoves = async (
    account: SimAccount,
    event: Extract<
      SimEvent,
      { kind: 'other-tool-feed' | 'amazon-cancels' | 'ship-elsewhere' | 'buyer-request' }
    >,
  ): Promise<void> => {
    const sandbox = account.sandbox;
    const open = await openStoredOrders(account);
    const busy = new Set(
      (await listActions(await pageDb(account), { status: 'pending' })).map((action) => action.orderId),
    );
    const targeted = open.filter((order) => busy.has(order.orderId));
    const orders = event.pick % 2 === 1 && targeted.length ? targeted : open;
    const order = orders.length ? orders[event.pick % orders.length] : undefined;
    if (event.kind === 'other-tool-feed') {
      const cancels = order !== undefined && event.pick % 4 === 0;
      const { feedId } = sandbox.createOtherToolFeed({
        marketplaceIds: [order?.marketplaceId ?? account.marketplaceIds[0]!],
        ...(cancels ? { orderIds: [order.orderId] } : {}),
      });
      fire('other-tool-feed', `${feedId}${cancels ? ` cancels ${order.orderId}` : ' acknowledges'}`);
      return;
    }
    if (!order) return note('no open order');
    const applied =
      event.kind === 'amazon-cancels'
        ? sandbox.world.amazonCancelsOrder(order.orderId)
        : event.kind === 'ship-elsewhere'
          ? sandbox.world.shipElsewhere(order.orderId)
          : sandbox.world.buyerRequestsCancel(order.orderId);
    if (applied) fire(event.kind, order.orderId);
    else note(`${event.kind} ${order.orderId}: not applicable at Amazon`);
  };

  const sellerCancels = async (account: SimAccount, event: Extract<SimEvent, { kind: 'cancel' }>) => {
    const orders = await openStoredOrders(account);
    if (!orders.length) return note('no open order to cancel');
    let order = orders[event.pick % orders.length]!;
    const db = await pageDb(account);
    if (order.detailLevel === 'report') {
      // The cancel dialog reads a report-only order from Amazon first (refresh-order message).
      const worker = workerForRun();
      try {
        order = (
          await refreshOrder(
            {
              client: worker.client,
              db: await worker.db(),
              clock: worker.clock,
              syncRunId: nextId('dialog'),
            },
            order.orderId,
          )
        ).order;
      } catch (error) {
        outcome('dialog refresh', error, worker);
        return;
      }
    }
    const items = (await db.getAllFromIndex('orderItems', 'orderId', order.orderId)).sort((a, b) =>
      a.orderItemId < b.orderItemId ? -1 : 1,
    );
    const eligibility = cancelEligibility(order, items, await listActions(db));
    const open = eligibility.cancellableLines;
    const chosen =
      event.lines === 'some' && open.length > 1
        ? open.filter((_, i) => (event.lineMask >> i) & 1)
        : undefined;
    const lines = chosen?.map((line) => ({ orderItemId: line.orderItemId }));
    const skus = (chosen ?? open).flatMap((line) => (line.sku ? [line.sku] : []));
    try {
      const action = await enqueueCancel(
        db,
        {
          orderId: order.orderId,
          ...(lines && lines.length ? { lines } : {}),
          reason: event.zeroStock ? 'NoInventory' : 'BuyerCanceled',
          ...(event.zeroStock && skus.length ? { zeroStockSkus: skus } : {}),
        },
        { clock, newId: () => nextId('action') },
      );
      account.queued.add(action.id);
      fire(
        action.wholeOrder ? 'cancel-whole' : 'cancel-lines',
        `${action.id} ${order.orderId} ${action.lines.map((l) => l.orderItemId).join(',')}`,
      );
    } catch (error) {
      if (!(error instanceof CancelRefusedError)) throw error;
      note(`cancel ${order.orderId} refused: ${error.message}`);
      return;
    }
    await outboxOnce(workerForRun(), account);
  };

  for (const event of schedule.events) {
    trace.push(
      `#${event.n} ${describeEvent(event)} (account ${current.index}, ${new Date(clock.now()).toISOString()})`,
    );
    await execute(event);
  }

  // Quiet tail: no more faults or kills; the alarms keep running until everything has settled.
  trace.push(`quiet from ${new Date(clock.now()).toISOString()}`);
  armedKill = undefined;
  slow.clear();
  moments.length = 0;
  for (const account of accounts) {
    account.sandbox.clearFaults();
    mirrors.get(account.index)!.clear();
  }
  const unsettled: string[] = [];
  for (const account of accounts) {
    life?.end();
    life = undefined;
    current = account;
    const started = clock.now();
    let settled = false;
    while (clock.now() - started <= SETTLE_BOUND_MS) {
      const worker = workerForRun();
      const synced = await syncOnce(worker, account);
      await outboxOnce(worker, account);
      if (synced && (await quiet(await worker.db()))) {
        settled = true;
        break;
      }
      clock.advance(SETTLE_STEP_MS);
    }
    if (!settled) unsettled.push(await whatIsUnsettled(account));
  }
  for (const account of accounts) {
    for (const action of await listActions(await pageDb(account))) {
      trace.push(
        `end: account ${account.index} ${action.id} ${action.orderId} ${action.status}` +
          `${action.feedId ? ` feed ${action.feedId}` : ''}` +
          `${action.suspectedDuplicateFeedIds?.length ? ` noted ${action.suspectedDuplicateFeedIds.join(',')}` : ''}: ${action.resultText ?? ''}`,
      );
    }
  }
  const violations = [
    ...unexpected.map((message) => ({ invariant: 3 as const, message: `a run ${message}` })),
    ...(await checkInvariants({ accounts, unsettled, backfillDays: SIM_BACKFILL_DAYS })),
  ];
  for (const account of accounts) account.pageDb?.close();
  life?.end();
  return { violations, fired, trace, accounts };
}

/** Nothing waits: no action pending, no feed in flight, the sync's searches finished. */
async function quiet(db: OrderDb): Promise<boolean> {
  const work = await outboxWork(db);
  if (work.hasWork || work.pending > 0) return false;
  const cursor = await readOrderCursor(db);
  return (
    cursor?.phase === 'incremental' &&
    !cursor.paginationToken &&
    !cursor.catchUp &&
    (cursor.detailFill?.done ?? true) &&
    !(cursor.rereadOrderIds?.length ?? 0)
  );
}

async function whatIsUnsettled(account: SimAccount): Promise<string> {
  const db = await openOrderDb(account.dbName);
  try {
    const work = await outboxWork(db);
    const cursor = await readOrderCursor(db).catch(() => undefined);
    const pending = (await listActions(db, { status: 'pending' })).map((a) => a.id);
    return (
      `account ${account.index}: after ${SETTLE_BOUND_MS / 60_000} quiet minutes, ` +
      `${work.pending} action(s) still pending [${pending.join(', ')}], outbox has work: ${work.hasWork}, ` +
      `sync cursor: ${cursor ? JSON.stringify({ phase: cursor.phase, token: !!cursor.paginationToken, catchUp: !!cursor.catchUp, detailFill: cursor.detailFill?.done, reread: cursor.rereadOrderIds?.length }) : 'none'}`
    );
  } finally {
    db.close();
  }
}
