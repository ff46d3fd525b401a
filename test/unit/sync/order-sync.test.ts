import { lastUpdatedAt, statusAt } from '../../../lib/sandbox/order-timeline';
import { LwaError, SpApiNetworkError } from '../../../lib/sp-api/errors';
import {
  getAllOrders,
  listQuarantine,
  listReports,
  readOrderCursor,
  type OrderSyncCursor,
} from '../../../lib/store';
import { OrderReportFailedError, REPORT_BATCH_SIZE } from '../../../lib/sync/backfill-report';
import { createHarness, type Harness } from './order-sync-harness';

const HOUR = 60 * 60_000;

let harness: Harness;

afterEach(async () => {
  await harness?.close();
});

/**
 * What the store must hold once the cursor says it is complete up to C: every sandbox order of the
 * window (last updated at or after the backfill start, as of C), each in its state as of C.
 */
async function expectStoreMatchesSandbox(h: Harness): Promise<{ cursor: OrderSyncCursor }> {
  const cursor = (await readOrderCursor(h.db))!;
  expect(cursor.phase).toBe('incremental');
  const upTo = Date.parse(cursor.lastUpdatedAfter!);
  const from = Date.parse(cursor.createdAfter!);
  const expected = h.sandbox.dataset.plans.filter(
    (plan) => plan.createdMs <= upTo && lastUpdatedAt(plan, upTo) >= from,
  );
  const stored = await getAllOrders(h.db);
  expect(stored.map((order) => order.orderId).sort()).toEqual(expected.map((plan) => plan.orderId).sort());
  const byId = new Map(stored.map((order) => [order.orderId, order]));
  const wrongStatus = expected.filter((plan) => byId.get(plan.orderId)?.status !== statusAt(plan, upTo));
  expect(wrongStatus.map((plan) => plan.orderId)).toEqual([]);
  for (const order of stored) expect(order.firstReported.at).toBeTruthy();
  return { cursor };
}

/** Report lines carry synthetic item ids; once real ones arrive none may be left next to them. */
async function expectNoMixedItems(h: Harness): Promise<void> {
  const items = await h.db.getAll('orderItems');
  const kinds = new Map<string, Set<boolean>>();
  for (const item of items) {
    const set = kinds.get(item.orderId) ?? new Set<boolean>();
    set.add(item.orderItemId.startsWith('report:'));
    kinds.set(item.orderId, set);
  }
  expect([...kinds].filter(([, set]) => set.size > 1).map(([id]) => id)).toEqual([]);
}

