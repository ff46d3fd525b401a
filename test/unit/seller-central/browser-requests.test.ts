import { fakeBrowser } from 'wxt/testing';
import { ANSWER_WITHIN_MS, browserRequests } from '../../../lib/seller-central/browser-requests';

const ID = '113-4567890-1234567';

describe('browserRequests', () => {
  let answer: unknown;
  let received: unknown[];
  afterEach(() => vi.restoreAllMocks());
  beforeEach(() => {
    fakeBrowser.reset();
    received = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
      received.push(message);
      return answer;
    }) as never);
  });

  it('asks for a summary and returns a valid answer', async () => {
    answer = { orderId: ID, known: true, demo: false, status: 'UNSHIPPED' };
    await expect(browserRequests.getOrderSummary(ID)).resolves.toEqual(answer);
    expect(received).toEqual([{ type: 'get-order-summary', orderId: ID }]);
  });

  it.each([
    ['a refusal', { error: 'Not allowed' }],
    ['a malformed summary', { orderId: ID, known: 'yes' }],
    ['a summary of another order', { orderId: '114-2223334-5556667', known: false, demo: false }],
  ])('rejects %s', async (_name, value) => {
    answer = value;
    await expect(browserRequests.getOrderSummary(ID)).rejects.toThrow();
  });

  it('gives up on a background that never answers', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
      const asked = browserRequests.getOrderSummary(ID);
      const outcome = expect(asked).rejects.toThrow('get-order-summary: no answer');
      await vi.advanceTimersByTimeAsync(ANSWER_WITHIN_MS);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks to open the manager, with the cancel dialog when asked', async () => {
    answer = { ok: true };
    await browserRequests.openManager(ID, 'cancel');
    await browserRequests.openManager(ID);
    expect(received).toEqual([
      { type: 'open-manager', orderId: ID, action: 'cancel' },
      { type: 'open-manager', orderId: ID },
    ]);
  });
});
