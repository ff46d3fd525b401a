import { createSpApiClient } from '../../../lib/sp-api/client';
import {
  BASE_URL,
  CREDENTIALS,
  errorList,
  fakeAmazon,
  json,
  LWA_URL,
  type Handler,
} from './fake-sp-api-transport';
import { HeldClock } from './held-clock';

const NOW = Date.parse('2026-11-26T10:00:00Z');

function heldClient(handlers: Handler[]) {
  const amazon = fakeAmazon(handlers);
  const clock = new HeldClock(NOW);
  const client = createSpApiClient({
    transport: amazon.transport,
    clock,
    credentials: CREDENTIALS,
    endpoints: { spApiBaseUrl: BASE_URL, lwaTokenUrl: LWA_URL },
    random: () => 0.5,
    requestTimeoutMs: 0,
  });
  return { client, clock, ...amazon };
}

const reportList = () => json({ reports: [] });

describe('SP-API client: a signal ends its waits', () => {
  it('ends a retry backoff at once and sends nothing more', async () => {
    const { client, clock, spApiRequests } = heldClient([
      () => errorList(503, 'ServiceUnavailable', 'Try later'),
    ]);
    const controller = new AbortController();
    const reading = client.withSignal(controller.signal).getReport('R1');
    await clock.sleeping();
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(spApiRequests).toHaveLength(1);
  });

  it('ends a wait for quota at once, before the request leaves', async () => {
    const { client, clock, spApiRequests } = heldClient([reportList]);
    const controller = new AbortController();
    const signalled = client.withSignal(controller.signal);
    // getReports: burst 10, so the 11th call waits 45 s for a token.
    for (let i = 0; i < 10; i++) await signalled.getReports({ reportTypes: ['T'] });
    const waiting = signalled.getReports({ reportTypes: ['T'] });
    await clock.sleeping();
    controller.abort(new Error('settings changed'));
    await expect(waiting).rejects.toThrow('settings changed');
    expect(spApiRequests).toHaveLength(10);
    expect(clock.sleeps).toEqual([Math.ceil(1000 / 0.0222)]);
  });

  it('ends the wait after a throttled createFeed without sending it again', async () => {
    const { client, clock, spApiRequests } = heldClient([
      () => errorList(429, 'QuotaExceeded', 'You exceeded your quota'),
    ]);
    const controller = new AbortController();
    let sends = 0;
    const creating = client.withSignal(controller.signal).createFeed(
      {
        feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
        marketplaceIds: ['ATVPDKIKX0DER'],
        inputFeedDocumentId: 'D1',
      },
      { beforeSend: async () => void (sends += 1) },
    );
    await clock.sleeping();
    controller.abort();
    await expect(creating).rejects.toMatchObject({ name: 'AbortError' });
    expect(sends).toBe(1);
    expect(spApiRequests).toHaveLength(1);
  });

  it('shares quota and call counts with the client it came from, and either signal stops it', async () => {
    const { client, clock } = heldClient([reportList]);
    const first = new AbortController();
    const second = new AbortController();
    const signalled = client.withSignal(first.signal).withSignal(second.signal);
    for (let i = 0; i < 10; i++) await client.getReports({ reportTypes: ['T'] });
    expect(signalled.calls.total).toBe(10);
    // The base client used the burst, so the signalled one waits for quota.
    const waiting = signalled.getReports({ reportTypes: ['T'] });
    await clock.sleeping();
    first.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(signalled.calls.total).toBe(10);
  });

  it('refuses to start once its signal has aborted', async () => {
    const { client, spApiRequests } = heldClient([reportList]);
    const controller = new AbortController();
    controller.abort();
    await expect(client.withSignal(controller.signal).getReport('R1')).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(spApiRequests).toHaveLength(0);
  });
});
