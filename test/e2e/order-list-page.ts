import type { Page } from 'playwright-core';

/** Reads "N of M orders" from the list's count. */
export async function orderCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.getByTestId('order-count').textContent()) ?? '';
  const [shown, total] = (text.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
  return { shown: shown ?? NaN, total: total ?? NaN };
}

/** Waits until the list holds at least `min` orders and no sync is running. */
export async function waitForOrders(page: Page, min: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { total } = await orderCount(page).catch(() => ({ total: NaN }));
    const syncing = await page
      .getByRole('button', { name: 'Syncing…' })
      .count()
      .catch(() => 0);
    const synced = !/Last successful sync:\s*never/.test(
      (await page.getByTestId('sync-bar').textContent()) ?? '',
    );
    if (total >= min && syncing === 0 && synced) return total;
    if (Date.now() > deadline) throw new Error(`Only ${total} orders listed after ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

/** Order ids of the rows currently rendered (the list is virtualised). */
export async function visibleOrderIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('order-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-order-id') ?? ''));
}
