import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings-schema';

const KEY = 'settings';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Reads the settings. A stored value that no longer parses (an older or damaged one) falls back to
 * defaults field by field rather than losing everything.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const salvaged: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [field, schema] of Object.entries(settingsSchema.shape)) {
      const one = schema.safeParse((stored as Record<string, unknown>)[field]);
      if (one.success) salvaged[field] = one.data;
    }
  }
  return settingsSchema.parse(salvaged);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const result = settingsSchema.safeParse({ ...current, ...patch });
  if (!result.success) {
    throw new SettingsError(result.error.issues.map((i) => i.message).join('; '));
  }
  await browser.storage.local.set({ [KEY]: result.data });
  return result.data;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const parsed = settingsSchema.safeParse(changes[KEY]?.newValue ?? {});
    if (parsed.success) listener(parsed.data);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
