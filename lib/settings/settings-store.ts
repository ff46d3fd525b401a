import { browser } from 'wxt/browser';
import { z } from 'zod';
import { loadStoredCredentials, saveStoredCredentials } from './credential-store';
import { credentialsSchema, savedCredentialsSchema, settingsSchema, type Settings } from './settings-schema';

/*
 * Extension pages and the worker only: the credentials come from credential-store.ts, which a
 * content script must never reach. Settings without secrets stay in browser.storage.local.
 */
const KEY = 'settings';

/** What storage.local holds: the settings less the credentials, plus a mark that changes with them. */
const storedSettingsSchema = settingsSchema.omit({ credentials: true }).extend({
  /** New on every credentials save, so storage.onChanged tells every view the account changed. */
  credentialsRevision: z.string().optional(),
});

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Reads the settings, with the credentials merged in from their own store. A stored value that no
 * longer parses (an older or damaged one) falls back to defaults field by field rather than losing
 * everything. Credentials an older version kept in storage.local move to the credential store first.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await migrateCredentialsOutOfStorageLocal((await browser.storage.local.get(KEY))[KEY]);
  const credentials = await loadStoredCredentials();
  return settingsSchema.parse({ ...storedFields(stored), credentials });
}

function storedFields(stored: unknown): Record<string, unknown> {
  if (stored === undefined) return {};
  const parsed = storedSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const salvaged: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [field, schema] of Object.entries(storedSettingsSchema.shape)) {
      const one = schema.safeParse((stored as Record<string, unknown>)[field]);
      if (one.success) salvaged[field] = one.data;
    }
  }
  return salvaged;
}

/** Writes old storage.local credentials to the credential store, then deletes them from storage.local. */
async function migrateCredentialsOutOfStorageLocal(stored: unknown): Promise<unknown> {
  if (!stored || typeof stored !== 'object' || !('credentials' in stored)) return stored;
  const { credentials, ...rest } = stored as Record<string, unknown>;
  const parsed = savedCredentialsSchema.nullable().safeParse(credentials);
  if (parsed.success && parsed.data !== null) await saveStoredCredentials(parsed.data);
  const withoutSecrets = { ...rest, credentialsRevision: newRevision() };
  await browser.storage.local.set({ [KEY]: withoutSecrets });
  return withoutSecrets;
}

function newRevision(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  if (patch.credentials) {
    // New credentials need everything, the merchant token included; older saved ones stay readable.
    const strict = credentialsSchema.safeParse(patch.credentials);
    if (!strict.success) throw new SettingsError(strict.error.issues.map((i) => i.message).join('; '));
    patch = { ...patch, credentials: strict.data };
  }
  const result = settingsSchema.safeParse({ ...current, ...patch });
  if (!result.success) {
    throw new SettingsError(result.error.issues.map((i) => i.message).join('; '));
  }
  const { credentials, ...rest } = result.data;
  const storedBefore = storedFields((await browser.storage.local.get(KEY))[KEY]);
  let revision =
    typeof storedBefore.credentialsRevision === 'string' ? storedBefore.credentialsRevision : undefined;
  if ('credentials' in patch) {
    await saveStoredCredentials(credentials);
    revision = newRevision();
  }
  await browser.storage.local.set({
    [KEY]: { ...rest, ...(revision ? { credentialsRevision: revision } : {}) },
  });
  return result.data;
}

/** Calls the listener with the whole settings (credentials merged in) after every saved change. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  let live = true;
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    void loadSettings().then(
      (settings) => {
        if (live) listener(settings);
      },
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(handler);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(handler);
  };
}
