import { storage } from 'wxt/utils/storage';

/** The demo's start time, kept so the demo's orders stay where they were across worker restarts. */
const demoAnchorItem = storage.defineItem<number | null>('local:demoAnchorMs', { fallback: null });

/** The stored demo anchor, or `now` stored as the anchor when there is none yet. */
export async function demoAnchorMs(now: number): Promise<number> {
  const stored = await demoAnchorItem.getValue();
  if (typeof stored === 'number' && Number.isFinite(stored)) return stored;
  await demoAnchorItem.setValue(now);
  return now;
}
