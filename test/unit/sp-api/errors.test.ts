import {
  describeIssues,
  LwaError,
  plainMessageOf,
  SpApiError,
  SpApiNetworkError,
  SpApiSchemaError,
} from '../../../lib/sp-api/errors';
import { endpointsFor, LWA_TOKEN_URL } from '../../../lib/sp-api/endpoints';
import { v2026OrderSchema } from '../../../lib/sp-api/schemas/orders';

describe('SP-API errors', () => {
  it('SpApiError keeps code, message and request id in its message', () => {
    const error = new SpApiError({
      operation: 'getOrder',
      status: 404,
      code: 'NotFound',
      message: 'Order not found',
      requestId: 'rid-1',
    });
    expect(error.message).toBe('getOrder failed with 404 NotFound: Order not found [request id rid-1]');
    expect(error.plainMessage()).toMatch(/could not find/);
  });

  it('gives a seller-readable sentence per kind of failure', () => {
    const of = (status: number, code = 'X') =>
      new SpApiError({ operation: 'searchOrders', status, code, message: 'm' }).plainMessage();
    expect(of(403, 'Unauthorized')).toBe(
      "Amazon refused the access token: the app's authorisation may have been revoked. Re-authorise the app and enter the new refresh token.",
    );
    expect(of(429, 'QuotaExceeded')).toMatch(/limiting/);
    expect(of(503)).toMatch(/temporary problem/);
    expect(new LwaError({ status: 400, error: 'invalid_grant' }).plainMessage()).toMatch(/refresh token/);
    expect(new LwaError({ status: 401, error: 'invalid_client' }).plainMessage()).toMatch(/client secret/);
    expect(new LwaError({ status: 0, error: 'network' }).plainMessage()).toMatch(/Could not reach/);
    expect(new SpApiNetworkError('getOrder', 'reset').plainMessage()).toMatch(/Could not reach Amazon/);
    expect(plainMessageOf(new SpApiSchemaError('getOrder', ['a']))).toMatch(/does not understand/);
  });

  it('schema errors name the operation and the paths of the first issues', () => {
    const parsed = v2026OrderSchema.safeParse({ orderId: 'X', orderItems: [{ quantityOrdered: 'two' }] });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = describeIssues(parsed.error.issues);
    expect(issues).toContain(
      'orderItems[0].quantityOrdered: Invalid input: expected number, received string',
    );
    const error = new SpApiSchemaError('getOrder', issues, 'rid');
    expect(error.message).toMatch(/^getOrder: Amazon's response did not match the expected shape: /);
    expect(error.message).toMatch(/and \d+ more/);
  });
});

describe('plain messages carry no raw codes', () => {
  const RAW = /http_|\b[1-5]\d\d\b|searchOrders|getOrder|NotFound|InvalidInput|invalid_\w+|QuotaExceeded/;

  it('says an LWA failure without its http_ code, and keeps the code for Technical details', () => {
    const error = new LwaError({ status: 404, error: 'http_404' });
    expect(error.plainMessage()).not.toMatch(RAW);
    expect(error.plainMessage()).toMatch(/Test connection/);
    expect(error.code).toBe('http_404');
    expect(new LwaError({ status: 200, error: 'invalid_response' }).plainMessage()).not.toMatch(RAW);
  });

  it('says SP-API failures without operation names or HTTP statuses', () => {
    const of = (status: number, code: string, message = '') =>
      new SpApiError({ operation: 'searchOrders', status, code, message }).plainMessage();
    for (const message of [
      of(404, 'NotFound', 'Not found'),
      of(400, 'InvalidInput', 'Invalid date'),
      of(409, 'Conflict'),
      of(503, 'ServiceUnavailable'),
      new SpApiSchemaError('getOrder', ['a']).plainMessage(),
    ]) {
      expect(message).not.toMatch(RAW);
    }
    // Amazon's own words stay, quoted, since they say what was wrong.
    expect(of(400, 'InvalidInput', 'Invalid date')).toContain('Amazon said: “Invalid date”.');
  });

  it('says a fetch that got no answer is Amazon not reached, with what to do', () => {
    expect(plainMessageOf(new TypeError('Failed to fetch'))).toBe(
      'Could not reach Amazon. Check the internet connection; the extension will try again.',
    );
    expect(plainMessageOf(new TypeError('NetworkError when attempting to fetch resource.'))).toMatch(
      /^Could not reach Amazon/,
    );
  });
});

describe('endpoints', () => {
  it('maps regions to production hosts and lets an override replace both URLs', () => {
    expect(endpointsFor('eu')).toEqual({
      spApiBaseUrl: 'https://sellingpartnerapi-eu.amazon.com',
      lwaTokenUrl: LWA_TOKEN_URL,
    });
    expect(endpointsFor('fe').spApiBaseUrl).toBe('https://sellingpartnerapi-fe.amazon.com');
    expect(
      endpointsFor('na', { spApiBaseUrl: 'http://127.0.0.1:9', lwaTokenUrl: 'http://127.0.0.1:9/t' }),
    ).toEqual({ spApiBaseUrl: 'http://127.0.0.1:9', lwaTokenUrl: 'http://127.0.0.1:9/t' });
  });
});
