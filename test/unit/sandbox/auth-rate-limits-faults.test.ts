import { ANCHOR, GOOD_LWA, isoAt, lwaRequest, makeSandbox } from './sandbox-test-client';

const SEARCH = `/orders/2026-01-01/orders?createdAfter=${isoAt(ANCHOR - 86_400_000)}`;

describe('LWA and access tokens', () => {
  it('issues bearer tokens and rejects bad clients, grants and missing fields', async () => {
    const { sandbox } = await makeSandbox();
    const ok = await sandbox.fetch(lwaRequest(GOOD_LWA));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: GOOD_LWA.refresh_token,
    });
    expect(String(body.access_token)).toMatch(/^Atza\|/);
    const badClient = await sandbox.fetch(lwaRequest({ ...GOOD_LWA, client_secret: 'nope' }));
    expect(badClient.status).toBe(401);
    expect(await badClient.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed',
    });
    const badGrant = await sandbox.fetch(lwaRequest({ ...GOOD_LWA, refresh_token: 'Atzr|other' }));
    expect(badGrant.status).toBe(400);
    expect(await badGrant.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The request has an invalid grant parameter : refresh_token',
    });
    const missing = await sandbox.fetch(
      lwaRequest({ grant_type: 'refresh_token', client_id: GOOD_LWA.client_id }),
    );
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('answers 403 Unauthorized without a live token, after expiry and after revocation', async () => {
    const t = await makeSandbox();
    const good = await t.get(SEARCH);
    expect(good.status).toBe(200);
    const saved = t.token;
    t.token = 'Atza|forged';
    const forged = await t.get(SEARCH);
    expect(forged.status).toBe(403);
    expect(forged.headers.get('x-amzn-RequestId')).toBeTruthy();
    expect(await forged.json()).toEqual({
      errors: [
        {
          code: 'Unauthorized',
          message: 'Access to requested resource is denied.',
          details: 'The access token you provided is revoked, malformed or invalid.',
        },
      ],
    });
    t.token = saved;
    t.clock.advance(3600_000);
    const expired = await t.get(SEARCH);
    expect(expired.status).toBe(403);
    await t.refreshToken();
    expect((await t.get(SEARCH)).status).toBe(200);
    t.sandbox.revokeRefreshToken();
    expect((await t.get(SEARCH)).status).toBe(403);
    const refresh = await t.sandbox.fetch(lwaRequest(GOOD_LWA));
    expect(refresh.status).toBe(400);
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('rate limits', () => {
  it('throttles after the burst with QuotaExceeded and refills at the rate on the clock', async () => {
    const t = await makeSandbox();
    for (let i = 0; i < 20; i++) {
      const res = await t.get(SEARCH);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-amzn-RateLimit-Limit')).toBe('0.0056');
    }
    const throttled = await t.get(SEARCH);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-amzn-RateLimit-Limit')).toBeNull();
    expect(await throttled.json()).toEqual({
      errors: [
        {
          code: 'QuotaExceeded',
          message: 'You exceeded your quota for the requested resource.',
          details: '',
        },
      ],
    });
    // getOrder has its own bucket.
    expect((await t.get('/orders/2026-01-01/orders/999-9999999-9999999')).status).toBe(404);
    t.clock.advance(170_000); // 0.95 token at 0.0056/s
    expect((await t.get(SEARCH)).status).toBe(429);
    t.clock.advance(10_000);
    expect((await t.get(SEARCH)).status).toBe(200);
    expect((await t.get(SEARCH)).status).toBe(429);
    expect(t.sandbox.stats().calls.searchOrders).toBe(24);
  });

  it('can be turned off', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    for (let i = 0; i < 40; i++) expect((await t.get(SEARCH)).status).toBe(200);
  });
});

describe('faults', () => {
  it('serves queued faults to matching operations only, then recovers', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    t.sandbox.injectFault({ operation: 'searchOrders', kind: '503', count: 2 });
    t.sandbox.injectFault({ operation: 'getReports', kind: '500' });
    expect((await t.get('/orders/2026-01-01/orders/999-9999999-9999999')).status).toBe(404);
    const a = await t.get(SEARCH);
    expect(a.status).toBe(503);
    expect(((await a.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('ServiceUnavailable');
    expect((await t.get(SEARCH)).status).toBe(503);
    expect((await t.get(SEARCH)).status).toBe(200);
    const b = await t.get(
      '/reports/2021-06-30/reports?reportTypes=GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
    );
    expect(b.status).toBe(500);
    expect(((await b.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('InternalFailure');
    t.sandbox.injectFault({ kind: '429' });
    expect((await t.get(SEARCH)).status).toBe(429);
  });

  it('bends bodies: malformed JSON, a missing orderId, an unknown enum, and slow answers', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    t.sandbox.injectFault({ operation: 'searchOrders', kind: 'malformed-json' });
    const text = await (await t.get(SEARCH)).text();
    expect(() => JSON.parse(text)).toThrow();
    t.sandbox.injectFault({ operation: 'searchOrders', kind: 'schema-break' });
    const broken = (await (await t.get(SEARCH)).json()) as { orders: Record<string, unknown>[] };
    expect(broken.orders[0]).not.toHaveProperty('orderId');
    t.sandbox.injectFault({ operation: 'searchOrders', kind: 'unknown-enum' });
    const odd = (await (await t.get(SEARCH)).json()) as {
      orders: { fulfillment: { fulfillmentStatus: string } }[];
    };
    expect(odd.orders[0]!.fulfillment.fulfillmentStatus).toBe('TELEPORTED');
    const before = t.clock.now();
    t.sandbox.injectFault({ operation: 'searchOrders', kind: 'slow', delayMs: 45_000 });
    expect((await t.get(SEARCH)).status).toBe(200);
    expect(t.clock.now() - before).toBe(45_000);
  });
});
