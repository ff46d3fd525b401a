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

/** Opens unshipped orders one by one until one can be cancelled; returns its id with the dialog open. */
export async function openCancellableOrder(
  popup: Page,
  skip: ReadonlySet<string> = new Set(),
): Promise<string> {
  // Start from the list, whatever an earlier step left open.
  if (await popup.getByRole('dialog').count()) await popup.keyboard.press('Escape');
  const back = popup.getByRole('button', { name: /Back to list/ });
  if (await back.count()) await back.click();
  await popup.getByRole('searchbox', { name: 'Search orders' }).fill('');
  const status = popup
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: 'Unshipped', exact: true });
  if ((await status.getAttribute('aria-pressed')) !== 'true') {
    await status.click();
    // The filtered list renders after the click (a deferred render): until then the rows are every
    // status's, and a loaded machine can spend every attempt below on shipped orders.
    await popup.waitForFunction(
      () =>
        !/^([\d,]+) of \1 orders/.test(
          document.querySelector('[data-testid="order-count"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
  }
  await popup.getByTestId('order-row').first().waitFor();
  const tried = new Set(skip);
  // The list may re-render under us (syncs, outbox refreshes), so re-read the rows each time.
  for (let attempt = 0; attempt < 40; attempt++) {
    const orderId = (await visibleOrderIds(popup)).find((id) => !tried.has(id));
    if (!orderId) {
      await popup.waitForTimeout(500);
      continue;
    }
    tried.add(orderId);
    const row = popup.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
    if (
      !(await row.click({ timeout: 2_000 }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const button = popup.getByRole('button', { name: 'Cancel order…' });
    await button.waitFor();
    if (await button.isEnabled()) {
      await button.click();
      return orderId;
    }
    await popup.getByRole('button', { name: /Back to list/ }).click();
  }
  throw new Error('No cancellable order in view');
}
