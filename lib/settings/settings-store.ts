import { z } from '../zod';
import { declareItem } from '../storage/declared-item';
import { STORAGE_KEYS } from '../storage/storage-keys';
import { loadStoredCredentials, saveStoredCredentials } from './credential-store';
import { credentialsSchema, savedCredentialsSchema, settingsSchema, type Settings } from './settings-schema';

/*
 * Extension pages and the worker only: the credentials come from credential-store.ts, which a
 * content script must never reach. Settings without secrets stay in browser.storage.local.
 */

/** What storage.local holds: the settings less the credentials, plus a mark that changes with them. */
const storedSettingsSchema = settingsSchema.omit({ credentials: true }).extend({
  /** New on every credentials save, so storage.onChanged tells every view the account changed. */
  credentialsRevision: z.string().optional(),
});
type StoredSettings = z.infer<typeof storedSettingsSchema>;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Version 2: the credentials an older version kept inside the stored settings move to the credential
 * store, and the stored settings keep only a new revision mark. A value without them passes unchanged.
 */
export async function migrateCredentialsOutOfStorageLocal(stored: unknown): Promise<unknown> {
  if (!stored || typeof stored !== 'object' || !('credentials' in stored)) return stored;
  const { credentials, ...rest } = stored as Record<string, unknown>;
  const parsed = savedCredentialsSchema.nullable().safeParse(credentials);
  if (parsed.success && parsed.data !== null) await saveStoredCredentials(parsed.data);
  return { ...rest, credentialsRevision: newRevision() };
}

const settingsItem = declareItem<StoredSettings>({
  key: STORAGE_KEYS.settings.key,
  schema: storedSettingsSchema,
  fallback: storedSettingsSchema.parse({}),
  version: 2,
  migrations: { 2: migrateCredentialsOutOfStorageLocal },
  salvage: salvageFields,
});

/** A damaged or older stored value keeps each field that still parses, rather than losing everything. */
function salvageFields(stored: unknown): StoredSettings {
  const salvaged: Record<string, unknown> = {};
  if (stored && typeof stored === 'object') {
    for (const [field, schema] of Object.entries(storedSettingsSchema.shape)) {
      const one = schema.safeParse((stored as Record<string, unknown>)[field]);
      if (one.success) salvaged[field] = one.data;
    }
  }
  return storedSettingsSchema.parse(salvaged);
}

/**
 * Reads the settings, with the credentials merged in from their own store. A stored value that no
 * longer parses (an older or damaged one) falls back to defaults field by field rather than losing
 * everything. Credentials an older version kept in storage.local move to the credential store first.
 */
export async function loadSettings(): Promise<Settings> {
  return withCredentials(await settingsItem.get());
}

async function withCredentials(stored: StoredSettings): Promise<Settings> {
  return settingsSchema.parse({ ...stored, credentials: await loadStoredCredentials() });
}

function newRevision(): string {
  return `${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const storedBefore = await settingsItem.get();
  const current = await withCredentials(storedBefore);
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
  let revision = storedBefore.credentialsRevision;
  if ('credentials' in patch) {
    await saveStoredCredentials(credentials);
    revision = newRevision();
  }
  await settingsItem.set({ ...rest, ...(revision ? { credentialsRevision: revision } : {}) });
  return result.data;
}

/** Calls the listener with the whole settings (credentials merged in) after every saved change. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  let live = true;
  const unwatch = settingsItem.watch(() => {
    void loadSettings().then(
      (settings) => {
        if (live) listener(settings);
      },
      () => undefined,
    );
  });
  return () => {
    live = false;
    unwatch();
  };
}