describe('runOrderSync: first run', () => {
  it('backfills the window from the report, then fills open orders in full, without duplicates', async () => {
    harness = await createHarness({ orderCount: 600 });
    const result = await harness.run();
    expect(result.phase).toBe('incremental');
    expect(result.quarantined).toBe(0);
    await expectStoreMatchesSandbox(harness);
    await expectNoMixedItems(harness);

    const stored = await getAllOrders(harness.db);
    const open = stored.filter((order) =>
      ['UNSHIPPED', 'PENDING', 'PARTIALLY_SHIPPED'].includes(order.status),
    );
    expect(open.length).toBeGreaterThan(0);
    // Open orders came back from the Orders API, so their Prime flag is known.
    expect(open.every((order) => order.detailLevel === 'full' && order.isPrime !== undefined)).toBe(true);
    // Orders first seen in the report keep the report as their source even after the search updated them.
    expect(
      stored.some((order) => order.firstReported.source.kind === 'report' && order.detailLevel === 'full'),
    ).toBe(true);
    // The backfill report imports the window's orders: the detail says "initial import", not "first reported".
    const fromReport = stored.filter((order) => order.firstReported.source.kind === 'report');
    expect(fromReport.length).toBeGreaterThan(0);
    expect(
      fromReport.every(
        (order) => 'initialImport' in order.firstReported.source && order.firstReported.source.initialImport,
      ),
    ).toBe(true);

    const [report] = await listReports(harness.db);
    expect(report?.reportType).toBe('GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL');
    expect(new Set(report?.orderIds).size).toBe(report?.orderIds.length);
    expect(report?.newOrderIds.length).toBe(report?.orderIds.length);
    expect(report?.rowCount).toBeGreaterThanOrEqual(report?.orderIds.length ?? 0);
  });

  it('an idle second run costs exactly one SP-API call', async () => {
    harness = await createHarness();
    await harness.run();
    const cursorBefore = await readOrderCursor(harness.db);
    const getOrderBefore = harness.client.calls.byOperation.getOrder ?? 0;
    const second = await harness.run();
    // Beside the poll, only re-reads of orders whose buyer request is open (reread-open-requests.test.ts).
    expect(second.calls - ((harness.client.calls.byOperation.getOrder ?? 0) - getOrderBefore)).toBe(1);
    expect(second.phase).toBe('incremental');
    expect(Date.parse((await readOrderCursor(harness.db))!.lastUpdatedAfter!)).toBeGreaterThanOrEqual(
      Date.parse(cursorBefore!.lastUpdatedAfter!),
    );
  });

  it('backfills 10,000 orders within 40 SP-API calls', async () => {
    harness = await createHarness({ orderCount: 10_000 });
    const result = await harness.run();
    expect(result.calls).toBeLessThanOrEqual(40);
    expect(result.ordersWritten).toBeGreaterThan(5_000);
    await expectStoreMatchesSandbox(harness);
  });

  it('leaves NON_AMAZON orders out when the seller does not import them', async () => {
    harness = await createHarness({ orderCount: 600 });
    const result = await harness.run({
      settings: {
        backfillDays: 30,
        importNonAmazonOrders: false,
        marketplaceIds: harness.sandboxMarketplaces,
      },
    });
    expect(result.skippedNonAmazon).toBeGreaterThan(0);
    const stored = await getAllOrders(harness.db);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((order) => order.channel === 'NON_AMAZON')).toEqual([]);
  });
});

describe('runOrderSync: incremental', () => {
  it('brings new and changed orders with the search as their source', async () => {
    harness = await createHarness({ orderCount: 600 });
    await harness.run();
    const before = new Map((await getAllOrders(harness.db)).map((order) => [order.orderId, order]));
    harness.clock.advance(12 * HOUR);
    const result = await harness.run();
    expect(result.ordersWritten).toBeGreaterThan(0);
    await expectStoreMatchesSandbox(harness);

    const after = await getAllOrders(harness.db);
    const added = after.filter((order) => !before.has(order.orderId));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((order) => order.firstReported.source.kind === 'search')).toBe(true);
    expect(
      added.every(
        (order) =>
          order.firstReported.source.kind === 'search' && order.firstReported.source.syncRunId === 'run-2',
      ),
    ).toBe(true);
    const changed = after.filter(
      (order) => before.has(order.orderId) && before.get(order.orderId)!.status !== order.status,
    );
    expect(changed.length).toBeGreaterThan(0);
    // An order seen before keeps when and where it was first reported.
    for (const order of changed)
      expect(order.firstReported).toEqual(before.get(order.orderId)!.firstReported);
  });

  it('quarantines an order Amazon sent with an unknown status and stores the rest', async () => {
    harness = await createHarness({ orderCount: 600 });
    await harness.run();
    harness.clock.advance(12 * HOUR);
    harness.sandbox.injectFault({ operation: 'searchOrders', kind: 'unknown-enum' });
    const result = await harness.run();
    expect(result.quarantined).toBe(1);
    expect(result.ordersWritten).toBeGreaterThan(1);
    const [record] = await listQuarantine(harness.db);
    expect(record).toMatchObject({ source: 'searchOrders', reference: 'run-2' });
    expect(record?.orderId).toMatch(/^\d{3}-\d{7}-\d{7}$/);
    expect(record?.raw).toContain('TELEPORTED');
    expect((await readOrderCursor(harness.db))?.phase).toBe('incremental');
  });
});

