/**
 * The store listing's text, read from store/listing.md: one file holds both descriptions so the
 * Chrome Web Store, Firefox Add-ons and the manifest's summary cannot drift apart.
 */

/** The Chrome Web Store's (and the manifest `description`'s) limit for the short description. */
export const SHORT_DESCRIPTION_MAX = 132;
/** The Chrome Web Store's limit for the detailed description. */
export const LONG_DESCRIPTION_MAX = 16_000;

export interface StoreListing {
  readonly short: string;
  readonly long: string;
}

const SHORT_HEADING = 'Short description';
const LONG_HEADING = 'Long description';

/** The text under `## <heading>` up to the next `## ` heading, trimmed; undefined when absent. */
function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^##?\s/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
}

/** Problems with the two descriptions as the stores would see them; empty when both are fine. */
export function listingProblems(listing: { short?: string; long?: string }): string[] {
  const problems: string[] = [];
  const { short, long } = listing;
  if (short === undefined) {
    problems.push(`The "## ${SHORT_HEADING}" section is missing.`);
  } else if (short === '') {
    problems.push(`The "## ${SHORT_HEADING}" section is empty.`);
  } else {
    if (short.includes('\n')) problems.push(`The short description must be one line; it has several.`);
    if (short.length > SHORT_DESCRIPTION_MAX) {
      problems.push(
        `The short description is ${short.length} characters; the stores allow at most ${SHORT_DESCRIPTION_MAX}. Shorten it by ${short.length - SHORT_DESCRIPTION_MAX}.`,
      );
    }
  }
  if (long === undefined) {
    problems.push(`The "## ${LONG_HEADING}" section is missing.`);
  } else if (long === '') {
    problems.push(`The "## ${LONG_HEADING}" section is empty.`);
  } else if (long.length > LONG_DESCRIPTION_MAX) {
    problems.push(
      `The long description is ${long.length} characters; the Chrome Web Store allows at most ${LONG_DESCRIPTION_MAX}.`,
    );
  }
  return problems;
}

/** Parses listing.md into its two descriptions; throws one plain message naming every problem. */
export function parseStoreListing(markdown: string): StoreListing {
  const short = section(markdown, SHORT_HEADING);
  const long = section(markdown, LONG_HEADING);
  const problems = listingProblems({ short, long });
  if (problems.length > 0 || short === undefined || long === undefined) {
    throw new Error(`store/listing.md cannot be used:\n- ${problems.join('\n- ')}`);
  }
  return { short, long };
}
