import { orderSummarySchema } from '../../../lib/messaging';
import { isOrderSummary } from '../../../lib/seller-central/order-summary-check';

const ID = '113-4567890-1234567';
const base = { orderId: ID, known: true, demo: false };

const VALID: unknown[] = [
  base,
  { orderId: ID, known: false, demo: true },
  { ...base, status: 'CANCELLED', cancel: { status: 'done', reason: 'NoInventory' } },
  { ...base, cancel: { status: 'failed', reason: 'NoInventory', resultText: 'Order shipped' } },
  { ...base, cancelledOutsideManager: { seenAt: '2026-03-01T10:00:00Z' }, memo: 'x' },
  { ...base, buyerCancelRequest: { firstSeenAt: '2026-03-01T10:00:00Z' } },
  { ...base, buyerCancelRequest: { reason: 'mistake', firstSeenAt: '2026-03-01T10:00:00Z' } },
];

const INVALID: unknown[] = [
  null,
  'summary',
  { error: 'refused' },
  { ...base, orderId: '113-456789-1234567' },
  { ...base, known: 'yes' },
  { orderId: ID, known: true },
  { ...base, status: 'LOST' },
  { ...base, cancel: { status: 'maybe', reason: 'NoInventory' } },
  { ...base, cancel: { status: 'done' } },
  { ...base, cancel: { status: 'failed', reason: 'x', resultText: 3 } },
  { ...base, cancelledOutsideManager: {} },
  { ...base, memo: 7 },
  { ...base, buyerCancelRequest: { reason: 'mistake' } },
];

describe('isOrderSummary (the content script check) agrees with orderSummarySchema', () => {
  it.each(VALID.map((v) => [JSON.stringify(v), v]))('accepts %s', (_name, value) => {
    expect(orderSummarySchema.safeParse(value).success).toBe(true);
    expect(isOrderSummary(value)).toBe(true);
  });

  it.each(INVALID.map((v) => [JSON.stringify(v), v]))('rejects %s', (_name, value) => {
    expect(orderSummarySchema.safeParse(value).success).toBe(false);
    expect(isOrderSummary(value)).toBe(false);
  });
});
