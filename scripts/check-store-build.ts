/** Checks the built store packages against the README, CHANGELOG.md and PRIVACY.md (store-build-check.ts). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { z } from '../lib/zod';
import { parseStoreListing } from './store-listing';
import { builtManifestSchema, problemsWithStoreBuild } from './store-build-check';

const root = resolve(import.meta.dirname, '..');
const output = join(root, '.output');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const manifestText = (browser: string) => {
  const path = join(output, browser, 'manifest.json');
  if (!existsSync(path)) {
    console.error(`No ${browser} build at ${path}: run npm run build and npm run build:firefox first.`);
    process.exit(1);
  }
  return readFileSync(path, 'utf8');
};
const pkg = z.looseObject({ name: z.string(), version: z.string() }).parse(JSON.parse(read('package.json')));
const zippedManifest = (browser: string): string | undefined => {
  const zip = join(output, `${pkg.name}-${pkg.version}-${browser}.zip`);
  if (!existsSync(zip)) return undefined;
  const files = unzipSync(readFileSync(zip), { filter: (file) => file.name === 'manifest.json' });
  return files['manifest.json'] ? strFromU8(files['manifest.json']) : '';
};
const chromeText = manifestText('chrome-mv3');
const firefoxText = manifestText('firefox-mv3');
const problems = problemsWithStoreBuild({
  packageName: pkg.name,
  packageVersion: pkg.version,
  chrome: builtManifestSchema.parse(JSON.parse(chromeText)),
  firefox: builtManifestSchema.parse(JSON.parse(firefoxText)),
  listingShort: parseStoreListing(read('store/listing.md')).short,
  zippedManifests: { chrome: zippedManifest('chrome'), firefox: zippedManifest('firefox') },
  builtManifestTexts: { chrome: chromeText, firefox: firefoxText },
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
