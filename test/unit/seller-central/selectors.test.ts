// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchesText } from '../../../lib/seller-central/page-controls';
import * as selectors from '../../../lib/seller-central/selectors';
import type { ExpectedCounts, SavedPage, TextMatcher } from '../../../lib/seller-central/selectors';
import { loadFixture } from './seller-central-page';

const SAVED_PAGES = readdirSync(resolve(import.meta.dirname, '../../fixtures/seller-central'))
  .filter((file) => file.endsWith('.html'))
  .map((file) => file.slice(0, -'.html'.length) as SavedPage)
  .sort();

type Selector = string | TextMatcher;
const exported = selectors as unknown as Record<string, unknown>;

/** Every selector and text matcher in selectors.ts, with the counts declared beside it. */
const table: [string, Selector, ExpectedCounts | undefined][] = Object.keys(exported)
  .filter((name) => !name.endsWith('_') && !Array.isArray(exported[name]))
  .map((name) => [name, exported[name] as Selector, exported[`${name}_`] as ExpectedCounts | undefined]);

/** Every element in the document and its open shadow roots, in order. */
function allElements(root: Document | ShadowRoot = document): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

function count(selector: Selector): number {
  const matches = (element: Element) =>
    typeof selector === 'string' ? element.matches(selector) : matchesText(element, selector);
  return allElements().filter(matches).length;
}

// Refined GitHub's idea: each selector with the number of matches expected on each saved page.
describe('Seller Central selectors on the saved pages', () => {
  it('has a count for every selector on every saved page', () => {
    expect(table.length).toBeGreaterThan(10);
    for (const [name, , counts] of table) {
      expect(counts, `${name}_ is missing`).toBeDefined();
      expect(Object.keys(counts ?? {}).sort(), name).toEqual(SAVED_PAGES);
    }
  });

  const cases = table.flatMap(([name, selector, counts]) =>
    SAVED_PAGES.map((page) => ({ name, selector, page, expected: counts?.[page] })),
  );
  it.each(cases)('$name matches $expected on $page', ({ selector, page, expected }) => {
    loadFixture(`${page}.html`, 'https://sellercentral.amazon.com/');
    expect(count(selector)).toBe(expected);
  });
});
