import type { Transport } from '../../../lib/sp-api/transport';

export const LWA_URL = 'https://lwa.test/auth/o2/token';
export const BASE_URL = 'https://sp.test';
export const CREDENTIALS = {
  clientId: 'amzn1.application-oa2-client.test',
  clientSecret: 'SECRET-client-secret-value',
  refreshToken: 'Atzr|SECRET-refresh-token',
};

export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-RequestId': 'req-' + status, ...headers },
  });
}

export function errorList(status: number, code: string, message: string, details?: string): Response {
  return json({ errors: [{ code, message, ...(details ? { details } : {}) }] }, status);
}

/**
 * A hand-written stand-in for Amazon: answers LWA with a token, then passes every SP-API request to
 * the handler queue (one handler per request, the last one repeats). Records every request.
 */
export function fakeAmazon(handlers: Handler[], lwa: Handler = () => tokenResponse()) {
  const requests: Request[] = [];
  const spApiRequests: Request[] = [];
  let next = 0;
  const transport: Transport = async (request) => {
    requests.push(request.clone());
    const url = new URL(request.url);
    if (request.url === LWA_URL) return lwa(request, url);
    spApiRequests.push(request.clone());
    const handler = handlers[Math.min(next, handlers.length - 1)];
    next += 1;
    if (!handler) throw new Error('no handler');
    return handler(request, url);
  };
  return { transport, requests, spApiRequests };
}

let tokenCounter = 0;
export function tokenResponse(expiresIn = 3600): Response {
  tokenCounter += 1;
  return json({ access_token: `Atza|token-${tokenCounter}`, token_type: 'bearer', expires_in: expiresIn });
}
