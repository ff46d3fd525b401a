/**
 * A stored record with its undefined fields left out: IndexedDB keeps an `undefined` property as
 * present, so records would not compare cleanly and zod's optional fields would see it.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out[key] = field;
  return out as T;
}
