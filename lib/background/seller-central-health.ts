import { z } from '../zod';
import type { Clock } from '../clock';
import {
  applyAnchorReport,
  MAX_MISSING_ANCHORS,
  SELLER_CENTRAL_FEATURES,
  SELLER_CENTRAL_PAGE_KINDS,
  type AnchorReport,
  type MissingAnchor,
} from '../domain/seller-central-health';
import { declareItem } from '../storage/declared-item';
import { STORAGE_KEYS } from '../storage/storage-keys';

const missingAnchorSchema = z.object({
  feature: z.enum(SELLER_CENTRAL_FEATURES),
  page: z.enum(SELLER_CENTRAL_PAGE_KINDS),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

/** Where Seller Central's pages lacked a feature's anchor; kept on this browser only, sent nowhere. */
export const sellerCentralHealthItem = declareItem<readonly MissingAnchor[]>({
  key: STORAGE_KEYS.sellerCentralHealth.key,
  schema: z.array(missingAnchorSchema).max(MAX_MISSING_ANCHORS),
  fallback: [],
  version: 1,
  migrations: {},
  // Records that no longer parse are dropped one by one, not all together.
  salvage: (stored) =>
    (Array.isArray(stored) ? stored : [])
      .flatMap((record) => {
        const parsed = missingAnchorSchema.safeParse(record);
        return parsed.success ? [parsed.data] : [];
      })
      .slice(0, MAX_MISSING_ANCHORS),
});

/** The background's answer to 'seller-central-health': records a miss, or clears it on a placement. */
export async function recordSellerCentralHealth(
  report: AnchorReport,
  clock: Pick<Clock, 'now'>,
): Promise<{ ok: true }> {
  // Several Seller Central tabs report at once: update() takes them one at a time.
  await sellerCentralHealthItem.update((records) =>
    applyAnchorReport(records, report, new Date(clock.now()).toISOString()),
  );
  return { ok: true };
}
