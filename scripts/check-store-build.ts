/** Checks the built store packages against the README, CHANGELOG.md and PRIVACY.md (store-build-check.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from '../lib/zod';
import { builtManifestSchema, problemsWithStoreBuild } from './store-build-check';

const root = resolve(import.meta.dirname, '..');
const output = join(root, '.output');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifest = (browser: string) => {
  const path = join(output, browser, 'manifest.json');
  if (!existsSync(path)) {
    console.error(`No ${browser} build at ${path}: run npm run build and npm run build:firefox first.`);
    process.exit(1);
  }
  return builtManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
};
const pkg = z.looseObject({ name: z.string(), version: z.string() }).parse(JSON.parse(read('package.json')));
const problems = problemsWithStoreBuild({
  packageName: pkg.name,
  packageVersion: pkg.version,
  chrome: manifest('chrome-mv3'),
  firefox: manifest('firefox-mv3'),
  readme: read('README.md'),
  changelog: existsSync(join(root, 'CHANGELOG.md')) ? read('CHANGELOG.md') : '',
  privacyPolicyExists: existsSync(join(root, 'PRIVACY.md')),
  outputFiles: readdirSync(output),
});
if (problems.length > 0) {
  console.error(`The store packages are not ready:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `Store packages ${pkg.version}: every permission explained in the README, zips named with the version, CHANGELOG.md and PRIVACY.md in place.`,
);
