/**
 * Login with Amazon for the sandbox: refresh-token grant → 1-hour access tokens on the sandbox
 * clock. Accepts form-encoded bodies (Amazon's documented format) and JSON (which LWA also takes,
 * and which the amazon-sp-api client sends).
 */
import type { Clock } from '../clock';
import { hashSeed, mulberry32, randomAlphanumeric } from './prng';

export interface LwaCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export type TokenCheck = 'valid' | 'expired' | 'invalid';

const LIFETIME_S = 3600;

export class LwaTokens {
  readonly #issued = new Map<string, number>();
  #revoked = false;
  readonly #random;

  constructor(
    private readonly clock: Clock,
    private readonly credentials: LwaCredentials,
    seed: number,
  ) {
    this.#random = mulberry32(hashSeed(seed, 0x1a4a));
  }

  revoke(): void {
    this.#revoked = true;
  }

  /** Every access token issued so far is expired from now on; new ones are good for their hour. */
  expireAll(): void {
    // Whatever the clock does later (an offset moving it back), these stay expired.
    for (const token of this.#issued.keys()) this.#issued.set(token, -Infinity);
  }

  check(token: string | null): TokenCheck {
    if (!token || this.#revoked) return 'invalid';
    const expires = this.#issued.get(token);
    if (expires === undefined) return 'invalid';
    return this.clock.now() >= expires ? 'expired' : 'valid';
  }

  async handle(request: Request): Promise<Response> {
    const fields = await readFields(request);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: {
          'content-type': 'application/json;charset=UTF-8',
          'cache-control': 'no-store',
          pragma: 'no-cache',
        },
      });
    const grantType = fields.get('grant_type');
    const clientId = fields.get('client_id');
    const clientSecret = fields.get('client_secret');
    const refreshToken = fields.get('refresh_token');
    if (!grantType || !clientId || !clientSecret || (grantType === 'refresh_token' && !refreshToken)) {
      return json(400, {
        error: 'invalid_request',
        error_description: 'The request is missing a required parameter : ' + missingName(fields),
      });
    }
    if (grantType !== 'refresh_token') {
      return json(400, {
        error: 'unsupported_grant_type',
        error_description: 'The sandbox supports grant_type=refresh_token only',
      });
    }
    if (clientId !== this.credentials.clientId || clientSecret !== this.credentials.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    if (refreshToken !== this.credentials.refreshToken || this.#revoked) {
      return json(400, {
        error: 'invalid_grant',
        error_description: 'The request has an invalid grant parameter : refresh_token',
      });
    }
    const accessToken = 'Atza|' + randomAlphanumeric(this.#random, 48);
    this.#issued.set(accessToken, this.clock.now() + LIFETIME_S * 1000);
    return json(200, {
      access_token: accessToken,
      refresh_token: this.credentials.refreshToken,
      token_type: 'bearer',
      expires_in: LIFETIME_S,
    });
  }
}

function missingName(fields: Map<string, string>): string {
  for (const name of ['grant_type', 'client_id', 'client_secret', 'refresh_token'])
    if (!fields.get(name)) return name;
  return 'grant_type';
}

async function readFields(request: Request): Promise<Map<string, string>> {
  const text = await request.text();
  const type = request.headers.get('content-type') ?? '';
  const fields = new Map<string, string>();
  if (type.includes('json') || text.trimStart().startsWith('{')) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields.set(k, v);
    } catch {
      // An unparsable body is simply missing its fields.
    }
    return fields;
  }
  for (const [k, v] of new URLSearchParams(text)) fields.set(k, v);
  return fields;
}
