import { browser } from 'wxt/browser';
import type { OrderSummary, Request } from '../messaging';
import type { SellerCentralRequests } from './feature-registry';
import { isOrderSummary } from './order-summary-check';

/**
 * The content script's requests to the background. Not `sendRequest` from lib/messaging.ts: that
 * pulls zod and the settings schemas into every Seller Central page (about 34 KB gzip against a
 * 10 KB budget), so answers are checked by isOrderSummary, which a unit test keeps in step with
 * orderSummarySchema. The background still parses every request with the shared zod schemas.
 */
/** A background that never answers (a worker stuck or being replaced) becomes a failure the page can show. */
export const ANSWER_WITHIN_MS = 30_000;

async function send(request: Request): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${request.type}: no answer`)), ANSWER_WITHIN_MS);
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
  async getOrderSummary(orderId): Promise<OrderSummary> {
    const answer = await send({ type: 'get-order-summary', orderId });
    if (!isOrderSummary(answer) || answer.orderId !== orderId)
      throw new Error('Unexpected answer to get-order-summary');
    return answer;
  },
  async openManager(orderId, action) {
    await send({ type: 'open-manager', orderId, ...(action ? { action } : {}) });
  },
  async reportAnchor(report) {
    await send({ type: 'seller-central-health', ...report });
  },
};
