import { ManualClock } from '../../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS, type Sandbox, type SandboxOptions } from '../../../lib/sandbox';
import { createSpApiClient, type SpApiClient, type Transport } from '../../../lib/sp-api/client';
import { deleteOrderDb, openOrderDb, type OrderDb } from '../../../lib/store';
import { runOrderSync } from '../../../lib/sync/order-sync';
import type { OrderSyncContext } from '../../../lib/sync/order-sync-context';
import { createResponseCheck } from '../../contract/sandbox-response-check';

export const MARKETPLACE_IDS = ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1F83G8C2ARO7P', 'A1PA6795UKMFR9'];
export const START_MS = Date.parse('2026-06-01T12:00:00Z');

export interface Harness {
  clock: ManualClock;
  sandbox: Sandbox;
  client: SpApiClient;
  db: OrderDb;
  /** Replaceable, so a test can break the network mid-sync. */
  transport: { current: Transport };
  sandboxMarketplaces: string[];
  run(overrides?: Partial<OrderSyncContext>): ReturnType<typeof runOrderSync>;
  close(): Promise<void>;
}

let dbCounter = 0;

export async function createHarness(
  options: {
    orderCount?: number;
    seed?: number;
    dbName?: string;
    buyerCancellationRequests?: SandboxOptions['buyerCancellationRequests'];
  } = {},
): Promise<Harness> {
  const clock = new ManualClock(START_MS);
  // Every response these sync tests provoke must also be a valid Amazon response.
  const check = createResponseCheck();
  const sandbox = createSandbox({
    clock,
    seed: options.seed ?? 7,
    orderCount: options.orderCount ?? 300,
    buyerCancellationRequests: options.buyerCancellationRequests,
    onResponse: check.onResponse,
  });
  const transport = { current: (request: Request) => sandbox.fetch(request) };
  const client = createSpApiClient({
    transport: (request) => transport.current(request),
    clock,
    credentials: SANDBOX_CREDENTIALS,
    endpoints: { spApiBaseUrl: 'https://sandbox.test', lwaTokenUrl: 'https://sandbox.test/auth/o2/token' },
    random: () => 0.5,
    requestTimeoutMs: 0,
  });
  dbCounter += 1;
  const name = options.dbName ?? `order-sync-test-${dbCounter}-${Math.random().toString(36).slice(2)}`;
  const db = await openOrderDb(name);
  let runs = 0;
  return {
    clock,
    sandbox,
    client,
    db,
    transport,
    sandboxMarketplaces: MARKETPLACE_IDS,
    run: (overrides = {}) => {
      runs += 1;
      return runOrderSync({
        client,
        db,
        clock,
        settings: { backfillDays: 30, importNonAmazonOrders: true, marketplaceIds: MARKETPLACE_IDS },
        syncRunId: `run-${runs}`,
        ...overrides,
      });
    },
    close: async () => {
      db.close();
      await deleteOrderDb(name);
      expect(check.violations()).toEqual([]);
    },
  };
}

/**
 * Runs a sync and returns its SP-API calls leaving out getOrder, for tests of the search quota: a
 * cycle also re-reads the orders whose buyer request is open (reread-open-requests.test.ts counts those).
 */
export async function runSearchCalls(h: Harness, overrides?: Partial<OrderSyncContext>): Promise<number> {
  const before = h.client.calls.byOperation.getOrder ?? 0;
  const result = await h.run(overrides);
  return result.calls - ((h.client.calls.byOperation.getOrder ?? 0) - before);
}
