import { z } from 'zod';
import { browser } from 'wxt/browser';
import { credentialsSchema, endpointOverrideSchema } from './settings/settings-schema';

/**
 * The one contract between the extension's contexts. Every message is a zod schema; the background
 * parses each one and rejects anything else (see lib/background/message-router.ts).
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync-now') }),
  z.object({
    type: z.literal('test-connection'),
    credentials: credentialsSchema,
    endpointOverride: endpointOverrideSchema.nullable(),
  }),
  z.object({ type: z.literal('settings-changed') }),
  z.object({
    type: z.literal('open-manager'),
    orderId: z
      .string()
      .regex(/^\d{3}-\d{7}-\d{7}$/)
      .optional(),
  }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export const responseSchemas = {
  'sync-now': z.object({ started: z.boolean(), reason: z.string().optional() }),
  'test-connection': z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), message: z.string() }),
    z.object({ ok: z.literal(false), message: z.string(), code: z.string().optional() }),
  ]),
  'settings-changed': z.object({ ok: z.literal(true) }),
  'open-manager': z.object({ ok: z.literal(true) }),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseOf<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

/** What the background answers when a handler fails or a message is refused. */
export const failureSchema = z.object({ error: z.string() });

export class MessageError extends Error {
  override name = 'MessageError';
}

/** Sends a request to the background and checks the answer against its schema. */
export async function sendRequest<T extends RequestType>(
  request: Extract<Request, { type: T }>,
): Promise<ResponseOf<T>> {
  const raw: unknown = await browser.runtime.sendMessage(requestSchema.parse(request));
  const failure = failureSchema.safeParse(raw);
  if (failure.success) throw new MessageError(failure.data.error);
  const schema = responseSchemas[request.type as T];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new MessageError(`Unexpected answer to ${request.type}`);
  return parsed.data as ResponseOf<T>;
}
