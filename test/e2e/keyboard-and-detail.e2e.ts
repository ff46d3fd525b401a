import type { Page } from 'playwright-core';
import { useSandboxAccount } from './cancel-page';
import { visibleOrderIds, waitForOrders } from './order-list-page';

/** What has focus, in words a failure message can show. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: element?.textContent?.trim().slice(0, 60) ?? '',
      orderId: element?.getAttribute('data-order-id') ?? '',
    };
  });
}

describe('keyboard and order detail in the full-tab manager', () => {
  const world = useSandboxAccount(9, 300);

  it('opens an order with the keyboard, reaches Cancel order… in a few Tabs and Escape returns to the row', async () => {
    const tab = await world.extension.openPage('manager.html');
    await tab.setViewportSize({ width: 1280, height: 800 });
    await waitForOrders(tab, 100);
    await tab
      .getByRole('group', { name: 'Status' })
      .getByRole('button', { name: 'Unshipped', exact: true })
      .click();
    await tab.getByTestId('order-row').first().waitFor();

    // An unshipped order the seller can cancel (some are already cancelled or asked of Amazon).
    let orderId: string | undefined;
    for (const candidate of (await visibleOrderIds(tab)).slice(0, 10)) {
      await tab.locator(`[data-testid="order-row"][data-order-id="${candidate}"]`).focus();
      await tab.keyboard.press('Enter');
      const heading = tab.getByRole('heading', { name: `Order ${candidate}` });
      await heading.waitFor();
      // Opening moves focus to the order's heading.
      await expect.poll(() => focused(tab)).toMatchObject({ tag: 'h2', text: `Order ${candidate}` });
      const cancel = tab.getByRole('button', { name: 'Cancel order…' });
      await cancel.waitFor();
      if (await cancel.isEnabled()) {
        orderId = candidate;
        break;
      }
      await tab.keyboard.press('Escape');
    }
    if (!orderId) throw new Error('No cancellable unshipped order among the first rows');

    // Escape returns focus to the row the order was opened from.
    await tab.keyboard.press('Escape');
    await expect.poll(() => focused(tab)).toMatchObject({ tag: 'button', orderId });

    // From the top of the page: the skip link first, then the order's actions within a few Tabs.
    // Focus the document itself, as a page freshly reached is: the next Tab goes to its first control.
    await tab.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await tab.keyboard.press('Tab');
    expect(await focused(tab)).toMatchObject({ tag: 'a', text: 'Skip to order details' });
    await tab.keyboard.press('Enter');
    expect(await focused(tab)).toMatchObject({ tag: 'h2', text: `Order ${orderId}` });
    let presses = 0;
    while ((await focused(tab)).text !== 'Cancel order…' && presses < 10) {
      await tab.keyboard.press('Tab');
      presses += 1;
    }
    expect((await focused(tab)).text).toBe('Cancel order…');
    expect(presses).toBeLessThanOrEqual(4);

    // Escape from the detail still finds the row.
    await tab.keyboard.press('Escape');
    await expect.poll(() => focused(tab)).toMatchObject({ tag: 'button', orderId });
    await tab.close();
  });
});
