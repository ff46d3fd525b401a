import { z } from './zod';
import { browser } from 'wxt/browser';
import { endpointOverrideSchema, savedCredentialsSchema } from './settings/settings-schema';
import { ORDER_STATUSES } from './domain/order';
import { ORDER_ID_EXACT } from './domain/order-id';
import { SELLER_CENTRAL_FEATURES, SELLER_CENTRAL_PAGE_KINDS } from './domain/seller-central-health';

const orderIdSchema = z.string().regex(ORDER_ID_EXACT);

/** The read-only view of an order a Seller Central content script may ask for. */
export const orderSummarySchema = z.object({
  orderId: orderIdSchema,
  status: z.enum(ORDER_STATUSES).optional(),
  demo: z.boolean(),
  /** The manager's cancel that says most about the order now (a pending one first, else the newest). */
  cancel: z
    .object({
      status: z.enum(['pending', 'done', 'failed', 'needs-review']),
      reason: z.string(),
      resultText: z.string().optional(),
      wholeOrder: z.boolean(),
      /** The lines this cancel is for (every unshipped line when wholeOrder). */
      orderItemIds: z.array(z.string()),
    })
    .optional(),
  /** Every line, with what the manager's finished cancels took off it and what is still to ship. */
  lines: z
    .array(
      z.object({
        orderItemId: z.string(),
        sku: z.string().optional(),
        title: z.string().optional(),
        quantityOrdered: z.number().int().nonnegative(),
        quantityShipped: z.number().int().nonnegative(),
        /** Units cancelled by the order manager's done cancels. */
        quantityCancelled: z.number().int().nonnegative(),
        /** Units still to ship: not shipped, not cancelled by the manager or by Amazon. */
        quantityOpen: z.number().int().nonnegative(),
      }),
    )
    .optional(),
  cancelledOutsideManager: z.object({ seenAt: z.string() }).optional(),
  memo: z.string().optional(),
  /** An open buyer cancellation request; `deadline` (ISO) comes from the buyerRequestWindowHours setting. */
  buyerCancelRequest: z
    .object({
      reason: z.string().optional(),
      firstSeenAt: z.string(),
      requestedAt: z.string(),
      deadline: z.string(),
      /** The seller declined in the order manager: no answer is needed any more. */
      declined: z.object({ at: z.string(), memo: z.string() }).optional(),
      /** A cancel of the order answers it (on its way, held for review, or done after the buyer asked). */
      answered: z.literal(true).optional(),
    })
    .optional(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** Why the manager has no order a Seller Central page is about; each has its own way on for the seller. */
export const NOT_STORED_REASONS = ['demo', 'not-synced', 'other-account'] as const;
export type NotStoredReason = (typeof NOT_STORED_REASONS)[number];

/** The answer to a Seller Central page asking about its order: the summary, or why there is none. */
export const orderLookupSchema = z.discriminatedUnion('stored', [
  z.object({ stored: z.literal(true), summary: orderSummarySchema }),
  z.object({ stored: z.literal(false), orderId: orderIdSchema, reason: z.enum(NOT_STORED_REASONS) }),
]);
export type OrderLookup = z.infer<typeof orderLookupSchema>;

/**
 * The one contract between the extension's contexts. Every message is a zod schema; the background
 * parses each one and rejects anything else (see lib/background/message-router.ts).
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync-now') }),
  /** Forget the saved sync position and backfill again (stored orders and the outbox are kept). */
  z.object({ type: z.literal('full-resync') }),
  z.object({
    type: z.literal('test-connection'),
    // Testing needs no merchant token; saving does (settings-store.ts).
    credentials: savedCredentialsSchema,
    endpointOverride: endpointOverrideSchema.nullable(),
  }),
  z.object({
    type: z.literal('open-manager'),
    orderId: orderIdSchema.optional(),
    /** Opens the order with this dialog already open (accept/decline: the requests view's dialogs). */
    action: z.enum(['cancel', 'accept-request', 'decline-request', 'show-request']).optional(),
    /** Opens a view instead of an order: the buyer cancellation requests. */
    view: z.enum(['requests']).optional(),
  }),
  /** A view queued an action in the outbox: send it now rather than at the next alarm. */
  z.object({ type: z.literal('outbox-changed') }),
  z.object({ type: z.literal('get-order-summary'), orderId: orderIdSchema }),
  /** A Seller Central page's "Sync now": sync, then look the order up again once the sync has ended. */
  z.object({ type: z.literal('sync-order'), orderId: orderIdSchema }),
  /** Opens the extension's Settings (content scripts cannot call runtime.openOptionsPage). */
  z.object({ type: z.literal('open-options') }),
  /** The seller chose "Send again" on a cancellation under review that the outbox marked safe to resend. */
  z.object({ type: z.literal('send-again'), actionId: z.string().min(1) }),
  /** Read one order with getOrder now (a cancel needs its real order item ids, not the report's). */
  z.object({ type: z.literal('refresh-order'), orderId: orderIdSchema }),
  /** The seller declined a buyer's cancellation request (keeps the order): recorded by the order manager only. */
  z.object({
    type: z.literal('decline-buyer-request'),
    orderId: orderIdSchema,
    memo: z.string().trim().min(1).max(500),
  }),
  /** Takes back a decline: the request needs an answer again. */
  z.object({ type: z.literal('undo-decline-buyer-request'), orderId: orderIdSchema }),
  /** A Seller Central feature found its anchor on a kind of page (placed), or not where one was expected. */
  z.object({
    type: z.literal('seller-central-health'),
    feature: z.enum(SELLER_CENTRAL_FEATURES),
    page: z.enum(SELLER_CENTRAL_PAGE_KINDS),
    placed: z.boolean(),
  }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Done, or why not in the seller's words (unknown order, no request, request already over). */
const buyerRequestAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export const responseSchemas = {
  'sync-now': z.object({ started: z.boolean(), reason: z.string().optional() }),
  'full-resync': z.object({ started: z.boolean(), reason: z.string().optional() }),
  'test-connection': z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), message: z.string() }),
    z.object({ ok: z.literal(false), message: z.string(), code: z.string().optional() }),
  ]),
  'open-manager': z.object({ ok: z.literal(true) }),
  'outbox-changed': z.object({ ok: z.literal(true) }),
  'get-order-summary': orderLookupSchema,
  'sync-order': z.discriminatedUnion('synced', [
    z.object({ synced: z.literal(true), lookup: orderLookupSchema }),
    /** The sync could not start, or failed; `reason` says so in the seller's words, a whole sentence. */
    z.object({ synced: z.literal(false), reason: z.string() }),
  ]),
  'open-options': z.object({ ok: z.literal(true) }),
  'send-again': z.object({ ok: z.literal(true) }),
  'refresh-order': z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true) }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]),
  'seller-central-health': z.object({ ok: z.literal(true) }),
  'decline-buyer-request': buyerRequestAnswerSchema,
  'undo-decline-buyer-request': buyerRequestAnswerSchema,
} satisfies Record<RequestType, z.ZodType>;

