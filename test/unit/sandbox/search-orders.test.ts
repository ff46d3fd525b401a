import { ANCHOR, isoAt, makeSandbox, searchAll, type SearchBody } from './sandbox-test-client';

const ORDERS = '/orders/2026-01-01/orders';
const DAY = 86_400_000;

async function errorOf(res: Response) {
  const body = (await res.json()) as { errors: { code: string; message: string }[] };
  return { status: res.status, code: body.errors[0]!.code, message: body.errors[0]!.message };
}

describe('searchOrders parameters', () => {
  it('requires exactly one of createdAfter and lastUpdatedAfter', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const none = await errorOf(await t.get(ORDERS));
    expect(none).toMatchObject({ status: 400, code: 'InvalidInput' });
    expect(none.message).toMatch(/Exactly one of createdAfter and lastUpdatedAfter/);
    const both = await t.get(
      `${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&lastUpdatedAfter=${isoAt(ANCHOR - DAY)}`,
    );
    expect(both.status).toBe(400);
    const mixed = await t.get(
      `${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&lastUpdatedBefore=${isoAt(ANCHOR - 3600_000)}`,
    );
    expect((await errorOf(mixed)).message).toMatch(/lastUpdated.* cannot be provided with createdAfter/);
    const mixed2 = await t.get(
      `${ORDERS}?lastUpdatedAfter=${isoAt(ANCHOR - DAY)}&createdBefore=${isoAt(ANCHOR - 3600_000)}`,
    );
    expect((await errorOf(mixed2)).message).toMatch(/createdBefore cannot be provided with lastUpdatedAfter/);
  });

  it('enforces the two-minute rule and Before ≥ After, and echoes the Before', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const tooLate = await errorOf(
      await t.get(`${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&createdBefore=${isoAt(ANCHOR - 60_000)}`),
    );
    expect(tooLate).toMatchObject({ status: 400, code: 'InvalidInput' });
    expect(tooLate.message).toMatch(/two minutes before/);
    const reversed = await errorOf(
      await t.get(`${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&createdBefore=${isoAt(ANCHOR - 2 * DAY)}`),
    );
    expect(reversed.message).toMatch(/must be equal to or after createdAfter/);
    const afterNow = await errorOf(await t.get(`${ORDERS}?lastUpdatedAfter=${isoAt(ANCHOR - 60_000)}`));
    expect(afterNow.status).toBe(400);
    const ok = await t.json<SearchBody>(`${ORDERS}?lastUpdatedAfter=${isoAt(ANCHOR - DAY)}`);
    expect(ok.lastUpdatedBefore).toBe(isoAt(ANCHOR - 120_000).replace('.000', ''));
    expect(ok.createdBefore).toBeUndefined();
    const explicit = await t.json<SearchBody>(
      `${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&createdBefore=2026-11-20T10:00:00Z`,
    );
    expect(explicit.createdBefore).toBe('2026-11-20T10:00:00Z');
    for (const o of explicit.orders)
      expect(Date.parse(o.createdTime)).toBeLessThanOrEqual(Date.parse('2026-11-20T10:00:00Z'));
    const badDate = await t.get(`${ORDERS}?createdAfter=yesterday`);
    expect(badDate.status).toBe(400);
    for (const n of ['0', '101', 'abc']) {
      expect(
        (await t.get(`${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&maxResultsPerPage=${n}`)).status,
      ).toBe(400);
    }
    expect(
      (await t.get(`${ORDERS}?createdAfter=${isoAt(ANCHOR - DAY)}&fulfillmentStatuses=SHIPPED,DELIVERED`))
        .status,
    ).toBe(400);
  });

  it('paginates completely without duplicates, in a stable order, and rejects altered tokens', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const query = `createdAfter=${isoAt(ANCHOR - 50 * DAY)}&maxResultsPerPage=7`;
    const first = await t.json<SearchBody>(`${ORDERS}?${query}`);
    expect(first.orders).toHaveLength(7);
    expect(first.pagination?.nextToken).toBeTruthy();
    const all = await searchAll(t, query);
    const ids = all.map((o) => o.orderId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300);
    const times = all.map((o) => Date.parse(o.createdTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Same result with page size 100 → same ids in the same order.
    expect((await searchAll(t, `createdAfter=${isoAt(ANCHOR - 50 * DAY)}`)).map((o) => o.orderId)).toEqual(
      ids,
    );
    const token = first.pagination!.nextToken;
    expect((await t.get(`${ORDERS}?${query}&paginationToken=${token.slice(0, -3)}abc`)).status).toBe(400);
    const other = await t.get(`${ORDERS}?createdAfter=${isoAt(ANCHOR - 10 * DAY)}&paginationToken=${token}`);
    expect((await errorOf(other)).message).toMatch(/does not match/);
    t.clock.advance(25 * 3600_000);
    await t.refreshToken();
    expect((await errorOf(await t.get(`${ORDERS}?${query}&paginationToken=${token}`))).message).toMatch(
      /expired/,
    );
  });

  it('paginates lastUpdatedAfter searches completely while the clock moves between pages', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, orderCount: 2000 });
    const query = `lastUpdatedAfter=${isoAt(ANCHOR - 10 * DAY)}&maxResultsPerPage=50`;
    const ids: string[] = [];
    let body = await t.json<SearchBody>(`${ORDERS}?${query}`);
    ids.push(...body.orders.map((o) => o.orderId));
    while (body.pagination) {
      t.clock.advance(3600_000);
      await t.refreshToken();
      body = await t.json<SearchBody>(
        `${ORDERS}?${query}&paginationToken=${encodeURIComponent(body.pagination.nextToken)}`,
      );
      ids.push(...body.orders.map((o) => o.orderId));
    }
    expect(new Set(ids).size).toBe(ids.length);
    const fresh = await makeSandbox({ enforceRateLimits: false, orderCount: 2000 });
    expect(
      (await searchAll(fresh, query.replace('&maxResultsPerPage=50', ''))).map((o) => o.orderId),
    ).toEqual(ids);
  });

  it('filters by fulfillmentStatuses, fulfilledBy and marketplaceIds', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const base = `createdAfter=${isoAt(ANCHOR - 50 * DAY)}&includedData=FULFILLMENT`;
    const unshipped = await searchAll(t, `${base}&fulfillmentStatuses=UNSHIPPED,PENDING`);
    expect(unshipped.length).toBeGreaterThan(0);
    for (const o of unshipped) expect(['UNSHIPPED', 'PENDING']).toContain(o.fulfillment?.fulfillmentStatus);
    const afn = await searchAll(t, `${base}&fulfilledBy=AMAZON`);
    expect(afn.length).toBeGreaterThan(0);
    for (const o of afn) expect(o.fulfillment?.fulfilledBy).toBe('AMAZON');
    const de = await searchAll(t, `${base}&marketplaceIds=A1PA6795UKMFR9`);
    expect(de.length).toBeGreaterThan(0);
    for (const o of de) expect(o.salesChannel.marketplaceId).toBe('A1PA6795UKMFR9');
    const all = await searchAll(t, base);
    expect(afn.length + (await searchAll(t, `${base}&fulfilledBy=MERCHANT`)).length).toBe(all.length);
  });

  it('includes optional sections only for the includedData asked for; items always', async () => {
    const t = await makeSandbox({ enforceRateLimits: false, orderCount: 3000 });
    const plain = await searchAll(t, `createdAfter=${isoAt(ANCHOR - 5 * DAY)}`);
    for (const o of plain) {
      expect(o.orderItems.length).toBeGreaterThan(0);
      for (const key of ['buyer', 'recipient', 'proceeds', 'fulfillment', 'packages', 'payment', 'tax'])
        expect(o).not.toHaveProperty(key);
      for (const item of o.orderItems) {
        expect(item).not.toHaveProperty('proceeds');
        expect(item).not.toHaveProperty('cancellation');
      }
    }
    const rich = await searchAll(
      t,
      `createdAfter=${isoAt(ANCHOR - 8 * DAY)}&includedData=BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,PACKAGES,CANCELLATION`,
    );
    expect(rich.every((o) => o.buyer && o.recipient && o.fulfillment)).toBe(true);
    const shippedMfn = rich.filter(
      (o) => o.fulfillment?.fulfillmentStatus === 'SHIPPED' && o.fulfillment.fulfilledBy === 'MERCHANT',
    );
    expect(shippedMfn.length).toBeGreaterThan(0);
    expect(shippedMfn.every((o) => Array.isArray(o.packages) && o.packages.length > 0)).toBe(true);
    expect(rich.filter((o) => o.fulfillment?.fulfilledBy === 'AMAZON').every((o) => !o.packages)).toBe(true);
    // Pending orders carry no pricing (model: no pricing while payment is not authorised).
    const pending = rich.filter((o) => o.fulfillment?.fulfillmentStatus.startsWith('PENDING'));
    expect(pending.length).toBeGreaterThan(0);
    for (const o of pending) {
      expect(o.proceeds).toBeUndefined();
      for (const item of o.orderItems) {
        expect(item.product.price).toBeUndefined();
        expect(item.proceeds).toBeUndefined();
      }
    }
    const shipped = rich.find((o) => o.fulfillment?.fulfillmentStatus === 'SHIPPED')!;
    expect(shipped.proceeds?.grandTotal.amount).toMatch(/^\d+\.\d{2}$/);
  });

  it('getOrder returns one order, 404 for unknown ids and 400 for malformed ids', async () => {
    const t = await makeSandbox({ enforceRateLimits: false });
    const [first] = await searchAll(t, `createdAfter=${isoAt(ANCHOR - 5 * DAY)}`);
    const got = await t.json<{ order: { orderId: string; buyer?: unknown } }>(
      `${ORDERS}/${first!.orderId}?includedData=BUYER`,
    );
    expect(got.order.orderId).toBe(first!.orderId);
    expect(got.order.buyer).toBeDefined();
    const missing = await t.get(`${ORDERS}/999-9999999-9999999`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('NotFound');
    expect(missing.headers.get('x-amzn-RateLimit-Limit')).toBe('0.5');
    expect((await t.get(`${ORDERS}/not-an-order`)).status).toBe(400);
  });
});
