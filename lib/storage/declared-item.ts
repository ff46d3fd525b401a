import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { errorMessage } from '../error-message';
import type { StorageKey } from './storage-keys';

/** Turns the value as version n - 1 stored it into version n's value (may be async; undefined keeps it). */
export type StorageMigration = (stored: unknown) => unknown;

export interface DeclaredItemOptions<T> {
  /** One of STORAGE_KEYS (storage-keys.ts), e.g. 'local:settings'. */
  key: StorageKey;
  /** Parses what storage holds at the current version; a value that does not parse never reaches a caller. */
  schema: z.ZodType<T>;
  /** What a missing value reads as. */
  fallback: T;
  /** Version of the stored shape: 1 is the shape stored before items were declared (no `<key>$` yet). */
  version: number;
  /** migrations[n] turns version n - 1's value into version n's; each has a fixture test. */
  migrations: Record<number, StorageMigration>;
  /** What a stored value that no longer parses reads as; the fallback when not given. */
  salvage?: (stored: unknown) => T;
}

/** A stored value with its shape declared once: every read parsed, every write checked and versioned. */
export interface DeclaredItem<T> {
  readonly key: StorageKey;
  readonly fallback: T;
  /** The stored value, migrated to the current version first; the fallback (or salvage) when it does not parse. */
  get(): Promise<T>;
  /** Writes a value that parses (else throws), with the current version, and returns what was written. */
  set(value: T): Promise<T>;
  /**
   * Reads, changes and writes the value, one update at a time in this context, so two quick updates
   * never undo each other. `change` returning the value it was given writes nothing.
   */
  update(change: (value: T) => T): Promise<T>;
  /** Calls back with the new value (read as get() reads it) on every change; returns the unwatch. */
  watch(listener: (value: T) => void): () => void;
}

export class StorageMigrationError extends Error {
  override name = 'StorageMigrationError';
}

/**
 * Declares one stored value the way WXT's `storage.defineItem` does (same layout: the value under its
 * name, its version in `<name>$` as `{ v }`), with typed reads that migrate first and parse at the
 * edge, so a damaged or foreign value never breaks a view or the worker. Written on `browser.storage`
 * directly rather than on @wxt-dev/storage: that library added 4 KB gzip to the popup and the
 * background for what is about forty lines here, and its migration run at definition only logs a
 * failure, where this one throws it to the reader.
 */
export function declareItem<T>(options: DeclaredItemOptions<T>): DeclaredItem<T> {
  const { key, schema, fallback, version, migrations, salvage } = options;
  const [area, name] = splitKey(key);
  const versionName = `${name}$`;
  const storageArea = () => browser.storage[area];

  const read = (stored: unknown): T => {
    if (stored === null || stored === undefined) return fallback;
    const parsed = schema.safeParse(stored);
    if (parsed.success) return parsed.data;
    return salvage ? salvage(stored) : fallback;
  };

  const readStored = async (): Promise<{ value: unknown; storedVersion: number }> => {
    const stored = await storageArea().get([name, versionName]);
    return { value: stored[name], storedVersion: versionOf(stored[versionName]) };
  };

  // One migration at a time in this context. A worker killed mid-way stored nothing: the value and its
  // version are written together, so the next read runs the same migrations again (they are idempotent).
  let migrating: Promise<unknown> | undefined;
  const migrate = () =>
    (migrating ??= (async () => {
      const { value, storedVersion } = await readStored();
      if (value === null || value === undefined || storedVersion >= version) return value;
      let migrated = value;
      for (let next = storedVersion + 1; next <= version; next++) {
        const step = migrations[next];
        if (!step) continue;
        try {
          migrated = (await step(migrated)) ?? migrated;
        } catch (error) {
          throw new StorageMigrationError(`${key}: v${next} migration failed: ${errorMessage(error)}`, {
            cause: error,
          });
        }
      }
      await storageArea().set({ [name]: migrated, [versionName]: { v: version } });
      return migrated;
    })().finally(() => (migrating = undefined)));

  // Once this context has seen the stored value at the current version (or written it), a write
  // needs no read first: every context runs the same code, so nothing older is stored after that.
  let storedIsCurrent = false;
  const current = async (): Promise<unknown> => {
    const stored = await readStored();
    if (stored.value === null || stored.value === undefined || stored.storedVersion >= version) {
      storedIsCurrent = true;
      return stored.value;
    }
    const migrated = await migrate();
    storedIsCurrent = true;
    return migrated;
  };

  const get = async (): Promise<T> => read(await current());
  const set = async (value: T): Promise<T> => {
    const parsed = schema.parse(value);
    // An older stored value is migrated before it is replaced, so its migration's side effects happen.
    if (!storedIsCurrent) await current();
    await storageArea().set({ [name]: parsed, [versionName]: { v: version } });
    return parsed;
  };

  // Read-modify-write updates are chained, or one read before another's write would undo it.
  let updates: Promise<unknown> = Promise.resolve();

  return {
    key,
    fallback,
    get,
    set,
    update(change) {
      const run = updates.then(async () => {
        const value = await get();
        const next = change(value);
        return next === value ? value : set(next);
      });
      updates = run.catch(() => undefined);
      return run;
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea === area && name in changes) listener(read(changes[name]?.newValue));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

type StorageAreaName = 'local' | 'session' | 'sync';

function splitKey(key: StorageKey): [StorageAreaName, string] {
  const colon = key.indexOf(':');
  const area = key.slice(0, colon);
  if (area !== 'local' && area !== 'session' && area !== 'sync') {
    throw new Error(`Storage key ${key} names no storage area (local:, session: or sync:)`);
  }
  return [area, key.slice(colon + 1)];
}

/** The version recorded in `<name>$`; a value stored without one is version 1. */
function versionOf(meta: unknown): number {
  if (meta && typeof meta === 'object' && 'v' in meta && typeof meta.v === 'number') return meta.v;
  return 1;
}
