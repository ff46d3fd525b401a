import { MERCHANT_TOKEN_PATTERN, type Settings } from '../settings/settings-schema';
import { ORDER_DB_NAME } from './order-db';

/** Demo orders live in their own database, so they never mix with a seller's real orders. */
export const DEMO_ORDER_DB_NAME = `${ORDER_DB_NAME}-demo`;

/**
 * The database every real account shared before accounts had their own. On the first start after
 * the update it becomes the database of the account then set (see account-registry.ts).
 */
export const LEGACY_ORDER_DB_NAME = ORDER_DB_NAME;

type AccountCredentials = NonNullable<Settings['credentials']>;

/**
 * The account's key: region plus merchant token, e.g. "na-A1B2C3D4E5F6G7". Nothing secret, and only
 * letters, digits and one dash, so it is safe in a database name. Undefined without a merchant token.
 */
export function accountKeyOf(
  credentials: Pick<AccountCredentials, 'region' | 'sellerId'>,
): string | undefined {
  const token = credentials.sellerId?.trim().toUpperCase();
  if (!token || !MERCHANT_TOKEN_PATTERN.test(token)) return undefined;
  return `${credentials.region}-${token}`;
}

/** The database name of a new account (an account that took over the legacy database keeps that). */
export function accountDbNameOf(accountKey: string): string {
  return `${ORDER_DB_NAME}-${accountKey}`;
}
