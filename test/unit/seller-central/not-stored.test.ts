// @vitest-environment jsdom
import type { ResponseOf } from '../../../lib/messaging';
import { CANCEL_WARNING_TEXT, cancelWarning } from '../../../lib/seller-central/features/cancel-warning';
import { orderPanel } from '../../../lib/seller-central/features/order-panel';
import {
  DEMO_TEXT,
  NO_ANSWER_TEXT,
  NOT_SYNCED_TEXT,
  OTHER_ACCOUNT_TEXT,
  STILL_NOT_SYNCED_TEXT,
  SYNCING_TEXT,
} from '../../../lib/seller-central/ui/not-stored-notice';
import {
  buttonIn,
  clickAsPage,
  fakeRequests,
  hosts,
  loadFixture,
  settle,
  shadowOf,
  summary,
  testContext,
  trustedClick,
  type RecordedRequests,
} from './seller-central-page';

const US = 'https://sellercentral.amazon.com';
const ORDER = '113-4567890-1234567';
const MANAGE_ORDERS_ORDERS = ['113-4567890-1234567', '114-2223334-5556667', '112-2223334-4445556'];

/** Each Seller Central page the not-stored notice appears on: its saved page, URL, feature and host. */
const PAGES = [
  {
    name: 'the cancel warning on Manage Orders',
    fixture: 'manage-orders-unshipped.html',
    url: `${US}/orders-v3/mfn/unshipped`,
    feature: cancelWarning,
    hostCount: 3,
  },
  {
    name: 'the cancel warning on the cancel page',
    fixture: 'cancel-order.html',
    url: `${US}/orders-v3/order/${ORDER}/cancel-order`,
    feature: cancelWarning,
    hostCount: 1,
  },
  {
    name: 'the order panel',
    fixture: 'order-details.html',
    url: `${US}/orders-v3/order/${ORDER}`,
    feature: orderPanel,
    hostCount: 1,
  },
] as const;

const runs: AbortController[] = [];
afterEach(() => {
  for (const controller of runs.splice(0)) controller.abort();
});

async function show(page: (typeof PAGES)[number], requests: RecordedRequests): Promise<HTMLElement> {
  loadFixture(page.fixture, page.url);
  const controller = new AbortController();
  runs.push(controller);
  const context = testContext(requests);
  await page.feature.init(controller.signal, context);
  await settle();
  const found = hosts(page.feature.id);
  expect(found).toHaveLength(page.hostCount);
  return found[0]!;
}

const textOf = (host: Element) => shadowOf(host).textContent ?? '';
const buttonsOf = (host: Element) => [...shadowOf(host).querySelectorAll('button')].map((b) => b.textContent);

