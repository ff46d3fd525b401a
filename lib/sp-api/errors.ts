import type { z } from 'zod';
import { errorMessage } from '../error-message';

/**
 * Typed failures of the SP-API client. Messages carry Amazon's code, message and request id, and
 * never a secret (client secret, refresh token, access token): none of those is ever passed in.
 */

export interface SpApiErrorInit {
  readonly operation: string;
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: string;
  readonly requestId?: string;
}

/** Amazon answered with an error status (4xx/5xx) and, usually, an `ErrorList`. */
export class SpApiError extends Error {
  override name = 'SpApiError';
  readonly operation: string;
  readonly status: number;
  readonly code: string;
  /** Amazon's own message, without the operation/status prefix of `message`. */
  readonly amazonMessage: string;
  readonly details?: string;
  readonly requestId?: string;

  constructor(init: SpApiErrorInit) {
    super(
      `${init.operation} failed with ${init.status} ${init.code}: ${init.message}` +
        (init.details ? ` (${init.details})` : '') +
        (init.requestId ? ` [request id ${init.requestId}]` : ''),
    );
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.amazonMessage = init.message;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** A sentence a seller can act on; the operation, status and code stay in `message` and `code`. */
  plainMessage(): string {
    if (this.operation === 'downloadDocument' && (this.status === 403 || this.status === 404)) {
      return 'The report download link from Amazon has expired. The extension will ask for a new one.';
    }
    if (this.status === 401 || this.status === 403 || this.code === 'Unauthorized') {
      return (
        "Amazon refused the access token: the app's authorisation may have been revoked. " +
        'Re-authorise the app and enter the new refresh token.'
      );
    }
    if (this.status === 429 || this.code === 'QuotaExceeded') {
      return 'Amazon is limiting how often the extension may ask for data. It will try again shortly.';
    }
    if (this.status === 404) {
      return (
        'Amazon could not find what the extension asked for. Check the region and marketplaces in ' +
        'Settings; if they are right, the extension will try again at the next sync.'
      );
    }
    if (this.status >= 500) {
      return "Amazon's service had a temporary problem. The extension will try again later.";
    }
    // Amazon's own words, quoted: they say what was wrong; the code stays under Technical details.
    const said = this.amazonMessage ? ` Amazon said: “${this.amazonMessage}”.` : '';
    if (this.status === 400) {
      return `Amazon refused the request as invalid.${said} Check the region and marketplaces in Settings.`;
    }
    return `Amazon refused the request.${said} The extension will try again at the next sync.`;
  }
}

export interface LwaErrorInit {
  /** HTTP status, or 0 when the token endpoint could not be reached. */
  readonly status: number;
  /** OAuth2 error code (`invalid_grant`, `invalid_client`, ...), `network` or `invalid_response`. */
  readonly error: string;
  readonly description?: string;
}

/** The Login with Amazon token exchange failed. */
export class LwaError extends Error {
  override name = 'LwaError';
  readonly status: number;
  readonly error: string;
  readonly description?: string;

  constructor(init: LwaErrorInit) {
    super(
      `LWA token exchange failed` +
        (init.status ? ` with ${init.status}` : '') +
        `: ${init.error}` +
        (init.description ? ` (${init.description})` : ''),
    );
    this.status = init.status;
    this.error = init.error;
    this.description = init.description;
  }

  /** The OAuth error (or `network`, `http_<status>`), for Technical details beside the plain message. */
  get code(): string {
    return this.error;
  }

  plainMessage(): string {
    switch (this.error) {
      case 'invalid_client':
        return (
          "Amazon did not accept the app's client id or client secret. Copy the LWA credentials " +
          'of your app from Seller Central (Develop Apps) again.'
        );
      case 'invalid_grant':
        return (
          'Amazon rejected the refresh token: it is wrong, expired or revoked. ' +
          'Re-authorise the app and enter the new refresh token.'
        );
      case 'unauthorized_client':
        return 'Amazon does not allow this app to use the refresh token. Check that the token belongs to this app.';
      case 'network':
        return "Could not reach Amazon's login service. Check the internet connection; the extension will try again.";
      case 'invalid_response':
        return (
          "Amazon's login service sent an answer the extension does not understand. " +
          'The extension will try again; if this keeps happening, check the addresses under Advanced in Settings.'
        );
      default:
        if (this.status >= 500) {
          return "Amazon's login service had a temporary problem. The extension will try again later.";
        }
        return (
          "Amazon's login service refused the request. Check the client id, client secret and refresh " +
          'token in Settings and press Test connection.'
        );
    }
  }
}

/** Amazon's answer did not have the shape the model promises (or was not JSON at all). */
export class SpApiSchemaError extends Error {
  override name = 'SpApiSchemaError';
  readonly operation: string;
  readonly issues: readonly string[];
  readonly requestId?: string;

  constructor(operation: string, issues: readonly string[], requestId?: string) {
    super(
      `${operation}: Amazon's response did not match the expected shape: ${issues.slice(0, 3).join('; ')}` +
        (issues.length > 3 ? `; and ${issues.length - 3} more` : '') +
        (requestId ? ` [request id ${requestId}]` : ''),
    );
    this.operation = operation;
    this.issues = issues;
    this.requestId = requestId;
  }

  plainMessage(): string {
    return 'Amazon sent an answer the extension does not understand. It will try again later.';
  }
}

/** The request never got an HTTP answer (offline, DNS, reset, timeout). */
export class SpApiNetworkError extends Error {
  override name = 'SpApiNetworkError';
  readonly operation: string;
  /** No answer came within the client's time limit and the request was aborted. */
  readonly timedOut: boolean;

  constructor(operation: string, reason: string, options: { timedOut?: boolean } = {}) {
    super(`${operation}: network error: ${reason}`);
    this.operation = operation;
    this.timedOut = options.timedOut ?? false;
  }

  plainMessage(): string {
    if (this.timedOut) {
      return 'Amazon did not answer in time, so the request was stopped. The extension will try again.';
    }
    return 'Could not reach Amazon. Check the internet connection; the extension will try again.';
  }
}

/** "path.to.field: message" for each zod issue, the form every schema error message uses. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.length
      ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.')
      : '(root)';
    return `${path.replace(/\.\[/g, '[')}: ${issue.message}`;
  });
}

/** Any error of this module as a sentence for the seller. */
export function plainMessageOf(error: unknown): string {
  // Any of our errors that knows how to say itself plainly (SP-API, LWA, store, report errors).
  const plain = (error as { plainMessage?: unknown } | null)?.plainMessage;
  if (typeof plain === 'function') return String(plain.call(error));
  // fetch() rejects with a TypeError when nothing answered ("Failed to fetch", "NetworkError ...").
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new SpApiNetworkError('request', error.message).plainMessage();
  }
  return errorMessage(error);
}
