import { fakeBrowser } from 'wxt/testing';
import { z } from '../../../lib/zod';
import { declareItem, type DeclaredItemOptions } from '../../../lib/storage/declared-item';
import type { StorageKey } from '../../../lib/storage/storage-keys';

// A key of these tests' own, outside the registry, so no real store's item is touched.
const KEY = 'local:declaredItemTest' as StorageKey;

const counterSchema = z.object({ count: z.number().int(), unit: z.string() });
type Counter = z.infer<typeof counterSchema>;

const stored = async () => (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;

describe('declareItem', () => {
  let options: DeclaredItemOptions<Counter>;
  beforeEach(() => {
    fakeBrowser.reset();
    options = {
      key: KEY,
      schema: counterSchema,
      fallback: { count: 0, unit: 'orders' },
      version: 3,
      migrations: {
        // v1 stored a bare number; v2 an object without the unit; v3 names the unit.
        2: (old) => ({ count: old }),
        3: (old) => ({ ...(old as object), unit: 'orders' }),
      },
    };
  });

  it('reads the fallback until a value is saved, then the value, stored with its version', async () => {
    const item = declareItem(options);
    expect(await item.get()).toEqual({ count: 0, unit: 'orders' });
    expect(await item.set({ count: 4, unit: 'orders' })).toEqual({ count: 4, unit: 'orders' });
    expect(await item.get()).toEqual({ count: 4, unit: 'orders' });
    expect(await stored()).toEqual({
      declaredItemTest: { count: 4, unit: 'orders' },
      declaredItemTest$: { v: 3 },
    });
  });

  it('runs every migration from a value stored without a version (version 1), once', async () => {
    const third = vi.fn(options.migrations[3]);
    await fakeBrowser.storage.local.set({ declaredItemTest: 7 });
    const item = declareItem({ ...options, migrations: { ...options.migrations, 3: third } });
    expect(await item.get()).toEqual({ count: 7, unit: 'orders' });
    expect(await stored()).toEqual({
      declaredItemTest: { count: 7, unit: 'orders' },
      declaredItemTest$: { v: 3 },
    });
    expect(await item.get()).toEqual({ count: 7, unit: 'orders' });
    expect(third).toHaveBeenCalledOnce();
  });

  it('runs only the migrations after the stored version, also when the value arrives after first use', async () => {
    const item = declareItem(options);
    expect(await item.get()).toEqual(options.fallback);
    await fakeBrowser.storage.local.set({ declaredItemTest: { count: 9 }, declaredItemTest$: { v: 2 } });
    expect(await item.get()).toEqual({ count: 9, unit: 'orders' });
  });

  it('migrates an older stored value before a write replaces it', async () => {
    const second = vi.fn(options.migrations[2]);
    await fakeBrowser.storage.local.set({ declaredItemTest: 7 });
    const item = declareItem({ ...options, migrations: { ...options.migrations, 2: second } });
    await item.set({ count: 1, unit: 'orders' });
    expect(second).toHaveBeenCalledWith(7);
    expect(await item.get()).toEqual({ count: 1, unit: 'orders' });
  });

  it('throws a failed migration to the reader and leaves the stored value as it was', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({ declaredItemTest: 7 });
    const item = declareItem({
      ...options,
      migrations: {
        ...options.migrations,
        3: () => {
          throw new Error('credential store unavailable');
        },
      },
    });
    await expect(item.get()).rejects.toThrow(/v3 migration failed/);
    expect(await stored()).toEqual({ declaredItemTest: 7 });
    quiet.mockRestore();
  });

  it('reads a stored value that no longer parses as the fallback, or as its salvage', async () => {
    await fakeBrowser.storage.local.set({ declaredItemTest: { count: 'many' }, declaredItemTest$: { v: 3 } });
    expect(await declareItem(options).get()).toEqual({ count: 0, unit: 'orders' });
    const salvage = (value: unknown) => ({ count: -1, unit: JSON.stringify(value) });
    expect(await declareItem({ ...options, salvage }).get()).toEqual({
      count: -1,
      unit: '{"count":"many"}',
    });
  });

  it('reads what a newer version stored when it parses, and the fallback when not, without throwing', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      declaredItemTest: { count: 2, unit: 'x' },
      declaredItemTest$: { v: 4 },
    });
    expect(await declareItem(options).get()).toEqual({ count: 2, unit: 'x' });
    await fakeBrowser.storage.local.set({ declaredItemTest: [2, 'x'] });
    expect(await declareItem(options).get()).toEqual(options.fallback);
    quiet.mockRestore();
  });

  it('refuses to write a value that does not parse', async () => {
    const item = declareItem(options);
    await expect(item.set({ count: 1.5, unit: 'orders' })).rejects.toThrow();
    expect(await stored()).toEqual({});
  });

  it('tells watchers every change, read as get() reads it, until unwatched', async () => {
    const item = declareItem(options);
    const seen: Counter[] = [];
    const unwatch = item.watch((value) => seen.push(value));
    await item.set({ count: 1, unit: 'orders' });
    await fakeBrowser.storage.local.set({ declaredItemTest: 'damaged' });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen).toEqual([{ count: 1, unit: 'orders' }, options.fallback]);
    unwatch();
    await item.set({ count: 2, unit: 'orders' });
    expect(seen).toHaveLength(2);
  });
});
