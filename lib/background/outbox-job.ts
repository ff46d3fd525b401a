import type { Settings } from '../settings/settings-schema';
import type { SpApiConnection } from './sp-api-connection';

export interface OutboxJobDeps {
  loadSettings(): Promise<Settings>;
  connection(settings: Settings): SpApiConnection;
  /** Sends what is pending; resolves with how many actions still wait for Amazon. */
  run(input: {
    connection: SpApiConnection;
    settings: Settings;
    signal: AbortSignal;
  }): Promise<{ pending: number }>;
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
          const { pending } = await deps.run({ connection, settings, signal: new AbortController().signal });
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
