import { z } from '../zod';
import type { Clock } from '../clock';
import { LwaError } from './errors';
import type { Transport } from './transport';

export interface LwaCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface LwaTokenProviderOptions {
  readonly transport: Transport;
  readonly clock: Clock;
  readonly credentials: LwaCredentials;
  readonly lwaTokenUrl: string;
  /** Called once per exchange actually sent, for call accounting. */
  readonly onExchange?: () => void;
}

export interface LwaTokenProvider {
  /** A valid access token, exchanged at most once at a time and reused until 60 s before expiry. */
  getAccessToken(): Promise<string>;
  /**
   * Drops the cached token (after Amazon refused it with 403). Given the refused token, only that
   * token is dropped, so several calls failing together cause one re-exchange, not several.
   */
  invalidate(refusedToken?: string): void;
}

/** Refresh this long before Amazon's expiry so a token never dies in flight. */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive(),
});

const oauthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
});

export function createLwaTokenProvider(options: LwaTokenProviderOptions): LwaTokenProvider {
  const { transport, clock, credentials, lwaTokenUrl } = options;
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  // Amazon's descriptions sometimes echo request parameters; keep the secrets out of every message.
  const redact = (text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    let result = text;
    for (const secret of [credentials.clientSecret, credentials.refreshToken]) {
      if (secret) result = result.split(secret).join('[redacted]');
    }
    return result;
  };

  async function exchange(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: credentials.refreshToken,
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    const request = new Request(lwaTokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        accept: 'application/json',
      },
      body: body.toString(),
    });
    options.onExchange?.();
    let response: Response;
    try {
      response = await transport(request);
    } catch (error) {
      throw new LwaError({ status: 0, error: 'network', description: redact((error as Error)?.message) });
    }
    const text = await response.text().catch(() => '');
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = oauthErrorSchema.safeParse(json);
      throw new LwaError({
        status: response.status,
        error: parsed.success ? parsed.data.error : `http_${response.status}`,
        description: redact(parsed.success ? parsed.data.error_description : undefined),
      });
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new LwaError({
        status: response.status,
        error: 'invalid_response',
        description: 'the token response has no access_token/expires_in',
      });
    }
    const lifetimeMs = parsed.data.expires_in * 1000;
    cached = {
      token: parsed.data.access_token,
      refreshAt: clock.now() + Math.max(0, lifetimeMs - TOKEN_REFRESH_MARGIN_MS),
    };
    return parsed.data.access_token;
  }

  return {
    getAccessToken() {
      if (cached && clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      if (!inFlight) {
        inFlight = exchange().finally(() => {
          inFlight = undefined;
        });
      }
      return inFlight;
    },
    invalidate(refusedToken) {
      if (!cached) return;
      if (refusedToken === undefined || cached.token === refusedToken) cached = undefined;
    },
  };
}
