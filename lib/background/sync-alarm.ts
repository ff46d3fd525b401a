import { browser } from 'wxt/browser';
import type { Settings } from '../settings/settings-schema';

export const SYNC_ALARM = 'order-sync';

/**
 * (Re)creates the periodic sync alarm. Called at every worker start, so a lost alarm heals itself;
 * an alarm that already has the right period keeps its schedule.
 */
export async function armSyncAlarm(settings: Settings): Promise<void> {
  if (!settings.allowOrderDownload) {
    await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const period = settings.syncIntervalMinutes;
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

export async function nextSyncAt(): Promise<string | undefined> {
  const alarm = await browser.alarms.get(SYNC_ALARM);
  return alarm ? new Date(alarm.scheduledTime).toISOString() : undefined;
}
