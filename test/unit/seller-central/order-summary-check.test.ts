import { orderLookupSchema, orderSummarySchema, responseSchemas } from '../../../lib/messaging';
import {
  isOrderLookup,
  isOrderSummary,
  isSyncOrderAnswer,
} from '../../../lib/seller-central/order-summary-check';

const ID = '113-4567890-1234567';
const base = { orderId: ID, demo: false };
const done = { status: 'done', reason: 'NoInventory', wholeOrder: false, orderItemIds: ['L1'] };
const line = {
  orderItemId: 'L1',
  sku: 'MUG-RED',
  quantityOrdered: 2,
  quantityShipped: 0,
  quantityCancelled: 2,
  quantityOpen: 0,
};

const request = {
  firstSeenAt: '2026-03-01T10:00:00Z',
  requestedAt: '2026-03-01T09:00:00Z',
  deadline: '2026-03-03T09:00:00Z',
};

const VALID: unknown[] = [
  base,
  { orderId: ID, demo: true },
  { ...base, status: 'CANCELLED', cancel: { ...done, wholeOrder: true, orderItemIds: [] } },
  { ...base, cancel: { ...done, status: 'failed', resultText: 'Order shipped' } },
  { ...base, cancel: done, lines: [line, { ...line, orderItemId: 'L2', sku: undefined, title: 'Mug' }] },
  { ...base, lines: [] },
  { ...base, cancelledOutsideManager: { seenAt: '2026-03-01T10:00:00Z' }, memo: 'x' },
  { ...base, buyerCancelRequest: request },
  { ...base, buyerCancelRequest: { ...request, reason: 'mistake' } },
  { ...base, buyerCancelRequest: { ...request, declined: { at: '2026-03-01T12:00:00Z', memo: 'Packed' } } },
  { ...base, buyerCancelRequest: { ...request, answered: true } },
];

const INVALID: unknown[] = [
  null,
  'summary',
  { error: 'refused' },
  { ...base, orderId: '113-456789-1234567' },
  { ...base, demo: 'yes' },
  { orderId: ID },
  { ...base, status: 'LOST' },
  { ...base, cancel: { ...done, status: 'maybe' } },
  { ...base, cancel: { status: 'done' } },
  { ...base, cancel: { ...done, status: 'failed', resultText: 3 } },
  { ...base, cancel: { status: 'done', reason: 'NoInventory' } },
  { ...base, cancel: { ...done, orderItemIds: [1] } },
  { ...base, lines: {} },
  { ...base, lines: [{ ...line, quantityOpen: -1 }] },
  { ...base, lines: [{ ...line, quantityCancelled: 1.5 }] },
  { ...base, lines: [{ ...line, orderItemId: undefined }] },
  { ...base, lines: [{ ...line, title: 7 }] },
  { ...base, cancelledOutsideManager: {} },
  { ...base, memo: 7 },
  { ...base, buyerCancelRequest: { reason: 'mistake' } },
  { ...base, buyerCancelRequest: { firstSeenAt: '2026-03-01T10:00:00Z' } },
  { ...base, buyerCancelRequest: { ...request, deadline: undefined } },
  { ...base, buyerCancelRequest: { ...request, requestedAt: 5 } },
  { ...base, buyerCancelRequest: { ...request, declined: { at: '2026-03-01T12:00:00Z' } } },
  { ...base, buyerCancelRequest: { ...request, declined: 'yes' } },
  { ...base, buyerCancelRequest: { ...request, answered: 'yes' } },
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

const LOOKUPS_VALID: unknown[] = [
  { stored: true, summary: base },
  { stored: true, summary: { ...base, cancel: done, lines: [line] } },
  { stored: false, orderId: ID, reason: 'demo' },
  { stored: false, orderId: ID, reason: 'not-synced' },
  { stored: false, orderId: ID, reason: 'other-account' },
];
const LOOKUPS_INVALID: unknown[] = [
  null,
  { orderId: ID, known: false, demo: false },
  { stored: true },
  { stored: true, summary: { ...base, status: 'LOST' } },
  { stored: false, orderId: ID },
  { stored: false, orderId: ID, reason: 'deleted' },
  { stored: false, orderId: '113-456789-1234567', reason: 'demo' },
  { stored: 'no', orderId: ID, reason: 'demo' },
];

describe('isOrderLookup agrees with orderLookupSchema', () => {
  it.each(LOOKUPS_VALID.map((v) => [JSON.stringify(v), v]))('accepts %s', (_name, value) => {
    expect(orderLookupSchema.safeParse(value).success).toBe(true);
    expect(isOrderLookup(value)).toBe(true);
  });

  it.each(LOOKUPS_INVALID.map((v) => [JSON.stringify(v), v]))('rejects %s', (_name, value) => {
    expect(orderLookupSchema.safeParse(value).success).toBe(false);
    expect(isOrderLookup(value)).toBe(false);
  });
});

describe("isSyncOrderAnswer agrees with the sync-order answer's schema", () => {
  const schema = responseSchemas['sync-order'];
  it.each(
    [
      { synced: true, lookup: { stored: false, orderId: ID, reason: 'not-synced' } },
      { synced: true, lookup: { stored: true, summary: base } },
      { synced: false, reason: 'Order download is turned off in Settings.' },
    ].map((v) => [JSON.stringify(v), v]),
  )('accepts %s', (_name, value) => {
    expect(schema.safeParse(value).success).toBe(true);
    expect(isSyncOrderAnswer(value)).toBe(true);
  });

  it.each(
    [
      { started: true },
      { synced: true },
      { synced: true, lookup: { stored: false, orderId: ID } },
      { synced: false },
      { synced: false, reason: 4 },
    ].map((v) => [JSON.stringify(v), v]),
  )('rejects %s', (_name, value) => {
    expect(schema.safeParse(value).success).toBe(false);
    expect(isSyncOrderAnswer(value)).toBe(false);
  });
});