describe.each(PAGES)('an order the manager does not have: $name', (page) => {
  it('not synced yet: says so, with Sync now and Open the order manager (and no cancel there)', async () => {
    const requests = fakeRequests({}, 'not-synced');
    const host = await show(page, requests);
    expect(textOf(host)).toContain(NOT_SYNCED_TEXT);
    expect(buttonsOf(host)).toEqual(['Sync now', 'Open the order manager']);
    trustedClick(buttonIn(host, 'Open the order manager'));
    await settle();
    // The manager opens on its order list: it has no page for this order to open.
    expect(requests.opened).toEqual([{}]);
  });

  it('Sync now: says Syncing…, then shows the order once the sync brought it in', async () => {
    const requests = fakeRequests({}, 'not-synced');
    let endSync: (answer: ResponseOf<'sync-order'>) => void = () => undefined;
    requests.syncAnswer = () => new Promise((resolve) => (endSync = resolve));
    const host = await show(page, requests);
    // Page script cannot start a sync: only the seller's trusted click does.
    buttonIn(host, 'Sync now').click();
    await settle();
    expect(requests.syncs).toEqual([]);
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(requests.syncs).toEqual([ORDER]);
    expect(textOf(host)).toContain(SYNCING_TEXT);
    expect(buttonsOf(host)).toEqual([]);
    endSync({ synced: true, lookup: { stored: true, summary: summary(ORDER) } });
    await settle();
    expect(textOf(host)).not.toContain(NOT_SYNCED_TEXT);
    expect(textOf(host)).not.toContain(SYNCING_TEXT);
    expect(buttonsOf(host)).toContain('Cancel in order manager');
    if (page.feature === cancelWarning) expect(textOf(host)).toContain(CANCEL_WARNING_TEXT);
    else expect(textOf(host)).toContain('Status: Unshipped');
  });

  it('Sync now: says plainly when the order is still not there, or the sync could not start', async () => {
    const requests = fakeRequests({}, 'not-synced');
    const host = await show(page, requests);
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(textOf(host)).toContain(STILL_NOT_SYNCED_TEXT);
    expect(buttonsOf(host)).toEqual(['Sync now', 'Open the order manager']);

    requests.syncAnswer = async () => ({
      synced: false,
      reason: 'The sync could not start: Order download is turned off in Settings.',
    });
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(textOf(host)).toContain('The sync could not start: Order download is turned off in Settings.');
    expect(buttonsOf(host)).toEqual(['Sync now', 'Open the order manager']);

    requests.syncAnswer = async () => {
      throw new Error('sync-order: no answer');
    };
    trustedClick(buttonIn(host, 'Sync now'));
    await settle();
    expect(textOf(host)).toContain(NO_ANSWER_TEXT);
    expect(requests.syncs).toEqual([ORDER, ORDER, ORDER]);
  });

  it('demo mode: says the manager has demo data only, with Open Settings', async () => {
    const requests = fakeRequests({}, 'demo');
    const host = await show(page, requests);
    expect(textOf(host)).toContain(DEMO_TEXT);
    expect(textOf(host)).not.toMatch(/is not stored/);
    expect(buttonsOf(host)).toEqual(['Open Settings']);
    trustedClick(buttonIn(host, 'Open Settings'));
    await settle();
    expect(requests.optionsOpened).toBe(1);
    expect(requests.opened).toEqual([]);
  });

  it('another account: says the order belongs to another seller account, with Open Settings', async () => {
    const requests = fakeRequests({}, 'other-account');
    const host = await show(page, requests);
    expect(textOf(host)).toContain(OTHER_ACCOUNT_TEXT);
    expect(buttonsOf(host)).toEqual(['Open Settings']);
    trustedClick(buttonIn(host, 'Open Settings'));
    await settle();
    expect(requests.optionsOpened).toBe(1);
  });
});

describe('the cancel guard stays as it is for an order the manager does not have', () => {
  it('still asks before Seller Central cancels, and lets the seller go on deliberately', async () => {
    loadFixture('manage-orders-unshipped.html', `${US}/orders-v3/mfn/unshipped`);
    const controller = new AbortController();
    runs.push(controller);
    const context = testContext(fakeRequests({}, 'demo'), false);
    await cancelWarning.init(controller.signal, context);
    await settle();
    const cancel = document.querySelectorAll('input.a-button-input[value="Cancel order"]')[0]!;
    expect(clickAsPage(cancel)).toEqual({ pageSawClick: false, defaultPrevented: true });
    context.answer = true;
    expect(clickAsPage(cancel)).toEqual({ pageSawClick: true, defaultPrevented: false });
    expect(context.confirmations).toHaveLength(2);
  });

  it('asks about each row’s own order on Manage Orders, and words each row by its own answer', async () => {
    loadFixture('manage-orders-unshipped.html', `${US}/orders-v3/mfn/unshipped`);
    const controller = new AbortController();
    runs.push(controller);
    const requests = fakeRequests({ [MANAGE_ORDERS_ORDERS[1]!]: summary(MANAGE_ORDERS_ORDERS[1]!) }, 'demo');
    await cancelWarning.init(controller.signal, testContext(requests));
    await settle();
    expect([...requests.summariesAsked].sort()).toEqual([...MANAGE_ORDERS_ORDERS].sort());
    expect(hosts('cancel-warning').map((host) => buttonsOf(host))).toEqual([
      ['Open Settings'],
      ['Cancel in order manager'],
      ['Open Settings'],
    ]);
  });
});
