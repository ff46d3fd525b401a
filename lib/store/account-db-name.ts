import type { Settings } from '../settings/settings-schema';
import { ORDER_DB_NAME } from './order-db';

/** Demo orders live in their own database, so they never mix with a seller's real orders. */
export const DEMO_ORDER_DB_NAME = `${ORDER_DB_NAME}-demo`;

export function orderDbNameFor(settings: Pick<Settings, 'credentials'>): string {
  return settings.credentials === null ? DEMO_ORDER_DB_NAME : ORDER_DB_NAME;
}
