import { z } from 'zod';

export const REGIONS = ['na', 'eu', 'fe'] as const;
export type Region = (typeof REGIONS)[number];

/** The seller's own private SP-API app, self-authorised in Seller Central. */
export const credentialsSchema = z.object({
  clientId: z.string().trim().min(1, 'LWA client id is required'),
  clientSecret: z.string().trim().min(1, 'LWA client secret is required'),
  refreshToken: z.string().trim().min(1, 'Refresh token is required'),
  region: z.enum(REGIONS),
  marketplaceIds: z.array(z.string().trim().min(1)).min(1, 'Choose at least one marketplace'),
  /** Merchant token, needed by order feeds (cancel, refund). */
  sellerId: z.string().trim().optional(),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/** Points the client at another origin, e.g. the local SP-API sandbox server in tests. */
export const endpointOverrideSchema = z.object({
  spApiBaseUrl: z.url(),
  lwaTokenUrl: z.url(),
});
export type EndpointOverride = z.infer<typeof endpointOverrideSchema>;

export const settingsSchema = z.object({
  credentials: credentialsSchema.nullable().default(null),
  endpointOverride: endpointOverrideSchema.nullable().default(null),
  allowOrderDownload: z.boolean().default(true),
  allowFulfillmentUpload: z.boolean().default(true),
  syncIntervalMinutes: z.number().int().min(5).max(60).default(30),
  backfillDays: z.number().int().min(1).max(90).default(30),
  importNonAmazonOrders: z.boolean().default(true),
  /** "Allow zeroing out inventory when cancelling": offers a stock-to-0 patch for NoInventory cancels. */
  allowZeroStockOnCancel: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Demo mode: no credentials yet, so the in-extension sandbox answers instead of Amazon. */
export function isDemoMode(settings: Settings): boolean {
  return settings.credentials === null;
}
