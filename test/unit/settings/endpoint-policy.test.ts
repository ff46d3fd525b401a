import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clientFor } from '../../../lib/background/sp-api-connection';
import { ManualClock } from '../../../lib/clock';
import {
  allowedEndpointsFor,
  apiHostPermissions,
  endpointRefusal,
  EndpointPolicyError,
  isTestBuild,
} from '../../../lib/sp-api/endpoints';
import { validateCredentialsForm } from '../../../components/settings/credentials-form';

const credentials = {
  clientId: 'amzn1.application-oa2-client.x',
  clientSecret: 'amzn1.oa2-cs.v1.the-client-secret',
  refreshToken: 'Atzr|the-refresh-token',
  region: 'na' as const,
  marketplaceIds: ['ATVPDKIKX0DER'],
  sellerId: 'A1SELLERA',
};

describe('endpoint policy', () => {
  it('is the store build outside a test build', () => {
    expect(isTestBuild()).toBe(false);
  });

  it('lets the store build send credentials over https to Amazon’s SP-API and LWA hosts only', () => {
    expect(endpointRefusal('https://sellingpartnerapi-eu.amazon.com', false)).toBeUndefined();
    expect(endpointRefusal('https://api.amazon.com/auth/o2/token', false)).toBeUndefined();
    expect(endpointRefusal('http://127.0.0.1:8787', false)).toMatch(/https/);
    expect(endpointRefusal('http://sellingpartnerapi-na.amazon.com', false)).toMatch(/Only https/);
    expect(endpointRefusal('https://evil.example/auth/o2/token', false)).toMatch(/evil\.example is not one/);
    expect(endpointRefusal('https://api.amazon.com.evil.example/t', false)).toMatch(/not one of them/);
    expect(endpointRefusal('https://user:pw@api.amazon.com/t', false)).toMatch(/user names/);
  });

  it('lets the test build also use the local sandbox on 127.0.0.1 or localhost over http', () => {
    expect(endpointRefusal('http://127.0.0.1:8787', true)).toBeUndefined();
    expect(endpointRefusal('http://localhost:8787', true)).toBeUndefined();
    expect(endpointRefusal('http://10.0.0.1:8787', true)).toMatch(/Only https/);
  });

  it('checks against the hosts the manifest asks for (one list for both)', () => {
    const permissions = apiHostPermissions(false);
    for (const url of ['https://sellingpartnerapi-fe.amazon.com', 'https://api.amazon.com/auth/o2/token']) {
      expect(permissions).toContain(`https://${new URL(url).host}/*`);
    }
    expect(permissions.some((p) => p.startsWith('http:'))).toBe(false);
    expect(apiHostPermissions(true)).toContain('http://127.0.0.1/*');
    expect(apiHostPermissions(true)).toContain('http://localhost/*');
    expect(readFileSync(resolve(import.meta.dirname, '../../../wxt.config.ts'), 'utf8')).toMatch(
      /apiHostPermissions\(testBuild\)/,
    );
  });

  it('refuses in the client factory too, in words and without the secrets', () => {
    const deps = { clock: new ManualClock(0), fetch: vi.fn<(r: Request) => Promise<Response>>() };
    const override = { spApiBaseUrl: 'https://evil.example', lwaTokenUrl: 'https://evil.example/token' };
    expect(() => clientFor(credentials, override, deps)).toThrow(EndpointPolicyError);
    expect(() => clientFor(credentials, override, deps)).toThrow(/SP-API base URL .* refused/);
    try {
      clientFor(credentials, override, deps);
    } catch (error) {
      expect(String(error)).not.toContain(credentials.clientSecret);
    }
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(allowedEndpointsFor('na', null, false).lwaTokenUrl).toBe('https://api.amazon.com/auth/o2/token');
    expect(
      allowedEndpointsFor(
        'na',
        { spApiBaseUrl: 'http://127.0.0.1:9', lwaTokenUrl: 'http://127.0.0.1:9/t' },
        true,
      ),
    ).toEqual({ spApiBaseUrl: 'http://127.0.0.1:9', lwaTokenUrl: 'http://127.0.0.1:9/t' });
  });

  it('refuses in Settings next to the field', () => {
    const result = validateCredentialsForm({
      ...credentials,
      spApiBaseUrl: 'http://127.0.0.1:8787',
      lwaTokenUrl: 'https://evil.example/token',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.spApiBaseUrl).toMatch(/Only https/);
    expect(result.errors.lwaTokenUrl).toMatch(/Amazon’s own hosts/);
  });
});
