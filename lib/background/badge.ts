import { browser } from 'wxt/browser';
import type { OutboxWork } from '../outbox/outbox-work';

/** Buyer cancellation requests waiting for the seller's answer, as the badge shows them. */
export interface RequestBadgeState {
  readonly open: number;
  /** Any open request with under 6 hours left. */
  readonly urgent: boolean;
}

// Two jobs share the one badge (outbox, buyer requests): each reports its part, the badge shows both.
// Held in memory only: every job reports again on each worker start (heal).
let outboxPart: Pick<OutboxWork, 'pending' | 'attention'> = { pending: 0, attention: 0 };
let requestPart: RequestBadgeState = { open: 0, urgent: false };
let rendering: Promise<void> = Promise.resolve();

/**
 * The toolbar badge: actions waiting for Amazon, in amber; red when any needs the seller (under
 * review, or stuck on an error only they can fix). The tooltip says what the number means.
 */
export function updateBadge(work: Pick<OutboxWork, 'pending' | 'attention'>): Promise<void> {
  outboxPart = { pending: work.pending, attention: work.attention };
  return renderBadge();
}

/** Open buyer requests join the count: grey, or the warning red when one has under 6 hours left. */
export function updateRequestBadge(requests: RequestBadgeState): Promise<void> {
  requestPart = requests;
  return renderBadge();
}

/** Forgets both parts; for tests, which share one module across fake browsers. */
export function resetBadgeParts(): void {
  outboxPart = { pending: 0, attention: 0 };
  requestPart = { open: 0, urgent: false };
}

function renderBadge(): Promise<void> {
  // One render at a time, each from the latest parts, so two jobs never leave a mixed badge.
  rendering = rendering.catch(() => undefined).then(() => showBadge(outboxPart, requestPart));
  return rendering;
}

async function showBadge(work: Pick<OutboxWork, 'pending' | 'attention'>, requests: RequestBadgeState) {
  const count = work.pending + work.attention + requests.open;
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  if (count > 0) {
    const color = requests.urgent
      ? '#b3261e'
      : work.attention > 0
        ? '#b91c1c'
        : requests.open > 0
          ? '#5f6368'
          : '#b45309';
    await browser.action.setBadgeBackgroundColor({ color });
  }
  const parts = [
    requests.open > 0
      ? `${requests.open} buyer cancellation request${requests.open === 1 ? '' : 's'} waiting for an answer`
      : '',
    work.attention > 0
      ? `${work.attention} cancellation${work.attention === 1 ? '' : 's'} need${work.attention === 1 ? 's' : ''} your attention`
      : '',
    work.pending > 0 ? `${work.pending} waiting for Amazon` : '',
  ].filter(Boolean);
  await browser.action.setTitle({
    title: parts.length ? `Order Manager: ${parts.join('; ')}` : 'Order Manager',
  });
}
