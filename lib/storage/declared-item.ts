import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';
import type { z } from 'zod';
import type { StorageKey } from './storage-keys';

/** Turns the value as version n - 1 stored it into version n's value. */
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
  /** Calls back with the new value (read as get() reads it) on every change; returns the unwatch. */
  watch(listener: (value: T) => void): () => void;
}

/**
 * Declares one stored value on WXT's storage item (its version kept in `<key>$`), with typed reads that
 * migrate first and parse at the edge, so a damaged or foreign value never breaks a view or the worker.
 */
export function declareItem<T>(options: DeclaredItemOptions<T>): DeclaredItem<T> {
  const { key, schema, fallback, version, migrations, salvage } = options;
  const versionKey: StorageItemKey = `${key}$`;

  // Defined on first use, so importing a store touches no storage (WXT starts migrating at definition).
  let defined: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  const item = () => (defined ??= storage.defineItem<unknown>(key, { version, migrations }));

  const read = (stored: unknown): T => {
    if (stored === null || stored === undefined) return fallback;
    const parsed = schema.safeParse(stored);
    if (parsed.success) return parsed.data;
    return salvage ? salvage(stored) : fallback;
  };

  const readStored = async (): Promise<{ value: unknown; storedVersion: number }> => {
    const [stored, meta] = await storage.getItems([key, versionKey]);
    return { value: stored?.value, storedVersion: versionOf(meta?.value) };
  };

  // One migration at a time in this context; WXT's own run at definition swallows a failure, this one throws it.
  let migrating: Promise<void> | undefined;
  const migrate = () =>
    (migrating ??= (async () => {
      await item().getMeta(); // waits for the migration WXT started at definition
      await item().migrate();
    })().finally(() => (migrating = undefined)));

  const current = async (): Promise<unknown> => {
    const stored = await readStored();
    if (stored.value === null || stored.value === undefined || stored.storedVersion >= version) {
      return stored.value;
    }
    await migrate();
    return (await readStored()).value;
  };

  return {
    key,
    fallback,
    async get() {
      return read(await current());
    },
    async set(value) {
      const parsed = schema.parse(value);
      // An older stored value is migrated before it is replaced, so its migration's side effects happen.
      await current();
      // Value and version in one write: WXT's setValue records the version only on a context's first write.
      await storage.setItems([
        { key, value: parsed },
        { key: versionKey, value: { v: version } },
      ]);
      return parsed;
    },
    watch(listener) {
      return item().watch((value) => listener(read(value)));
    },
  };
}

/** The version WXT recorded in `<key>$`; a value stored without one is version 1. */
function versionOf(meta: unknown): number {
  if (meta && typeof meta === 'object' && 'v' in meta && typeof meta.v === 'number') return meta.v;
  return 1;
}
