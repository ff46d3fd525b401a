/**
 * One life of the extension's service worker in the simulator: its own SP-API client and database
 * connection, and a count of the awaits its runs pass (each request sent, each answer received, each
 * committed transaction). A kill armed at point n ends the life there: the connection closes, so
 * nothing after that point is stored, and every later request or sleep of the dead worker fails
 * without reaching Amazon. What survives is exactly what a killed service worker leaves behind.
 */
import type { Clock, ManualClock } from '../lib/clock';
import { openOrderDb, type OrderDb } from '../lib/store';
import { createSpApiClient, type SpApiClient } from '../lib/sp-api/client';
import { SpApiNetworkError } from '../lib/sp-api/errors';
import { hashSeed, mulberry32 } from '../lib/sandbox/prng';
import { SandboxConnectionDropped, type Sandbox, type SANDBOX_CREDENTIALS } from '../lib/sandbox';
import type { TransportFault } from './schedule';

/** Thrown into a dead worker's code; it never reaches Amazon or storage. */
export class WorkerKilled extends Error {
  override name = 'WorkerKilled';
}

/** The client's request timeout: a slow answer lands after it, once the request was aborted. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** Transport faults the simulator applies itself (the sandbox applies the rest). */
export interface TransportFaults {
  /** The next `slow` fault queued for this operation, taken. */
  takeSlow(operation: string): boolean;
  /** A fault took effect (for the coverage table and the trace). */
  fired(fault: TransportFault | 'kill', detail: string): void;
}

export interface WorkerLifeOptions {
  readonly sandbox: Sandbox;
  readonly clock: ManualClock;
  readonly dbName: string;
  readonly faults: TransportFaults;
  readonly seed: number;
  readonly credentials: typeof SANDBOX_CREDENTIALS;
  /** Die at this await point (1-based; counting only points whose name holds `target`, if given). */
  readonly killAt?: { readonly atPoint: number; readonly target?: string };
  readonly operationOf: (request: Request) => string;
  /** The world moving just as a request goes out (world events armed for that moment). */
  readonly beforeRequest?: (operation: string) => Promise<void>;
}

const ORIGIN = 'https://sandbox.sim.invalid';

export class WorkerLife {
  dead = false;
  points = 0;
  /** Points whose name holds the kill's target. */
  aimedPoints = 0;
  /** Transactions begun and not yet finished: a killed worker's are aborted, never committed. */
  readonly #open = new Set<{ abort(): void }>();
  killedAt?: string;
  readonly client: SpApiClient;
  readonly clock: Clock;
  #db?: OrderDb;
  #dbProxy?: OrderDb;

  constructor(private readonly options: WorkerLifeOptions) {
    const manual = options.clock;
    // A dead worker sleeps no more: its retries never move time for the living.
    this.clock = {
      now: () => manual.now(),
      sleep: (ms, signal) =>
        this.dead ? Promise.reject(new WorkerKilled('dead')) : manual.sleep(ms, signal),
    };
    this.client = createSpApiClient({
      transport: (request) => this.#send(request),
      clock: this.clock,
      credentials: options.credentials,
      endpoints: { spApiBaseUrl: ORIGIN, lwaTokenUrl: `${ORIGIN}/auth/o2/token` },
      random: mulberry32(hashSeed(options.seed, 0xc1e7)),
      // Timeouts are simulated (the `slow` fault) on the manual clock; real timers would break determinism.
      requestTimeoutMs: 0,
    });
  }

  /** This life's connection, wrapped so each committed transaction is an await point. */
  async db(): Promise<OrderDb> {
    if (this.dead) throw new WorkerKilled('dead');
    if (!this.#dbProxy) {
      this.#db = await openOrderDb(this.options.dbName);
      this.#dbProxy = this.#wrapDb(this.#db);
    }
    return this.#dbProxy;
  }

  /** The worker stops (idle timeout, or the browser closing); nothing more of it runs. */
  end(): void {
    this.dead = true;
    for (const tx of this.#open) {
      try {
        tx.abort();
      } catch {
        // Already finished.
      }
    }
    this.#open.clear();
    this.#db?.close();
  }

  #point(label: string): void {
    if (this.dead) throw new WorkerKilled('dead');
    this.points += 1;
    const kill = this.options.killAt;
    if (kill?.target !== undefined && label.includes(kill.target)) this.aimedPoints += 1;
    const reached = kill?.target !== undefined ? this.aimedPoints : this.points;
    if (kill !== undefined && reached >= kill.atPoint) {
      this.killedAt = `${label} (await ${this.points})`;
      this.options.faults.fired('kill', this.killedAt);
      this.end();
      throw new WorkerKilled(`killed at ${label}`);
    }
  }

  async #send(request: Request): Promise<Response> {
    const operation = this.options.operationOf(request);
    this.#point(`before ${operation}`);
    const { clock, faults } = this.options;
    await this.options.beforeRequest?.(operation);
    if (faults.takeSlow(operation)) {
      // The client gives up and aborts; Amazon, slow, still acts on the request a little later.
      await clock.sleep(REQUEST_TIMEOUT_MS);
      faults.fired('slow', operation);
      await this.#forward(request, operation).catch(() => undefined);
      throw new SpApiNetworkError(
        operation,
        `timed out: no answer within ${REQUEST_TIMEOUT_MS} ms, so the request was aborted`,
        { timedOut: true },
      );
    }
    const response = await this.#forward(request, operation);
    // The answer arrives; a worker killed now has had Amazon act without learning of it.
    this.#point(`answer of ${operation}`);
    return response;
  }

  /** The request through the network to Amazon, as a browser sends it (faults queued at the sandbox apply). */
  async #forward(request: Request, operation: string): Promise<Response> {
    const { sandbox, faults } = this.options;
    const copy = request.clone();
    try {
      return await sandbox.fetch(request);
    } catch (error) {
      if (!(error instanceof SandboxConnectionDropped)) throw error;
      // What Chromium does with a POST whose reused connection closed unanswered: send it again.
      if (error.phase === 'unanswered') return sandbox.fetch(copy);
      if (error.phase === 'before') faults.fired('drop-before', operation);
      throw error;
    }
  }

  #wrapDb(db: OrderDb): OrderDb {
    const point = (label: string) => this.#point(label);
    const isDead = () => this.dead;
    const open = this.#open;
    const wrapTx = <T extends { abort(): void; done: Promise<void> }>(tx: T): T => {
      open.add(tx);
      tx.done.then(
        () => open.delete(tx),
        () => open.delete(tx),
      );
      return new Proxy(tx, {
        get(target, prop) {
          if (prop === 'done') {
            const done = Reflect.get(target, prop, target) as Promise<void>;
            return done.then(() => point('commit'));
          }
          const value = Reflect.get(target, prop, target) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    return new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return (...args: Parameters<OrderDb['transaction']>) => {
            if (isDead()) throw new WorkerKilled('dead');
            return wrapTx(target.transaction(...args));
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        // idb's shortcuts (get, put, getAllFromIndex, ...) open their transaction through `this`.
        if (typeof prop === 'string' && SHORTCUT.test(prop)) return value.bind(receiver);
        return value.bind(target);
      },
    });
  }
}

const SHORTCUT = /^(get|getKey|getAll|getAllKeys|count|put|add|delete|clear)(FromIndex)?$/;
