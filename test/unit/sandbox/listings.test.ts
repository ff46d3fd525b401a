import { SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { makeSandbox, type TestSandbox } from './sandbox-test-client';

const SELLER = SANDBOX_CREDENTIALS.sellerId;
const US = 'ATVPDKIKX0DER';
type Submission = {
  sku: string;
  status: string;
  submissionId: string;
  issues: { code: string; severity: string; message: string }[];
};

const zero = (channel = 'DEFAULT', quantity: unknown = 0, op = 'replace') => ({
  productType: 'PRODUCT',
  patches: [
    {
      op,
      path: '/attributes/fulfillment_availability',
      value: [{ fulfillment_channel_code: channel, quantity }],
    },
  ],
});

async function patch(
  t: TestSandbox,
  sku: string,
  body: unknown,
  query = `marketplaceIds=${US}`,
  seller = SELLER,
) {
  const res = await t.call(
    'PATCH',
    `/listings/2021-08-01/items/${seller}/${encodeURIComponent(sku)}?${query}`,
    body,
  );
  return { status: res.status, body: (await res.json()) as Submission };
}

async function stock(t: TestSandbox, sku: string, marketplaceId = US) {
  const item = await t.json<{
    fulfillmentAvailability: { fulfillmentChannelCode: string; quantity: number }[];
  }>(
    `/listings/2021-08-01/items/${SELLER}/${encodeURIComponent(sku)}?marketplaceIds=${marketplaceId}&includedData=summaries,fulfillmentAvailability`,
  );
  return item.fulfillmentAvailability[0]!.quantity;
}

describe('Listings Items: patchListingsItem on fulfillment_availability', () => {
  it('accepts a DEFAULT-channel quantity and reads it back with getListingsItem', async () => {
    const t = await makeSandbox();
    const sku = t.sandbox.dataset.catalog[0]!.sku;
    const before = await stock(t, sku);
    expect(before).toBeGreaterThan(0);
    const res = await patch(t, sku, zero());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sku, status: 'ACCEPTED', issues: [] });
    expect(res.body.submissionId).toMatch(/^[0-9a-f]{32}$/);
    expect(await stock(t, sku)).toBe(0);
    expect(await stock(t, sku, 'A2EUQ1WTGCTBG2')).toBeGreaterThan(0);
    const merged = await patch(t, sku, zero('DEFAULT', 7, 'merge'));
    expect(merged.body.status).toBe('ACCEPTED');
    expect(await stock(t, sku)).toBe(7);
    const item = await t.json<{ summaries: { asin: string; itemName: string; productType: string }[] }>(
      `/listings/2021-08-01/items/${SELLER}/${encodeURIComponent(sku)}?marketplaceIds=${US}`,
    );
    expect(item.summaries[0]).toMatchObject({
      asin: t.sandbox.dataset.catalog[0]!.asin,
      itemName: t.sandbox.dataset.catalog[0]!.title,
    });
  });

  it('validates without applying in VALIDATION_PREVIEW mode', async () => {
    const t = await makeSandbox();
    const sku = t.sandbox.dataset.catalog[1]!.sku;
    const before = await stock(t, sku);
    const res = await patch(t, sku, zero(), `marketplaceIds=${US}&mode=VALIDATION_PREVIEW`);
    expect(res.body).toMatchObject({ status: 'VALID', issues: [] });
    expect(await stock(t, sku)).toBe(before);
  });

  it('answers INVALID with ERROR issues for an unknown SKU, an Amazon channel or a bad quantity', async () => {
    const t = await makeSandbox();
    const sku = t.sandbox.dataset.catalog[2]!.sku;
    const before = await stock(t, sku);
    const unknown = await patch(t, 'NO-SUCH-SKU', zero());
    expect(unknown.status).toBe(200);
    expect(unknown.body.status).toBe('INVALID');
    expect(unknown.body.issues[0]).toMatchObject({ code: 'SKU_NOT_FOUND', severity: 'ERROR' });
    const fba = await patch(t, sku, zero('AMAZON_NA'));
    expect(fba.body.status).toBe('INVALID');
    expect(fba.body.issues[0]).toMatchObject({ code: 'AMAZON_FULFILLMENT_CHANNEL', severity: 'ERROR' });
    const negative = await patch(t, sku, zero('DEFAULT', -1));
    expect(negative.body.status).toBe('INVALID');
    const otherPath = await patch(t, sku, {
      productType: 'PRODUCT',
      patches: [{ op: 'replace', path: '/attributes/item_name', value: [{ value: 'x' }] }],
    });
    expect(otherPath.body.issues[0]!.code).toBe('UNSUPPORTED_PATCH');
    expect(await stock(t, sku)).toBe(before);
  });

  it('refuses another seller (403), a missing marketplace or body (400), and unknown SKUs on GET (404)', async () => {
    const t = await makeSandbox();
    const sku = t.sandbox.dataset.catalog[0]!.sku;
    expect((await patch(t, sku, zero(), `marketplaceIds=${US}`, 'A2OTHERSELLER')).status).toBe(403);
    expect((await patch(t, sku, zero(), '')).status).toBe(400);
    expect((await patch(t, sku, { patches: [] })).status).toBe(400);
    expect(
      (await patch(t, sku, { productType: 'PRODUCT', patches: [{ op: 'move', path: '/x' }] })).status,
    ).toBe(400);
    expect((await patch(t, sku, zero(), `marketplaceIds=${US}&mode=LIVE`)).status).toBe(400);
    expect(
      (await t.call('GET', `/listings/2021-08-01/items/${SELLER}/NOPE?marketplaceIds=${US}`)).status,
    ).toBe(404);
  });

  it('rate-limits patchListingsItem at burst 5 and counts calls', async () => {
    const t = await makeSandbox();
    const sku = t.sandbox.dataset.catalog[0]!.sku;
    for (let i = 0; i < 5; i++) {
      const res = await t.call(
        'PATCH',
        `/listings/2021-08-01/items/${SELLER}/${sku}?marketplaceIds=${US}`,
        zero(),
      );
      expect(res.headers.get('x-amzn-RateLimit-Limit')).toBe('5');
      expect(res.status).toBe(200);
    }
    expect((await patch(t, sku, zero())).status).toBe(429);
    t.clock.advance(200);
    expect((await patch(t, sku, zero())).status).toBe(200);
    expect(t.sandbox.stats().calls.patchListingsItem).toBe(7);
    t.sandbox.injectFault({ operation: 'patchListingsItem', kind: 'unknown-enum' });
    t.clock.advance(1000);
    expect((await patch(t, sku, zero())).body.status).toBe('TELEPORTED');
  });
});
