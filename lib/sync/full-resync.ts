import type { Clock } from '../clock';
import type { OrderDb } from '../store/order-db';
import { requestFullResyncMarker } from '../store/order-cursor';

export interface FullResyncAnswer {
  readonly started: boolean;
  readonly reason?: string;
}

/**
 * "Start a full re-sync": the next sync forgets its saved position and backfills the window again.
 * Stored orders stay (the new backfill merges over them by lastUpdated) and so does every outbox
 * record. The request is kept in the database, so a sync running right now cannot undo it.
 */
export async function startFullResync(deps: {
  readonly db: OrderDb;
  readonly clock: Clock;
  startSync(): Promise<FullResyncAnswer>;
}): Promise<FullResyncAnswer> {
  await requestFullResyncMarker(deps.db, new Date(deps.clock.now()).toISOString());
  const answer = await deps.startSync();
  if (answer.started) return answer;
  return {
    started: false,
    reason: `${answer.reason ?? 'The sync could not start now.'} The full re-sync will run with the next sync.`,
  };
}