describe('runOrderSync: interruptions', () => {
  it('resumes a report backfill aborted between batches and stores every order once', async () => {
    harness = await createHarness({ orderCount: 2_000 });
    const controller = new AbortController();
    await expect(
      harness.run({
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.phase === 'Saving orders from the report' && progress.done >= REPORT_BATCH_SIZE) {
            controller.abort();
          }
        },
      }),
    ).rejects.toThrow();
    const stopped = await readOrderCursor(harness.db);
    expect(stopped).toMatchObject({ phase: 'backfill-report', reportOrdersDone: REPORT_BATCH_SIZE });
    expect(await harness.db.count('orders')).toBe(REPORT_BATCH_SIZE);

    const resumed = await harness.run();
    // The same report is downloaded again: no second createReport.
    expect(harness.client.calls.byOperation.createReport).toBe(1);
    expect(resumed.phase).toBe('incremental');
    await expectStoreMatchesSandbox(harness);
    await expectNoMixedItems(harness);
    const reports = await listReports(harness.db);
    expect(reports).toHaveLength(1);
    expect(new Set(reports[0]!.orderIds).size).toBe(reports[0]!.orderIds.length);
    // Orders stored before the interruption are still counted as new to this report.
    expect(reports[0]!.newOrderIds).toHaveLength(reports[0]!.orderIds.length);
  });

  it('resumes an open-orders search from its page token after the network failed on page 2', async () => {
    harness = await createHarness({ orderCount: 4_000 });
    const working = harness.transport.current;
    const searchUrls: string[] = [];
    let searchPages = 0;
    harness.transport.current = async (request) => {
      if (new URL(request.url).pathname === '/orders/2026-01-01/orders') {
        searchPages += 1;
        if (searchPages >= 2) throw new TypeError('Failed to fetch');
      }
      return working(request);
    };
    await expect(harness.run()).rejects.toBeInstanceOf(SpApiNetworkError);
    const stopped = await readOrderCursor(harness.db);
    expect(stopped?.phase).toBe('backfill-open-orders');
    expect(stopped?.paginationToken).toBeTruthy();
    const storedBefore = await harness.db.count('orders');
    expect(storedBefore).toBeGreaterThan(0);

    harness.transport.current = async (request) => {
      if (new URL(request.url).pathname === '/orders/2026-01-01/orders') searchUrls.push(request.url);
      return working(request);
    };
    await harness.run();
    expect(new URL(searchUrls[0]!).searchParams.get('paginationToken')).toBe(stopped?.paginationToken);
    await expectStoreMatchesSandbox(harness);
    await expectNoMixedItems(harness);
  });

  it('propagates an LWA failure after committing what was fetched, leaving the cursor in place', async () => {
    harness = await createHarness({ orderCount: 300 });
    await harness.run();
    const cursor = await readOrderCursor(harness.db);
    harness.sandbox.revokeRefreshToken();
    harness.clock.advance(2 * HOUR); // the cached access token has expired
    await expect(harness.run()).rejects.toBeInstanceOf(LwaError);
    expect(await readOrderCursor(harness.db)).toEqual(cursor);
  });

  it('forgets a report Amazon could not produce, so the next run asks for a new one', async () => {
    harness = await createHarness({ orderCount: 300 });
    const client = harness.client;
    const failing = {
      ...client,
      calls: client.calls,
      getReport: async (id: string) => ({
        ...(await client.getReport(id)),
        processingStatus: 'FATAL' as const,
      }),
    };
    await expect(harness.run({ client: failing })).rejects.toBeInstanceOf(OrderReportFailedError);
    const cursor = await readOrderCursor(harness.db);
    expect(cursor?.phase).toBe('backfill-report');
    expect(cursor?.pendingReportId).toBeUndefined();
    await harness.run();
    expect(client.calls.byOperation.createReport).toBe(2);
    await expectStoreMatchesSandbox(harness);
  });

  it('does not start when the signal is already aborted', async () => {
    harness = await createHarness();
    const controller = new AbortController();
    controller.abort();
    await expect(harness.run({ signal: controller.signal })).rejects.toThrow();
    expect(harness.client.calls.total).toBe(0);
  });
});
