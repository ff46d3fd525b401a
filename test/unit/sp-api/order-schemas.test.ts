import { v2026OrderSchema } from '../../../lib/sp-api/schemas/orders';
import { reportDocumentSchema } from '../../../lib/sp-api/schemas/reports';
import { v2026OrderJson } from './v2026-order-fixture';

// The model's own examples are checked in test/contract/amazon-models/order-model-examples.test.ts.
describe('v2026 order schema', () => {
  it('accepts unknown fields and open program/channel values', () => {
    const parsed = v2026OrderSchema.parse(
      v2026OrderJson({ programs: ['SOMETHING_NEW'], salesChannel: { channelName: 'NEW_CHANNEL' }, extra: 1 }),
    );
    expect(parsed.programs).toEqual(['SOMETHING_NEW']);
  });

  it('rejects an unknown fulfillment status, a bad amount and a missing orderId', () => {
    expect(
      v2026OrderSchema.safeParse(v2026OrderJson({ fulfillment: { fulfillmentStatus: 'Shipped' } })).success,
    ).toBe(false);
    expect(
      v2026OrderSchema.safeParse(
        v2026OrderJson({ proceeds: { grandTotal: { amount: '1.234', currencyCode: 'USD' } } }),
      ).success,
    ).toBe(false);
    expect(v2026OrderSchema.safeParse(v2026OrderJson({ orderId: undefined })).success).toBe(false);
  });

  it('report documents accept only GZIP compression', () => {
    expect(reportDocumentSchema.safeParse({ reportDocumentId: 'D', url: 'https://x.test/d' }).success).toBe(
      true,
    );
    expect(
      reportDocumentSchema.safeParse({
        reportDocumentId: 'D',
        url: 'https://x.test/d',
        compressionAlgorithm: 'ZIP',
      }).success,
    ).toBe(false);
  });
});
