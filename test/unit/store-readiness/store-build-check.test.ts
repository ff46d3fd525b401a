import { describe, expect, it } from 'vitest';
import { permissionRows, problemsWithStoreBuild, type StoreBuild } from '../../../scripts/store-build-check';

const readme = `# X

See [PRIVACY.md](PRIVACY.md).

## Permissions

| Permission | Why |
| --- | --- |
| \`storage\` | settings |
| \`https://sellercentral.amazon.com/*\` | the warning |

## Performance
| \`not-a-permission-row\` | a later table |
`;
const manifest = {
  name: 'Order Manager',
  version: '0.2.0',
  description: 'Short.',
  permissions: ['storage'],
  host_permissions: ['https://sellercentral.amazon.com/*'],
  content_scripts: [{ matches: ['https://sellercentral.amazon.com/*'] }],
};
const build: StoreBuild = {
  packageName: 'om',
  packageVersion: '0.2.0',
  chrome: manifest,
  firefox: {
    ...manifest,
    browser_specific_settings: {
      gecko: { data_collection_permissions: { required: ['authenticationInfo'] } },
    },
  },
  readme,
  changelog: '# Changelog\n\n## [0.2.0] - 2026-12-01\n',
  privacyPolicyExists: true,
  listingShort: 'Short.',
  outputFiles: ['om-0.2.0-chrome.zip', 'om-0.2.0-firefox.zip', 'om-0.2.0-sources.zip', 'chrome-mv3'],
  zippedManifests: { chrome: '{"chrome":1}', firefox: '{"firefox":1}' },
  builtManifestTexts: { chrome: '{"chrome":1}', firefox: '{"firefox":1}' },
};

describe('the store build check', () => {
  it('reads only the rows of the Permissions section', () => {
    expect(permissionRows(readme)).toEqual(['storage', 'https://sellercentral.amazon.com/*']);
  });

  it('passes a build whose every permission is explained, zipped, changelogged and with a privacy policy', () => {
    expect(problemsWithStoreBuild(build)).toEqual([]);
  });

  it('names a permission without a row and a row without a permission', () => {
    const chrome = { ...manifest, permissions: ['storage', 'tabs'] };
    const problems = problemsWithStoreBuild({
      ...build,
      chrome,
      readme: readme.replace('| `storage` | settings |\n', ''),
    });
    expect(problems).toEqual([
      'README "## Permissions" has no row for `storage`: say why it is needed.',
      'README "## Permissions" has no row for `tabs`: say why it is needed.',
    ]);
    expect(
      problemsWithStoreBuild({
        ...build,
        readme: readme.replace('| `storage`', '| `cookies` | x |\n| `storage`'),
      }),
    ).toEqual(['README "## Permissions" has a row for `cookies`, which the store build does not ask for.']);
  });

  it('fails without the version zips, the changelog entry, the privacy policy, or the Firefox data declaration', () => {
    const problems = problemsWithStoreBuild({
      ...build,
      firefox: manifest,
      outputFiles: ['om-0.1.0-chrome.zip'],
      changelog: '## [0.1.0] - 2026-11-26',
      privacyPolicyExists: false,
      readme: readme.replace('[PRIVACY.md](PRIVACY.md)', 'the policy'),
    });
    expect(problems).toEqual([
      'The Firefox manifest does not declare browser_specific_settings.gecko.data_collection_permissions.',
      'No om-0.2.0-chrome.zip in .output: run npm run zip.',
      'No om-0.2.0-firefox.zip in .output: run npm run zip.',
      'No om-0.2.0-sources.zip in .output: run npm run zip.',
      'CHANGELOG.md has no "## [0.2.0] - YYYY-MM-DD" section for this version.',
      'There is no PRIVACY.md.',
      'The README does not link PRIVACY.md.',
    ]);
  });

  it("gives a content script's matches their own rows, as it does host permissions", () => {
    const chrome = {
      ...manifest,
      host_permissions: [],
      content_scripts: [{ matches: ['https://sellercentral.amazon.de/*'] }],
    };
    expect(problemsWithStoreBuild({ ...build, chrome })).toEqual([
      'README "## Permissions" has no row for `https://sellercentral.amazon.de/*`: say why it is needed.',
    ]);
  });

  it('fails a manifest built from another listing text and a zip of an older build', () => {
    const problems = problemsWithStoreBuild({
      ...build,
      listingShort: 'Shorter.',
      zippedManifests: { chrome: '{"chrome":0}', firefox: '{"firefox":1}' },
    });
    expect(problems).toEqual([
      "The Chrome manifest description is not store/listing.md's short description: build again (npm run build, npm run build:firefox).",
      "The Firefox manifest description is not store/listing.md's short description: build again (npm run build, npm run build:firefox).",
      'The chrome zip holds an older build than .output/chrome-mv3: run npm run zip.',
    ]);
  });

  it('fails a description over the Chrome Web Store limit and a version that differs from package.json', () => {
    const chrome = { ...manifest, version: '0.1.0', description: 'x'.repeat(133) };
    expect(problemsWithStoreBuild({ ...build, chrome })).toEqual([
      'The Chrome manifest says version 0.1.0, package.json 0.2.0.',
      'The Chrome manifest description has 133 characters; the Chrome Web Store allows 132.',
      "The Chrome manifest description is not store/listing.md's short description: build again (npm run build, npm run build:firefox).",
    ]);
  });
});
