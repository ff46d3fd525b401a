import { ManualClock } from '../../../lib/clock';
import { LwaError } from '../../../lib/sp-api/errors';
import { createLwaTokenProvider } from '../../../lib/sp-api/lwa-token';
import { CREDENTIALS, json, LWA_URL } from './fake-sp-api-transport';

function setup(respond: (n: number) => Response | Promise<Response>) {
  const clock = new ManualClock(1_000_000);
  const bodies: string[] = [];
  const requests: Request[] = [];
  let n = 0;
  const provider = createLwaTokenProvider({
    clock,
    credentials: CREDENTIALS,
    lwaTokenUrl: LWA_URL,
    transport: async (request) => {
      requests.push(request);
      bodies.push(await request.text());
      n += 1;
      return respond(n);
    },
  });
  return { clock, provider, bodies, requests, count: () => n };
}

describe('LWA token provider', () => {
  it('posts the refresh-token grant form-urlencoded', async () => {
    const { provider, bodies, requests } = setup((n) =>
      json({ access_token: `Atza|${n}`, expires_in: 3600 }),
    );
    expect(await provider.getAccessToken()).toBe('Atza|1');
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url).toBe(LWA_URL);
    expect(requests[0]?.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(bodies[0]);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: CREDENTIALS.refreshToken,
      client_id: CREDENTIALS.clientId,
      client_secret: CREDENTIALS.clientSecret,
    });
  });

  it('caches the token until 60 s before expiry, then exchanges again', async () => {
    const { provider, clock, count } = setup((n) => json({ access_token: `Atza|${n}`, expires_in: 3600 }));
    await provider.getAccessToken();
    clock.advance(3_539_000);
    expect(await provider.getAccessToken()).toBe('Atza|1');
    clock.advance(1_000); // now 60 s before expiry
    expect(await provider.getAccessToken()).toBe('Atza|2');
    expect(count()).toBe(2);
  });

  it('shares one exchange between concurrent callers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { provider, count } = setup(async (n) => {
      await gate;
      return json({ access_token: `Atza|${n}`, expires_in: 3600 });
    });
    const all = Promise.all([
      provider.getAccessToken(),
      provider.getAccessToken(),
      provider.getAccessToken(),
    ]);
    release();
    expect(await all).toEqual(['Atza|1', 'Atza|1', 'Atza|1']);
    expect(count()).toBe(1);
  });

  it('re-exchanges once after invalidate of the refused token, and ignores a stale one', async () => {
    const { provider, count } = setup((n) => json({ access_token: `Atza|${n}`, expires_in: 3600 }));
    const first = await provider.getAccessToken();
    provider.invalidate(first);
    provider.invalidate(first);
    expect(await provider.getAccessToken()).toBe('Atza|2');
    provider.invalidate(first); // a late 403 for the old token must not drop the new one
    expect(await provider.getAccessToken()).toBe('Atza|2');
    expect(count()).toBe(2);
  });

  it('types OAuth errors and keeps secrets out of messages', async () => {
    const { provider } = setup(() =>
      json({ error: 'invalid_grant', error_description: `bad token ${CREDENTIALS.refreshToken}` }, 400),
    );
    const error = await provider.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LwaError);
    const lwa = error as LwaError;
    expect(lwa.status).toBe(400);
    expect(lwa.error).toBe('invalid_grant');
    expect(lwa.message).not.toContain(CREDENTIALS.refreshToken);
    expect(lwa.message).not.toContain(CREDENTIALS.clientSecret);
    expect(lwa.plainMessage()).toMatch(/refresh token/);
  });

  it('turns a failed connection into a network LwaError, and a failed exchange is not cached', async () => {
    const { provider } = setup((n) => {
      if (n === 1) throw new TypeError('fetch failed');
      return json({ access_token: 'Atza|ok', expires_in: 3600 });
    });
    await expect(provider.getAccessToken()).rejects.toMatchObject({ error: 'network', status: 0 });
    expect(await provider.getAccessToken()).toBe('Atza|ok');
  });

  it('rejects a 200 without access_token', async () => {
    const { provider } = setup(() => json({ token_type: 'bearer' }));
    await expect(provider.getAccessToken()).rejects.toMatchObject({ error: 'invalid_response' });
  });
});
