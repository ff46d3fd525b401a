/**
 * Text for an XML element body. Escapes markup characters and drops characters XML 1.0 cannot
 * carry at all (control characters, lone surrogates), so no text from a buyer or Amazon can break
 * or restructure a feed.
 */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
