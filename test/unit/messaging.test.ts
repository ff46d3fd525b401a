import { fakeBrowser } from 'wxt/testing';
import { MessageError, REQUEST_TIMEOUT_MS, RequestTimedOutError, sendRequest } from '../../lib/messaging';

describe('sendRequest', () => {
  let answer: (message: unknown) => Promise<unknown>;

  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
      answer(message)) as never);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const silent = () => new Promise<unknown>(() => undefined);

  it('turns a background that never answers into a plain failure after 30 seconds', async () => {
    answer = silent;
    const sent = sendRequest({ type: 'sync-now' });
    const outcome = sent.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestTimedOutError);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as Error).message).toBe(
      'The order manager did not answer within 30 seconds. Reload this page and try again; ' +
        'if it keeps happening, restart the browser.',
    );
  });

  it('gives requests that reach Amazon five minutes', async () => {
    answer = silent;
    const outcome = sendRequest({
      type: 'refresh-order',
      orderId: '113-4567890-1234567',
    }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(((await outcome) as Error).message).toContain('within 5 minutes');
  });

  it('takes a timeout from the caller', async () => {
    answer = silent;
    const outcome = sendRequest({ type: 'outbox-changed' }, { timeoutMs: 2_000 }).catch(
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await outcome).toBeInstanceOf(RequestTimedOutError);
  });

  it('says a background stopped mid-request (worker killed, Test connection lost) in plain words, not the browser’s', async () => {
    answer = () => Promise.reject(new Error('The message port closed before a response was received.'));
    const error = await sendRequest({
      type: 'test-connection',
      credentials: {
        clientId: 'amzn1.application-oa2-client.x',
        clientSecret: 's',
        refreshToken: 'Atzr|x',
        region: 'na',
        marketplaceIds: ['ATVPDKIKX0DER'],
      },
      endpointOverride: null,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as Error).message).toBe(
      'The order manager stopped before it answered. Reload this page and try again; ' +
        'if it keeps happening, restart the browser.',
    );
    expect(vi.getTimerCount()).toBe(0);
  });

  it('returns an answer that arrives in time and leaves no timer behind', async () => {
    answer = async () => ({ started: true });
    await expect(sendRequest({ type: 'sync-now' })).resolves.toEqual({ started: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still reports the background’s refusal and unexpected answers', async () => {
    answer = async () => ({ error: 'Request sync-now is not allowed from this sender' });
    await expect(sendRequest({ type: 'sync-now' })).rejects.toThrow('not allowed from this sender');
    answer = async () => ({ started: 'yes' });
    await expect(sendRequest({ type: 'sync-now' })).rejects.toThrow('Unexpected answer to sync-now');
    expect(vi.getTimerCount()).toBe(0);
  });
});
