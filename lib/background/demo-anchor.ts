import { z } from '../zod';
import { declareItem } from '../storage/declared-item';
import { STORAGE_KEYS } from '../storage/storage-keys';

/** The demo's start time, kept so the demo's orders stay where they were across worker restarts. */
const demoAnchorItem = declareItem<number | null>({
  key: STORAGE_KEYS.demoAnchorMs.key,
  schema: z.number().nullable(),
  fallback: null,
  version: 1,
  migrations: {},
});

/** The stored demo anchor, or `now` stored as the anchor when there is none (or it no longer parses). */
export async function demoAnchorMs(now: number): Promise<number> {
  const stored = await demoAnchorItem.get();
  if (stored !== null) return stored;
  await demoAnchorItem.set(now);
  return now;
}
