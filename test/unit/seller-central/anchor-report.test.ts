// @vitest-environment jsdom
import { cancelWarning } from '../../../lib/seller-central/features/cancel-warning';
import { loadFixture, testContext, type TestContext } from './seller-central-page';

const US = 'https://sellercentral.amazon.com';

/** Runs the cancel warning on the loaded page and lets its wait for the anchor run out. */
async function reportsOn(fixture: string, url: string, change?: () => void): Promise<TestContext> {
  loadFixture(fixture, url);
  change?.();
  const controller = new AbortController();
  const context = testContext();
  try {
    await cancelWarning.init(controller.signal, context);
    await vi.advanceTimersByTimeAsync(context.anchorWaitMs);
    return context;
  } finally {
    controller.abort();
  }
}

describe('the cancel warning reports whether it found its place', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('Manage Orders with Unshipped rows and a known cancel control: placed', async () => {
    const context = await reportsOn('manage-orders-unshipped.html', `${US}/orders-v3/mfn/unshipped`);
    expect(context.requests.anchorReports).toEqual([
      { feature: 'cancel-warning', page: 'manage-orders', placed: true },
    ]);
  });

  it('Manage Orders with Unshipped rows but no cancel control it knows: missing, once the wait is over', async () => {
    const context = await reportsOn('manage-orders-changed.html', `${US}/orders-v3/mfn/unshipped`);
    expect(context.requests.anchorReports).toEqual([
      { feature: 'cancel-warning', page: 'manage-orders', placed: false },
    ]);
  });

  it('Manage Orders with no Unshipped order (nothing to cancel): no report', async () => {
    const context = await reportsOn('manage-orders-changed.html', `${US}/orders-v3/mfn/shipped`, () => {
      for (const status of document.querySelectorAll('.main-status')) status.textContent = 'Shipped';
    });
    expect(context.requests.anchorReports).toEqual([]);
  });

  it('nothing is reported before the wait is over, or after the run ends', async () => {
    loadFixture('manage-orders-changed.html', `${US}/orders-v3/mfn/unshipped`);
    const controller = new AbortController();
    const context = testContext();
    await cancelWarning.init(controller.signal, context);
    await vi.advanceTimersByTimeAsync(context.anchorWaitMs - 1);
    expect(context.requests.anchorReports).toEqual([]);
    controller.abort();
    await vi.advanceTimersByTimeAsync(context.anchorWaitMs);
    expect(context.requests.anchorReports).toEqual([]);
  });

  it('the cancel page with its Submit: placed; without one: missing', async () => {
    const url = `${US}/orders-v3/order/113-4567890-1234567/cancel-order`;
    const withSubmit = await reportsOn('cancel-order.html', url);
    expect(withSubmit.requests.anchorReports).toEqual([
      { feature: 'cancel-warning', page: 'cancel-order', placed: true },
    ]);
    const withoutSubmit = await reportsOn('cancel-order.html', url, () => {
      document.querySelector('input[type="submit"]')?.closest('.a-button')?.remove();
    });
    expect(withoutSubmit.requests.anchorReports).toEqual([
      { feature: 'cancel-warning', page: 'cancel-order', placed: false },
    ]);
  });

  it('a cancel page with no form (an order Amazon no longer lets you cancel): no report', async () => {
    const url = `${US}/orders-v3/order/113-4567890-1234567/cancel-order`;
    const noForm = await reportsOn('cancel-order.html', url, () => {
      const alert = document.createElement('div');
      alert.className = 'a-alert-content';
      alert.textContent = 'This order can no longer be cancelled.';
      document.querySelector('#cancel-order-form')?.replaceWith(alert);
    });
    expect(noForm.requests.anchorReports).toEqual([]);
  });

  it('a page slower than the wait: missing, then placed once the anchor renders (the notice clears)', async () => {
    const url = `${US}/orders-v3/order/113-4567890-1234567/cancel-order`;
    loadFixture('cancel-order.html', url);
    const submit = document.querySelector('input[type="submit"]')!.closest('.a-button')!;
    const parent = submit.parentElement!;
    submit.remove();
    const controller = new AbortController();
    const context = testContext();
    try {
      await cancelWarning.init(controller.signal, context);
      await vi.advanceTimersByTimeAsync(context.anchorWaitMs);
      expect(context.requests.anchorReports).toEqual([
        { feature: 'cancel-warning', page: 'cancel-order', placed: false },
      ]);
      parent.append(submit);
      await vi.waitFor(() =>
        expect(context.requests.anchorReports).toEqual([
          { feature: 'cancel-warning', page: 'cancel-order', placed: false },
          { feature: 'cancel-warning', page: 'cancel-order', placed: true },
        ]),
      );
    } finally {
      controller.abort();
    }
  });

  it('order details are not reported (a shipped order rightly has no cancel control)', async () => {
    const context = await reportsOn('order-details.html', `${US}/orders-v3/order/113-4567890-1234567`, () =>
      document.querySelector('#cancel-order-button')?.remove(),
    );
    expect(context.requests.anchorReports).toEqual([]);
  });
});
