import { browser } from 'wxt/browser';
import type { OutboxWork } from '../outbox/outbox-work';

/**
 * The toolbar badge: actions waiting for Amazon, in amber; red when any needs the seller (under
 * review, or stuck on an error only they can fix). The tooltip says what the number means.
 */
export async function updateBadge(work: Pick<OutboxWork, 'pending' | 'attention'>): Promise<void> {
  const count = work.pending + work.attention;
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  if (count > 0) {
    await browser.action.setBadgeBackgroundColor({ color: work.attention > 0 ? '#b91c1c' : '#b45309' });
  }
  const parts = [
    work.attention > 0
      ? `${work.attention} cancellation${work.attention === 1 ? '' : 's'} need${work.attention === 1 ? 's' : ''} your attention`
      : '',
    work.pending > 0 ? `${work.pending} waiting for Amazon` : '',
  ].filter(Boolean);
  await browser.action.setTitle({
    title: parts.length ? `Order Manager: ${parts.join('; ')}` : 'Order Manager',
  });
}
