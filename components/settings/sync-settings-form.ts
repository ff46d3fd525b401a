import type { Settings } from '../../lib/settings/settings-schema';

export interface SyncSettingsFormValues {
  readonly allowOrderDownload: boolean;
  readonly allowFulfillmentUpload: boolean;
  readonly syncIntervalMinutes: string;
  readonly backfillDays: string;
  readonly importNonAmazonOrders: boolean;
}

export type SyncSettingsErrors = Partial<Record<'syncIntervalMinutes' | 'backfillDays', string>>;

export type SyncSettingsPatch = Pick<
  Settings,
  | 'allowOrderDownload'
  | 'allowFulfillmentUpload'
  | 'syncIntervalMinutes'
  | 'backfillDays'
  | 'importNonAmazonOrders'
>;

export function syncSettingsFormFrom(settings: Settings): SyncSettingsFormValues {
  return {
    allowOrderDownload: settings.allowOrderDownload,
    allowFulfillmentUpload: settings.allowFulfillmentUpload,
    syncIntervalMinutes: String(settings.syncIntervalMinutes),
    backfillDays: String(settings.backfillDays),
    importNonAmazonOrders: settings.importNonAmazonOrders,
  };
}

function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export function validateSyncSettingsForm(
  values: SyncSettingsFormValues,
): { ok: true; patch: SyncSettingsPatch } | { ok: false; errors: SyncSettingsErrors } {
  const interval = wholeNumberIn(values.syncIntervalMinutes, 5, 60);
  const backfill = wholeNumberIn(values.backfillDays, 1, 90);
  const errors: SyncSettingsErrors = {};
  if (interval === undefined) errors.syncIntervalMinutes = 'Choose a whole number of minutes from 5 to 60';
  if (backfill === undefined) errors.backfillDays = 'Choose a whole number of days from 1 to 90';
  if (interval === undefined || backfill === undefined) return { ok: false, errors };
  return {
    ok: true,
    patch: {
      allowOrderDownload: values.allowOrderDownload,
      allowFulfillmentUpload: values.allowFulfillmentUpload,
      syncIntervalMinutes: interval,
      backfillDays: backfill,
      importNonAmazonOrders: values.importNonAmazonOrders,
    },
  };
}
