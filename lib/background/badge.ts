import { browser } from 'wxt/browser';

/** The toolbar badge counts actions still waiting for Amazon. */
export async function updateBadge(pendingActions: number): Promise<void> {
  await browser.action.setBadgeText({ text: pendingActions > 0 ? String(pendingActions) : '' });
  if (pendingActions > 0) await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
}
