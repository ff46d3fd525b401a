import { fakeBrowser } from 'wxt/testing';
import {
  ANSWER_WITHIN_MS,
  browserRequests,
  SYNC_ANSWER_WITHIN_MS,
} from '../../../lib/seller-central/browser-requests';
import { requestSchema } from '../../../lib/messaging';

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

  it.each([
    ['a stored order', { stored: true, summary: { orderId: ID, demo: false, status: 'UNSHIPPED' } }],
    ['an order not synced yet', { stored: false, orderId: ID, reason: 'not-synced' }],
    ['demo mode', { stored: false, orderId: ID, reason: 'demo' }],
    ['another account', { stored: false, orderId: ID, reason: 'other-account' }],
  ])('asks about the order and returns a valid answer: %s', async (_name, value) => {
    answer = value;
    await expect(browserRequests.lookUpOrder(ID)).resolves.toEqual(answer);
    expect(received).toEqual([{ type: 'get-order-summary', orderId: ID }]);
  });

  it.each([
    ['a refusal', { error: 'Not allowed' }],
    ['a malformed summary', { stored: true, summary: { orderId: ID, demo: 'yes' } }],
    ['an unknown reason', { stored: false, orderId: ID, reason: 'deleted' }],
    ['the old answer shape', { orderId: ID, known: false, demo: false }],
    ['an answer about another order', { stored: false, orderId: '114-2223334-5556667', reason: 'demo' }],
  ])('rejects %s', async (_name, value) => {
    answer = value;
    await expect(browserRequests.lookUpOrder(ID)).rejects.toThrow();
  });

  it('asks for a sync of the order and checks the answer', async () => {
    answer = { synced: true, lookup: { stored: false, orderId: ID, reason: 'not-synced' } };
    await expect(browserRequests.syncOrder(ID)).resolves.toEqual(answer);
    answer = { synced: false, reason: 'Order download is turned off in Settings.' };
    await expect(browserRequests.syncOrder(ID)).resolves.toEqual(answer);
    answer = { synced: true, lookup: { stored: false, orderId: '114-2223334-5556667', reason: 'demo' } };
    await expect(browserRequests.syncOrder(ID)).rejects.toThrow();
    expect(received).toEqual(Array(3).fill({ type: 'sync-order', orderId: ID }));
  });

  it('waits minutes, not seconds, for a sync to end', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
      let settled = false;
      const asked = browserRequests.syncOrder(ID).finally(() => (settled = true));
      const outcome = expect(asked).rejects.toThrow('sync-order: no answer');
      await vi.advanceTimersByTimeAsync(ANSWER_WITHIN_MS);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(SYNC_ANSWER_WITHIN_MS - ANSWER_WITHIN_MS);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks to open Settings, and the manager without an order', async () => {
    answer = { ok: true };
    await browserRequests.openOptions();
    await browserRequests.openManager();
    expect(received).toEqual([{ type: 'open-options' }, { type: 'open-manager' }]);
  });

  it('gives up on a background that never answers', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => new Promise(() => {})) as never);
      const asked = browserRequests.lookUpOrder(ID);
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

  it("asks to open the requests view, and an order's accept or decline dialog, in messages the background accepts", async () => {
    answer = { ok: true };
    await browserRequests.openRequests();
    await browserRequests.openManager(ID, 'accept-request');
    await browserRequests.openManager(ID, 'decline-request');
    expect(received).toEqual([
      { type: 'open-manager', view: 'requests' },
      { type: 'open-manager', orderId: ID, action: 'accept-request' },
      { type: 'open-manager', orderId: ID, action: 'decline-request' },
    ]);
    for (const message of received) expect(requestSchema.parse(message)).toEqual(message);
  });
});
