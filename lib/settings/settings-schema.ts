import { z } from '../zod';

export const REGIONS = ['na', 'eu', 'fe'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * A merchant token (selling partner id), e.g. A1B2C3D4E5F6G7: upper-case letters and digits. It names
 * the account's database, so nothing else may get into it.
 */
export const MERCHANT_TOKEN_PATTERN = /^[A-Z0-9]{5,32}$/;

const MERCHANT_TOKEN_REQUIRED =
  'Merchant token is required: it tells your accounts apart, and Amazon needs it for cancels';

export const merchantTokenSchema = z
  .string({ error: MERCHANT_TOKEN_REQUIRED })
  .trim()
  .min(1, MERCHANT_TOKEN_REQUIRED)
  .transform((token) => token.toUpperCase())
  .refine((token) => MERCHANT_TOKEN_PATTERN.test(token), {
    message: 'A merchant token is letters and digits only, like A1B2C3D4E5F6G7',
  });

const credentialFields = {
  clientId: z.string().trim().min(1, 'LWA client id is required'),
  clientSecret: z.string().trim().min(1, 'LWA client secret is required'),
  refreshToken: z.string().trim().min(1, 'Refresh token is required'),
  region: z.enum(REGIONS),
  marketplaceIds: z.array(z.string().trim().min(1)).min(1, 'Choose at least one marketplace'),
};

/** Every LWA refresh token starts with this; anything else was copied from the wrong place. */
export const REFRESH_TOKEN_PREFIX = 'Atzr|';

/**
 * The app's credentials as Settings takes them now, less the merchant token: a refresh token must
 * look like one. Only new input is checked so; credentials saved before stay readable.
 */
export const newAppCredentialsSchema = z.object({
  ...credentialFields,
  refreshToken: credentialFields.refreshToken.refine((token) => token.startsWith(REFRESH_TOKEN_PREFIX), {
    message:
      'A refresh token starts with Atzr| — copy the whole token Seller Central shows after Authorize app',
    // "Required" says enough about an empty field.
    when: (payload) => typeof payload.value === 'string' && payload.value.trim() !== '',
  }),
});

/**
 * The seller's own private SP-API app, self-authorised in Seller Central, as Settings saves it now:
 * the merchant token is required (it keys the account's database; order feeds need it too).
 */
export const credentialsSchema = newAppCredentialsSchema.extend({ sellerId: merchantTokenSchema });
export type Credentials = z.infer<typeof credentialsSchema>;

/** Credentials as stored: ones saved before the merchant token was required may lack it. */
export const savedCredentialsSchema = z.object({
  ...credentialFields,
  sellerId: z.string().trim().optional(),
});
export type SavedCredentials = z.infer<typeof savedCredentialsSchema>;

/** Points the client at another origin, e.g. the local SP-API sandbox server in tests. */
export const endpointOverrideSchema = z.object({
  spApiBaseUrl: z.url(),
  lwaTokenUrl: z.url(),
});
export type EndpointOverride = z.infer<typeof endpointOverrideSchema>;

export const settingsSchema = z.object({
  credentials: savedCredentialsSchema.nullable().default(null),
  endpointOverride: endpointOverrideSchema.nullable().default(null),
  allowOrderDownload: z.boolean().default(true),
  allowFulfillmentUpload: z.boolean().default(true),
  syncIntervalMinutes: z.number().int().min(5).max(60).default(30),
  backfillDays: z.number().int().min(1).max(90).default(30),
  importNonAmazonOrders: z.boolean().default(true),
  /** "Allow zeroing out inventory when cancelling": offers a stock-to-0 patch for NoInventory cancels. */
  allowZeroStockOnCancel: z.boolean().default(false),
  // Buyer cancellation request reminders (lib/domain/request-reminders.ts); defaults let older stored settings load.
  remindAt24Hours: z.boolean().default(true),
  remindAt6Hours: z.boolean().default(true),
  remindAt1Hour: z.boolean().default(true),
  /** Turns off every buyer-request notification; the badge still counts open requests. */
  muteBuyerRequestNotifications: z.boolean().default(false),
  /** Hours to answer a buyer's cancellation request: an assumption (Amazon says about two days). */
  buyerRequestWindowHours: z.number().int().min(1).max(168).default(48),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Demo mode: no credentials yet, so the in-extension sandbox answers instead of Amazon. */
export function isDemoMode(settings: Settings): boolean {
  return settings.credentials === null;
}
