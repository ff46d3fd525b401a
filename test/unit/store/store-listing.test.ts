import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LONG_DESCRIPTION_MAX,
  SHORT_DESCRIPTION_MAX,
  parseStoreListing,
} from '../../../scripts/store-listing';

const listing = (short: string, long: string) =>
  `# Store listing\n\nIntro.\n\n## Short description\n\n${short}\n\n## Long description\n\n${long}\n`;

describe('store listing text (store/listing.md)', () => {
  it('reads the short and the long description, each without its heading', () => {
    const parsed = parseStoreListing(
      listing('Orders in your browser.', 'First line.\n\n- A point\n- Another'),
    );
    expect(parsed).toEqual({ short: 'Orders in your browser.', long: 'First line.\n\n- A point\n- Another' });
  });

  it('stops a section at the next heading', () => {
    const text = `## Long description\n\nBody.\n\n## Short description\n\nShort.\n\n## Notes\n\nNot listed.\n`;
    expect(parseStoreListing(text)).toEqual({ short: 'Short.', long: 'Body.' });
  });

  it('accepts a short description of exactly the limit and names the excess above it', () => {
    expect(parseStoreListing(listing('a'.repeat(SHORT_DESCRIPTION_MAX), 'Body.')).short).toHaveLength(
      SHORT_DESCRIPTION_MAX,
    );
    expect(() => parseStoreListing(listing('a'.repeat(SHORT_DESCRIPTION_MAX + 3), 'Body.'))).toThrow(
      /short description is 135 characters; the stores allow at most 132\. Shorten it by 3/,
    );
  });

  it('refuses a missing, empty or multi-line section with a message naming it', () => {
    expect(() => parseStoreListing('## Long description\n\nBody.\n')).toThrow(
      /"## Short description" section is missing/,
    );
    expect(() => parseStoreListing(listing('Short.', ''))).toThrow(/"## Long description" section is empty/);
    expect(() => parseStoreListing(listing('One\ntwo', 'Body.'))).toThrow(/must be one line/);
    expect(() => parseStoreListing(listing('Short.', 'x'.repeat(LONG_DESCRIPTION_MAX + 1)))).toThrow(
      /long description is 16001 characters/,
    );
  });

  it('the checked-in listing passes, and says refunds are not in yet rather than claiming them', () => {
    const parsed = parseStoreListing(
      readFileSync(join(import.meta.dirname, '../../../store/listing.md'), 'utf8'),
    );
    expect(parsed.short.length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX);
    expect(parsed.long).toMatch(/Refunds and returns are not in the order manager yet/);
  });
});
