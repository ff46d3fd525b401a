import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Every repository file the module reaches through static and dynamic relative imports. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [resolve(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), match[1]!);
      const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
        .map((ext) => target + ext)
        .find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
      if (found && /\.(ts|tsx)$/.test(found)) pending.push(found);
    }
  }
  return new Set([...seen].map((file) => relative(ROOT, file)));
}

describe('the Seller Central content script', () => {
  it('never reaches the credential store or the settings that merge the credentials in', () => {
    const graph = importGraph('entrypoints/seller-central.content.ts');
    expect(graph.size).toBeGreaterThan(5);
    expect(graph).toContain('lib/seller-central/start-seller-central.ts');
    expect(existsSync(resolve(ROOT, 'lib/settings/credential-store.ts'))).toBe(true);
    expect(
      [...graph].filter((file) => file.startsWith('lib/settings/') && !file.endsWith('settings-schema.ts')),
    ).toEqual([]);
  });

  it('is walked for real: the options page does reach the credential store', () => {
    expect(importGraph('entrypoints/options/main.tsx')).toContain('lib/settings/credential-store.ts');
  });
});
