import { z } from '../zod';

/** What the popup shows about syncing; written by the background, watched by the views. */
export const syncStatusSchema = z.object({
  running: z.boolean(),
  /** Plain words for the step under way ("Downloading order report", "Fetching updated orders"). */
  phase: z.string().optional(),
  progress: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().optional() })
    .optional(),
  lastSyncAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  nextSyncAt: z.string().optional(),
  lastError: z
    .object({
      message: z.string(),
      code: z.string().optional(),
      requestId: z.string().optional(),
      at: z.string(),
    })
    .optional(),
  lastResult: z
    .object({ ordersWritten: z.number().int(), quarantined: z.number().int(), calls: z.number().int() })
    .optional(),
  demo: z.boolean(),
  /**
   * Whether the fill that turns report-level orders into full ones is still under way, as the last
   * finished sync run left the order cursor (absent until a run has said so).
   */
  detailFill: z.enum(['running', 'done']).optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const INITIAL_SYNC_STATUS: SyncStatus = { running: false, demo: true };
