import { browser } from 'wxt/browser';
import type { OrderLookup, Request } from '../messaging';
import type { SellerCentralRequests } from './feature-registry';
import { isOrderLookup, isSyncOrderAnswer } from './order-summary-check';

/**
 * The content script's requests to the background. Not `sendRequest` from lib/messaging.ts: that
 * pulls zod and the settings schemas into every Seller Central page (about 34 KB gzip against a
 * 10 KB budget), so answers are checked by isOrderLookup, which a unit test keeps in step with
 * orderLookupSchema. The background still parses every request with the shared zod schemas.
 */
/** A background that never answers (a worker stuck or being replaced) becomes a failure the page can show. */
export const ANSWER_WITHIN_MS = 30_000;
/** "Sync now" is answered when the sync has ended, or after 4 minutes that it still runs (message-handlers.ts). */
export const SYNC_ANSWER_WITHIN_MS = 5 * 60_000;

async function send(request: Request, withinMs = ANSWER_WITHIN_MS): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${request.type}: no answer`)), withinMs);
  });
  let answer: unknown;
  try {
    answer = await Promise.race([browser.runtime.sendMessage(request), silence]);
  } finally {
    clearTimeout(timer);
  }
  if (typeof answer === 'object' && answer !== null && 'error' in answer) {
    throw new Error(`${request.type} refused`);
  }
  return answer;
}

export const browserRequests: SellerCentralRequests = {
  async lookUpOrder(orderId) {
    const answer = await send({ type: 'get-order-summary', orderId });
    if (!isOrderLookup(answer) || lookupOrderId(answer) !== orderId)
      throw new Error('Unexpected answer to get-order-summary');
    return answer;
  },
  async syncOrder(orderId) {
    const answer = await send({ type: 'sync-order', orderId }, SYNC_ANSWER_WITHIN_MS);
    if (!isSyncOrderAnswer(answer) || (answer.synced && lookupOrderId(answer.lookup) !== orderId))
      throw new Error('Unexpected answer to sync-order');
    return answer;
  },
  async openManager(orderId, action) {
    await send({
      type: 'open-manager',
      ...(orderId ? { orderId } : {}),
      ...(action ? { action } : {}),
    });
  },
  async openRequests() {
    await send({ type: 'open-manager', view: 'requests' });
  },
  async openOptions() {
    await send({ type: 'open-options' });
  },
  async reportAnchor(report) {
    await send({ type: 'seller-central-health', ...report });
  },
};

function lookupOrderId(lookup: OrderLookup): string {
  return lookup.stored ? lookup.summary.orderId : lookup.orderId;
}
