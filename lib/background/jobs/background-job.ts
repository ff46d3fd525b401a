import type { Clock } from '../../clock';
import type { Settings } from '../../settings/settings-schema';
import type { OrderDb } from '../../store/order-db';
import type { SpApiConnection } from '../sp-api-connection';

/**
 * One piece of scheduled background work (sync, outbox; later buyer requests, shipment upload). The
 * module that creates it owns its alarm name, its schedule, its run body and its "is there work" rule;
 * start-background.ts only registers it.
 */
export interface BackgroundJob<Start extends (...args: never[]) => unknown> {
  /** The alarm this job owns; the alarm table maps it to `onAlarm`. */
  readonly alarm: string;
  /** Runs on every worker start: re-arms (or clears) the alarm and resumes work a killed worker left. */
  heal(settings: Settings): Promise<void>;
  onAlarm(): void;
  /** Runs the job now (single-flight: a run under way is not doubled). */
  readonly start: Start;
  /** Resolves when the run under way (if any) has finished; for tests and shutdown. */
  idle(): Promise<void>;
}

/** What every job is created from, so tests and the simulator can drive jobs without browser globals. */
export interface BackgroundJobDeps {
  readonly clock: Clock;
  loadSettings(): Promise<Settings>;
  /** The SP-API client for these settings (the seller's account, or demo mode). */
  connection(settings: Settings): SpApiConnection;
  /** The open database of the account these settings use. */
  dbFor(settings: Settings): Promise<OrderDb>;
  /** Tells open views that action states (and the orders they touched) changed. */
  announceOutboxChange(): void;
}
