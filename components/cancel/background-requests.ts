import { sendRequest } from '../../lib/messaging';

/** Asks the background to send a reviewed cancellation again (it re-queues it and starts the outbox). */
export async function sendAgainInBackground(actionId: string): Promise<void> {
  await sendRequest({ type: 'send-again', actionId });
}

/** Asks the background to read one order with getOrder, on the account (or demo sandbox) it syncs. */
export async function readOrderInBackground(orderId: string): Promise<void> {
  const answer = await sendRequest({ type: 'refresh-order', orderId });
  if (!answer.ok) throw new Error(answer.message);
}