export type ResponseOf<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

/** What the background answers when a handler fails or a message is refused. */
export const failureSchema = z.object({ error: z.string() });

export class MessageError extends Error {
  override name = 'MessageError';
}

/** How long a view waits for the background's answer before telling the seller it got none. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Requests the background answers only after talking to Amazon wait longer: one SP-API exchange
 * may take its 60 s limit and is tried up to five times.
 */
const AMAZON_REQUEST_TIMEOUT_MS: Partial<Record<RequestType, number>> = {
  'test-connection': 5 * 60_000,
  'refresh-order': 5 * 60_000,
  'sync-order': 5 * 60_000,
};

/** The background gave no answer in time (a service worker that hung or never started). */
export class RequestTimedOutError extends MessageError {
  override name = 'RequestTimedOutError';
}

function inWords(ms: number): string {
  return ms % 60_000 === 0
    ? `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`
    : `${Math.ceil(ms / 1000)} seconds`;
}

/**
 * Sends a request to the background and checks the answer against its schema. Silence becomes a
 * RequestTimedOutError after `timeoutMs` (default: 30 s, or 5 minutes for requests that reach Amazon).
 */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
  { timeoutMs = AMAZON_REQUEST_TIMEOUT_MS[request.type] ?? REQUEST_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ResponseOf<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new RequestTimedOutError(
          `The order manager did not answer within ${inWords(timeoutMs)}. Reload this page and try again; ` +
            'if it keeps happening, restart the browser.',
        ),
      );
    }, timeoutMs);
  });
  let raw: unknown;
  try {
    const sent = browser.runtime.sendMessage(requestSchema.parse(request)).catch((error: unknown) => {
      // The worker was stopped or replaced mid-request: the browser's own words tell a seller nothing.
      throw new MessageError(
        'The order manager stopped before it answered. Reload this page and try again; ' +
          'if it keeps happening, restart the browser.',
        { cause: error },
      );
    });
    raw = await Promise.race([sent, silence]);
  } finally {
    clearTimeout(timer);
  }
  const failure = failureSchema.safeParse(raw);
  if (failure.success) throw new MessageError(failure.data.error);
  const schema = responseSchemas[request.type as T];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new MessageError(`Unexpected answer to ${request.type}`);
  return parsed.data as ResponseOf<T>;
}
