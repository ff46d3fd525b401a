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

/** Asks the background to record that the seller declined the buyer's request (keeps the order); `memo` says why. */
export async function declineRequestInBackground(orderId: string, memo: string): Promise<void> {
  const answer = await sendRequest({ type: 'decline-buyer-request', orderId, memo });
  if (!answer.ok) throw new Error(answer.message);
}

/** Asks the background to take back a decline: the request needs an answer again. */
export async function undoDeclineInBackground(orderId: string): Promise<void> {
  const answer = await sendRequest({ type: 'undo-decline-buyer-request', orderId });
  if (!answer.ok) throw new Error(answer.message);
}
