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
