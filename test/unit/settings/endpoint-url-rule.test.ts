import { endpointUrlRefusal } from '../../../lib/settings/endpoint-url-rule';

// [address, store build, test build]: 'ok' = accepted, anything else = part of the refusal's words.
const TABLE: readonly (readonly [string, string, string])[] = [
  ['https://sellingpartnerapi-na.amazon.com', 'ok', 'ok'],
  ['https://sellingpartnerapi-eu.amazon.com/', 'ok', 'ok'],
  ['https://api.amazon.com/auth/o2/token', 'ok', 'ok'],
  ['  https://api.amazon.com/auth/o2/token  ', 'ok', 'ok'],
  ['http://127.0.0.1:8787', 'Only https://', 'ok'],
  ['http://127.0.0.1:8787/auth/o2/token', 'Only https://', 'ok'],
  ['http://localhost:8787', 'Only https://', 'ok'],
  ['http://localhost', 'Only https://', 'Only https://'],
  ['http://127.0.0.1', 'Only https://', 'Only https://'],
  ['http://10.0.0.1:8787', 'Only https://', 'Only https://'],
  ['http://localhost.evil.example:8787', 'Only https://', 'Only https://'],
  ['http://sellingpartnerapi-na.amazon.com', 'Only https://', 'Only https://'],
  ['ftp://sellingpartnerapi-na.amazon.com', 'Only https://', 'Only https://'],
  ['ftp://127.0.0.1:8787', 'Only https://', 'Only https://'],
  ['javascript:alert(1)', 'Only https://', 'Only https://'],
  ['data:text/plain,hello', 'Only https://', 'Only https://'],
  ['https://evil.example/auth/o2/token', 'evil.example is not one', 'evil.example is not one'],
  ['https://api.amazon.com.evil.example/t', 'not one of them', 'not one of them'],
  ['https://127.0.0.1:8787', 'not one of them', 'not one of them'],
  ['https://user:pw@api.amazon.com/t', 'user names', 'user names'],
  ['sellingpartnerapi-na.amazon.com', 'Enter a full URL', 'Enter a full URL'],
];

describe('endpointUrlRefusal (Settings → Advanced addresses)', () => {
  it.each(TABLE)('%s: store build %s, test build %s', (url, store, test) => {
    for (const [testBuild, expected] of [
      [false, store],
      [true, test],
    ] as const) {
      const refusal = endpointUrlRefusal(url, testBuild);
      if (expected === 'ok') expect(refusal).toBeUndefined();
      else expect(refusal).toContain(expected);
    }
  });

  it('says the local sandbox addresses only in the test build', () => {
    expect(endpointUrlRefusal('ftp://x.example', false)).toBe('Only https:// addresses are allowed.');
    expect(endpointUrlRefusal('ftp://x.example', true)).toMatch(/127\.0\.0\.1:<port>.*localhost:<port>/);
  });
});
