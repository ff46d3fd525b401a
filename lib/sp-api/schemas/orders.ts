import { z } from '../../zod';
import { parseMoney } from '../../domain/money';
import { ORDER_STATUSES } from '../../domain/order';
import { dateTimeSchema } from './date-time';

/**
 * Orders API v2026-01-01 (orders_2026-01-01.json), the fields the extension reads. Objects are loose
 * because Amazon adds fields; enums the extension decides on (fulfillmentStatus) are strict, so an
 * unknown value fails that order only; enums it only shows are open (see openEnum).
 */

/** v2026 `Money`; the amount must be a decimal that fits the currency (checked with parseMoney). */
export const v2026MoneySchema = z
  .looseObject({ amount: z.string(), currencyCode: z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 code') })
  .superRefine((money, ctx) => {
    try {
      parseMoney(money.amount, money.currencyCode);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message, path: ['amount'] });
    }
  });
export type V2026Money = z.infer<typeof v2026MoneySchema>;

export const fulfillmentStatusSchema = z.enum(ORDER_STATUSES);

export const INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
] as const;
export type IncludedData = (typeof INCLUDED_DATA)[number];

export const FULFILLED_BY = ['MERCHANT', 'AMAZON'] as const;
export type FulfilledBy = (typeof FULFILLED_BY)[number];

const dateTimeRangeSchema = z.looseObject({
  earliestDateTime: dateTimeSchema.optional(),
  latestDateTime: dateTimeSchema.optional(),
});

const aliasSchema = z.looseObject({ aliasId: z.string(), aliasType: z.string() });

const associatedOrderSchema = z.looseObject({
  orderId: z.string().optional(),
  associationType: z.string().optional(),
});

const salesChannelSchema = z.looseObject({
  /** AMAZON or NON_AMAZON per the model's prose; an open set, so any string. */
  channelName: z.string(),
  marketplaceId: z.string().optional(),
  marketplaceName: z.string().optional(),
});

const breakdownSchema = z.looseObject({
  type: z.string(),
  status: z.string().optional(),
  subtotal: v2026MoneySchema,
});

const orderProceedsSchema = z.looseObject({
  grandTotal: v2026MoneySchema.optional(),
  breakdowns: z.array(breakdownSchema).optional(),
});

const orderFulfillmentSchema = z.looseObject({
  fulfillmentStatus: fulfillmentStatusSchema,
  /** MERCHANT or AMAZON per the model's prose (typed string there). */
  fulfilledBy: z.string().optional(),
  fulfillmentServiceLevel: z.string().optional(),
  shipByWindow: dateTimeRangeSchema.optional(),
  deliverByWindow: dateTimeRangeSchema.optional(),
});

const itemProductSchema = z.looseObject({
  asin: z.string().optional(),
  title: z.string().optional(),
  sellerSku: z.string().optional(),
  price: z
    .looseObject({
      unitPrice: v2026MoneySchema.optional(),
      priceDesignation: z.string().optional(),
    })
    .optional(),
  customization: z.looseObject({ customizedUrl: z.string().optional() }).optional(),
});

const itemProceedsSchema = z.looseObject({
  proceedsTotal: v2026MoneySchema.optional(),
  breakdowns: z.array(z.looseObject({ type: z.string(), subtotal: v2026MoneySchema })).optional(),
});

const itemCancellationSchema = z.looseObject({
  cancellationRequest: z
    .looseObject({ requester: z.string().optional(), cancelReason: z.string().optional() })
    .optional(),
  cancellationExecution: z
    .looseObject({ cancelledBy: z.string().optional(), cancelReason: z.string().optional() })
    .optional(),
});

const itemFulfillmentSchema = z.looseObject({
  quantityFulfilled: z.number().int().nonnegative().optional(),
  quantityUnfulfilled: z.number().int().nonnegative().optional(),
});

export const v2026OrderItemSchema = z.looseObject({
  orderItemId: z.string().min(1),
  quantityOrdered: z.number().int().nonnegative(),
  programs: z.array(z.string()).optional(),
  product: itemProductSchema,
  proceeds: itemProceedsSchema.optional(),
  cancellation: itemCancellationSchema.optional(),
  fulfillment: itemFulfillmentSchema.optional(),
});
export type V2026OrderItem = z.infer<typeof v2026OrderItemSchema>;

export const PACKAGE_STATUSES = [
  'PENDING',
  'IN_TRANSIT',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'UNDELIVERABLE',
] as const;

/**
 * A value the extension only shows, never decides on: a new one Amazon adds is kept as sent instead
 * of quarantining the whole order (strict enums stay where a decision hangs on them).
 */
function openEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.union([z.enum(values), z.string()]);
}

export const packageStatusSchema = openEnum(PACKAGE_STATUSES);

const orderPackageSchema = z.looseObject({
  packageReferenceId: z.string(),
  createdTime: dateTimeSchema.optional(),
  packageStatus: z
    .looseObject({ status: packageStatusSchema, detailedStatus: z.string().optional() })
    .optional(),
  carrier: z.string().optional(),
  shipTime: dateTimeSchema.optional(),
  shippingService: z.string().optional(),
  trackingNumber: z.string().optional(),
  packageItems: z
    .array(z.looseObject({ orderItemId: z.string(), quantity: z.number().int().nonnegative() }))
    .optional(),
});

export const v2026OrderSchema = z.looseObject({
  orderId: z.string().min(1),
  orderAliases: z.array(aliasSchema).optional(),
  createdTime: dateTimeSchema,
  lastUpdatedTime: dateTimeSchema,
  programs: z.array(z.string()).optional(),
  associatedOrders: z.array(associatedOrderSchema).optional(),
  salesChannel: salesChannelSchema,
  proceeds: orderProceedsSchema.optional(),
  /** Present when `includedData` has FULFILLMENT (the client asks for it by default). */
  fulfillment: orderFulfillmentSchema.optional(),
  orderItems: z.array(v2026OrderItemSchema),
  packages: z.array(orderPackageSchema).optional(),
});
export type V2026Order = z.infer<typeof v2026OrderSchema>;

/** The page envelope; its orders are parsed one by one so one bad order cannot spoil the page. */
export const searchOrdersEnvelopeSchema = z.looseObject({
  orders: z.array(z.unknown()),
  pagination: z.looseObject({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: dateTimeSchema.optional(),
  createdBefore: dateTimeSchema.optional(),
});

/** The whole `SearchOrdersResponse`, every order strict (for the sandbox and contract tests). */
export const searchOrdersResponseSchema = searchOrdersEnvelopeSchema.extend({
  orders: z.array(v2026OrderSchema),
});
export type SearchOrdersResponse = z.infer<typeof searchOrdersResponseSchema>;

export const getOrderResponseSchema = z.looseObject({ order: v2026OrderSchema });
export type GetOrderResponse = z.infer<typeof getOrderResponseSchema>;
