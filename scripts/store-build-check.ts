/**
 * What a store reviewer checks first, checked on the built store packages: every permission, host
 * permission and content script match has its row in the README's Permissions table (and no row is
 * left over), the manifests say the listing's short description, the zips are named with the
 * version and hold the manifests just built, the changelog has that version, and the privacy policy is linked. Pure:
 * the built files' text comes in, the problems go out.
 */
import { z } from '../lib/zod';

export const builtManifestSchema = z.looseObject({
  name: z.string(),
  version: z.string(),
  description: z.string(),
  permissions: z.array(z.string()).default([]),
  host_permissions: z.array(z.string()).default([]),
  content_scripts: z.array(z.looseObject({ matches: z.array(z.string()) })).default([]),
  browser_specific_settings: z
    .looseObject({
      gecko: z.looseObject({
        data_collection_permissions: z
          .looseObject({ required: z.array(z.string()).optional(), optional: z.array(z.string()).optional() })
          .optional(),
      }),
    })
    .optional(),
});
export type BuiltManifest = z.infer<typeof builtManifestSchema>;

/** The Chrome Web Store's limit for the manifest description (and the listing's short description). */
export const CHROME_DESCRIPTION_LIMIT = 132;

/** The first cell of each row of the README's `## Permissions` table, without its backticks. */
export function permissionRows(readme: string): string[] {
  const section = readme.split(/^## Permissions\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1] ?? '');
}

export interface StoreBuild {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly chrome: BuiltManifest;
  readonly firefox: BuiltManifest;
  readonly readme: string;
  readonly changelog: string;
  readonly privacyPolicyExists: boolean;
  /** store/listing.md's short description, which the manifests must carry. */
  readonly listingShort: string;
  /** File names in .output. */
  readonly outputFiles: readonly string[];
  /** manifest.json inside each zip (undefined: no zip or none in it), beside the built folder's. */
  readonly zippedManifests: { readonly chrome?: string; readonly firefox?: string };
  readonly builtManifestTexts: { readonly chrome: string; readonly firefox: string };
}

export function problemsWithStoreBuild(build: StoreBuild): string[] {
  const problems: string[] = [];
  const rows = permissionRows(build.readme);
  const asked = new Set<string>();
  for (const [browser, manifest] of [
    ['Chrome', build.chrome],
    ['Firefox', build.firefox],
  ] as const) {
    if (manifest.version !== build.packageVersion) {
      problems.push(
        `The ${browser} manifest says version ${manifest.version}, package.json ${build.packageVersion}.`,
      );
    }
    if (manifest.description.length > CHROME_DESCRIPTION_LIMIT) {
      problems.push(
        `The ${browser} manifest description has ${manifest.description.length} characters; the Chrome Web Store allows ${CHROME_DESCRIPTION_LIMIT}.`,
      );
    }
    // A content script's matches give it the page as a host permission would: each needs its row too.
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    for (const entry of [...manifest.permissions, ...manifest.host_permissions, ...matches]) asked.add(entry);
    if (manifest.description !== build.listingShort) {
      problems.push(
        `The ${browser} manifest description is not store/listing.md's short description: build again (npm run build, npm run build:firefox).`,
      );
    }
  }
  for (const entry of asked) {
    if (!rows.includes(entry))
      problems.push(`README "## Permissions" has no row for \`${entry}\`: say why it is needed.`);
  }
  for (const row of rows) {
    if (!asked.has(row))
      problems.push(
        `README "## Permissions" has a row for \`${row}\`, which the store build does not ask for.`,
      );
  }
  const declared = build.firefox.browser_specific_settings?.gecko.data_collection_permissions;
  if (!declared?.required?.length) {
    problems.push(
      'The Firefox manifest does not declare browser_specific_settings.gecko.data_collection_permissions.',
    );
  }
  for (const browser of ['chrome', 'firefox', 'sources']) {
    const zip = `${build.packageName}-${build.packageVersion}-${browser}.zip`;
    if (!build.outputFiles.includes(zip)) problems.push(`No ${zip} in .output: run npm run zip.`);
  }
  for (const browser of ['chrome', 'firefox'] as const) {
    const zipped = build.zippedManifests[browser];
    if (zipped !== undefined && zipped !== build.builtManifestTexts[browser]) {
      problems.push(`The ${browser} zip holds an older build than .output/${browser}-mv3: run npm run zip.`);
    }
  }
  if (
    !new RegExp(`^## \\[${build.packageVersion.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(
      build.changelog,
    )
  ) {
    problems.push(
      `CHANGELOG.md has no "## [${build.packageVersion}] - YYYY-MM-DD" section for this version.`,
    );
  }
  if (!build.privacyPolicyExists) problems.push('There is no PRIVACY.md.');
  if (!/\]\(PRIVACY\.md\)/.test(build.readme)) problems.push('The README does not link PRIVACY.md.');
  return problems;
}
