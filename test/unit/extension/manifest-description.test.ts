import packageJson from '../../../package.json';
import config from '../../../wxt.config';

type ManifestOf = (env: { browser: string }) => { description?: string };

describe('what the extension says it does', () => {
  const manifestOf = config.manifest as unknown as ManifestOf;

  it.each(['chrome', 'firefox'])('the %s manifest names what it does today and no refunds', (browser) => {
    const description = manifestOf({ browser }).description ?? '';
    expect(description).not.toMatch(/refund/i);
    expect(description).toMatch(/sync/i);
    expect(description).toMatch(/cancel/i);
    // Chrome Web Store and AMO cut descriptions at 132 characters.
    expect(description.length).toBeLessThanOrEqual(132);
  });

  it('the package description promises no refunds either', () => {
    expect(packageJson.description).not.toMatch(/refund/i);
  });
});
