import { z } from '../zod';
import { ORDER_STATUSES, ORDER_SUB_TYPES } from '../domain/order';

/**
 * What the store accepts. Orders are checked before a batch opens its transaction, so a bad
 * record rejects the whole batch instead of leaving half of it written.
 */
const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date-time');
const money = z.object({ amountMinor: z.number().int(), currency: z.string().min(3) });
const window = z.object({ earliest: isoTime.optional(), latest: isoTime.optional() });

export const firstReportedSchema = z.object({
  at: isoTime,
  source: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('report'),
      reportId: z.string().min(1),
      reportType: z.string().min(1),
      initialImport: z.boolean().optional(),
    }),
    z.object({ kind: z.literal('search'), syncRunId: z.string().min(1) }),
    z.object({ kind: z.literal('get-order'), syncRunId: z.string().min(1) }),
  ]),
});

export const storedOrderSchema = z.object({
  orderId: z.string().min(1),
  marketplaceId: z.string().min(1),
  marketplaceName: z.string().optional(),
  channel: z.enum(['AMAZON', 'NON_AMAZON']),
  status: z.enum(ORDER_STATUSES),
  fulfilledBy: z.enum(['MERCHANT', 'AMAZON']).optional(),
  serviceLevel: z.string().optional(),
  programs: z.array(z.string()),
  isPrime: z.boolean().optional(),
  isBusiness: z.boolean(),
  subTypes: z.array(z.enum(ORDER_SUB_TYPES)),
  purchaseDate: isoTime,
  lastUpdated: isoTime,
  shipBy: window.optional(),
  deliverBy: window.optional(),
  total: money.optional(),
  itemCount: z.number().int().nonnegative(),
  searchText: z.string(),
  firstReported: firstReportedSchema,
  detailLevel: z.enum(['full', 'report']),
  buyerCancelRequest: z
    .object({
      reason: z.string().optional(),
      firstSeenAt: isoTime,
      // Absent on requests stored before it was kept (read as firstSeenAt).
      requestedAt: isoTime.optional(),
      closed: z.object({ at: isoTime, how: z.enum(['cancelled', 'shipped', 'withdrawn']) }).optional(),
      declined: z.object({ at: isoTime, memo: z.string().min(1).max(500) }).optional(),
    })
    .optional(),
  sellerOrderId: z.string().optional(),
  cancelledOutsideManager: z.object({ seenAt: isoTime, cancelledBy: z.string().optional() }).optional(),
  unreadableUpdate: z.object({ at: isoTime, reason: z.string() }).optional(),
});

export const storedOrderItemSchema = z.object({
  orderId: z.string().min(1),
  orderItemId: z.string().min(1),
  asin: z.string().optional(),
  sku: z.string().optional(),
  title: z.string().optional(),
  quantityOrdered: z.number().int().nonnegative(),
  quantityShipped: z.number().int().nonnegative(),
  unitPrice: money.optional(),
  lineTotal: money.optional(),
  charges: z
    .object({
      item: money.optional(),
      shipping: money.optional(),
      giftWrap: money.optional(),
      tax: money.optional(),
      promotions: money.optional(),
      other: money.optional(),
    })
    .optional(),
  includedTax: money.optional(),
  customizedUrl: z.string().optional(),
  cancelRequest: z.object({ requester: z.string().optional(), reason: z.string().optional() }).optional(),
  cancelledBy: z.string().optional(),
});

/** Why an order (with its items) cannot be stored, or undefined when it can. */
export function storedOrderProblem(entry: { order: unknown; items: readonly unknown[] }): string | undefined {
  const order = storedOrderSchema.safeParse(entry.order);
  if (!order.success) return z.prettifyError(order.error);
  for (const raw of entry.items) {
    const item = storedOrderItemSchema.safeParse(raw);
    if (!item.success) return z.prettifyError(item.error);
    if (item.data.orderId !== order.data.orderId) {
      return `item ${item.data.orderItemId} belongs to ${item.data.orderId}`;
    }
  }
  return undefined;
}
