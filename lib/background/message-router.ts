import { requestSchema, type Request, type RequestType, type ResponseOf } from '../messaging';
import { isSenderAllowed, type ExtensionIdentity, type SenderInfo } from './sender-policy';

export type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>, sender: SenderInfo) => Promise<ResponseOf<T>>;
};

/**
 * Turns a raw runtime message into a handler call. Anything that does not parse, or comes from a
 * sender not allowed to ask for it, gets an error answer and never reaches a handler.
 */
export function createMessageRouter(handlers: Handlers, self: ExtensionIdentity) {
  return async (raw: unknown, sender: SenderInfo): Promise<unknown> => {
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return { error: 'Unknown or malformed request' };
    const request = parsed.data;
    if (!isSenderAllowed(request.type, sender, self)) {
      return { error: `Request ${request.type} is not allowed from this sender` };
    }
    try {
      const handler = handlers[request.type] as (r: Request, s: SenderInfo) => Promise<unknown>;
      return await handler(request, sender);
    } catch (error) {
      return { error: error instanceof Error ? error.message : 'The request failed' };
    }
  };
}
