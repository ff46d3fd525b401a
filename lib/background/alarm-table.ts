import { BUYER_REQUEST_ALARM } from './jobs/buyer-request-job';
import { OUTBOX_ALARM } from './jobs/outbox-job';
import { SYNC_ALARM } from './jobs/sync-job';

export type AlarmName = typeof SYNC_ALARM | typeof OUTBOX_ALARM | typeof BUYER_REQUEST_ALARM;

/** Every alarm the background arms, with what it starts; a missing entry is a type error. */
export type AlarmTable = Readonly<Record<AlarmName, () => void>>;

/** Runs the handler of a fired alarm. An alarm no job owns (one a removed job left) is ignored. */
export function dispatchAlarm(table: AlarmTable, name: string): void {
  if (Object.hasOwn(table, name)) table[name as AlarmName]();
}
