/**
 * One seller account in a simulated run: its sandbox, database and what the seller did. Its own
 * module so the run (simulation.ts) and the checks (invariants.ts) share it without importing each other.
 */
import type { SANDBOX_CREDENTIALS, Sandbox } from '../lib/sandbox';
import type { OrderDb } from '../lib/store';

export interface SimAccount {
  readonly index: number;
  readonly sandbox: Sandbox;
  readonly dbName: string;
  readonly sellerId: string;
  readonly credentials: typeof SANDBOX_CREDENTIALS;
  readonly marketplaceIds: string[];
  /** Marketplaces added during the run, and when (this machine's clock) their catch-up backfill was seen complete. */
  readonly added: { id: string; coveredAtMs?: number }[];
  /** Action ids the seller queued (so none may disappear). */
  readonly queued: Set<string>;
  /** Whether any browser resend of a createFeed reached this account's sandbox. */
  resentCreateFeed: boolean;
  /** The seller's own connection (the order manager page), apart from the worker's. */
  pageDb?: OrderDb;
}
