import { unreachableEndpointMessage } from '../../../lib/settings/connection-test-failure';
import { LwaError, SpApiError, SpApiNetworkError } from '../../../lib/sp-api/errors';

const override = {
  spApiBaseUrl: 'http://127.0.0.1:8787',
  lwaTokenUrl: 'http://127.0.0.1:8787/auth/o2/token',
};
const lwaUnreachable = new LwaError({ status: 0, error: 'network', description: 'Failed to fetch' });
const spApiUnreachable = new SpApiNetworkError('getReports', 'Failed to fetch');

describe('unreachableEndpointMessage (Test connection got no answer)', () => {
  it('names the Advanced address that did not answer as the likely cause', () => {
    expect(unreachableEndpointMessage(spApiUnreachable, override)).toBe(
      'Could not reach http://127.0.0.1:8787 (Advanced: SP-API base URL). Check that address, or clear both Advanced addresses to use Amazon’s.',
    );
    expect(unreachableEndpointMessage(lwaUnreachable, override)).toMatch(
      /^Could not reach http:\/\/127\.0\.0\.1:8787\/auth\/o2\/token \(Advanced: LWA token URL\)\./,
    );
    expect(
      unreachableEndpointMessage(
        new SpApiNetworkError('getReports', 'timed out', { timedOut: true }),
        override,
      ),
    ).toMatch(/^http:\/\/127\.0\.0\.1:8787 \(Advanced: SP-API base URL\) did not answer in time\./);
    expect(unreachableEndpointMessage(new TypeError('Failed to fetch'), override)).toMatch(
      /LWA token URL.*or .*SP-API base URL.*Check those addresses/,
    );
  });

  it('without Advanced addresses, says Amazon could not be reached and to check the connection', () => {
    expect(unreachableEndpointMessage(spApiUnreachable, null)).toBe(
      'Could not reach Amazon. Check the internet connection, then test again.',
    );
    expect(unreachableEndpointMessage(lwaUnreachable, null)).toBe(
      'Could not reach Amazon’s login service. Check the internet connection, then test again.',
    );
  });

  it('leaves an answer that refused the credentials to its own words', () => {
    expect(
      unreachableEndpointMessage(new LwaError({ status: 400, error: 'invalid_grant' }), override),
    ).toBeUndefined();
    const refused = new SpApiError({
      operation: 'getReports',
      status: 403,
      code: 'Unauthorized',
      message: 'no',
    });
    expect(unreachableEndpointMessage(refused, override)).toBeUndefined();
    expect(unreachableEndpointMessage(new Error('something else'), null)).toBeUndefined();
  });
});
