// @vitest-environment jsdom
import { FeatureRegistry, featureRegistry, type Feature } from '../../../lib/seller-central/feature-registry';
import { pageKey, watchNavigation } from '../../../lib/seller-central/navigation-watch';
import { isOrderDetails } from '../../../lib/seller-central/pages';
import { startSellerCentral } from '../../../lib/seller-central/start-seller-central';
import { fakeRequests, hosts, loadFixture, settle, summary } from './seller-central-page';

const US = 'https://sellercentral.amazon.com';
const ORDER = '113-4567890-1234567';
const ALL = ['cancel-warning', 'ship-block', 'order-panel'];

function injected(): Record<string, number> {
  return Object.fromEntries(ALL.map((feature) => [feature, hosts(feature).length]));
}

function start(requests = fakeRequests()) {
  const controller = new AbortController();
  const warnings: string[] = [];
  startSellerCentral({
    signal: controller.signal,
    requests,
    confirm: () => false,
    warn: (message) => warnings.push(message),
  });
  return { controller, warnings, requests };
}

describe('startSellerCentral', () => {
  it('registers the four features', () => {
    expect(
      featureRegistry
        .list()
        .map((f) => f.id)
        .sort(),
    ).toEqual(['buyer-request-rows', 'cancel-warning', 'order-panel', 'ship-block']);
  });

  it('runs the features of the page it starts on', async () => {
    loadFixture('order-details.html', `${US}/orders-v3/order/${ORDER}`);
    const { controller, warnings } = start();
    await settle();
    expect(injected()).toEqual({ 'cancel-warning': 1, 'ship-block': 0, 'order-panel': 1 });
    expect(warnings).toEqual([]);
    controller.abort();
    expect(injected()).toEqual({ 'cancel-warning': 0, 'ship-block': 0, 'order-panel': 0 });
  });

  it('re-runs on SPA navigation: removes what no longer applies, adds what now does', async () => {
    loadFixture('manage-orders-unshipped.html', `${US}/orders-v3/mfn/unshipped`);
    const requests = fakeRequests({ [ORDER]: summary(ORDER, { status: 'CANCELLED' }) });
    const { controller } = start(requests);
    await settle();
    expect(injected()).toEqual({ 'cancel-warning': 3, 'ship-block': 0, 'order-panel': 0 });
    // Each warning asks about its row's order, and the buyer-request note about its marked row's.
    const askedOnList = requests.summariesAsked.length;
    expect(askedOnList).toBe(4);
    expect(hosts('buyer-request-rows')).toHaveLength(1);

    // The SPA swaps the list for the confirm-shipment page without a reload.
    history.pushState({}, '', `/orders-v3/order/${ORDER}/confirm-shipment`);
    const fresh = new DOMParser().parseFromString(
      '<div id="sc-content-container"><h1>Confirm shipment</h1><input type="submit" value="Confirm shipment"></div>',
      'text/html',
    );
    document
      .querySelector('#sc-content-container')!
      .replaceWith(document.importNode(fresh.body.firstElementChild!, true));
    await settle();
    expect(injected()).toEqual({ 'cancel-warning': 0, 'ship-block': 1, 'order-panel': 0 });
    expect(requests.summariesAsked.slice(askedOnList)).toEqual([ORDER]);

    // Back button: popstate alone (no DOM change) is enough.
    history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    await settle();
    expect(location.pathname).toBe('/orders-v3/mfn/unshipped');
    expect(injected()).toEqual({ 'cancel-warning': 0, 'ship-block': 0, 'order-panel': 0 });
    controller.abort();
  });

  it('does not re-run when only the fragment changes', async () => {
    loadFixture('order-details.html', `${US}/orders-v3/order/${ORDER}`);
    const requests = fakeRequests();
    const { controller } = start(requests);
    await settle();
    history.pushState({}, '', '#items');
    document.body.append(document.createElement('div'));
    await settle();
    // Once for the panel, once for the cancel warning; none again for the fragment.
    expect(requests.summariesAsked).toEqual([ORDER, ORDER]);
    expect(injected()['order-panel']).toBe(1);
    controller.abort();
  });

  it.each([
    ['unrelated.html', `${US}/inventory`],
    ['malformed.html', `${US}/orders-v3/mfn/unshipped`],
    ['malformed.html', `${US}/orders-v3/order/not-an-id/cancel-order`],
    [
      'cancel-order.html',
      'https://sellercentral.amazon.com.evil.example/orders-v3/order/113-4567890-1234567/cancel-order',
    ],
  ])('adds nothing and throws nothing on %s at %s', async (fixture, url) => {
    loadFixture(fixture, url);
    const { controller, warnings, requests } = start();
    await settle();
    expect(injected()).toEqual({ 'cancel-warning': 0, 'ship-block': 0, 'order-panel': 0 });
    expect(requests.summariesAsked).toEqual([]);
    expect(warnings).toEqual([]);
    controller.abort();
  });

  it('a feature that throws is logged by id without page content, and the others still run', async () => {
    loadFixture('order-details.html', `${US}/orders-v3/order/${ORDER}`);
    const registry = new FeatureRegistry();
    const broken: Feature = {
      id: 'ship-block',
      include: [isOrderDetails],
      init() {
        throw new TypeError(`cannot read ${document.title}`);
      },
    };
    registry.add(broken);
    for (const feature of featureRegistry.list()) if (feature.id === 'order-panel') registry.add(feature);
    const controller = new AbortController();
    const warnings: string[] = [];
    startSellerCentral({
      signal: controller.signal,
      requests: fakeRequests(),
      warn: (m) => warnings.push(m),
      registry,
    });
    await settle();
    expect(warnings).toEqual(['ship-block failed (TypeError)']);
    expect(hosts('order-panel')).toHaveLength(1);
    controller.abort();
  });
});

describe('watchNavigation', () => {
  it('reports each new page once, from popstate, DOM mutations or the Navigation API', async () => {
    globalThis.jsdom.reconfigure({ url: `${US}/orders-v3/mfn/unshipped` });
    const seen: string[] = [];
    const controller = new AbortController();
    const fakeNavigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: fakeNavigation, configurable: true });
    watchNavigation((url) => seen.push(url.pathname + url.search), { signal: controller.signal });

    history.pushState({}, '', '/orders-v3/mfn/unshipped?page=2');
    fakeNavigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual(['/orders-v3/mfn/unshipped?page=2']);

    history.pushState({}, '', '/orders-v3/mfn/unshipped?page=3');
    expect(seen).toHaveLength(1);
    document.body.append(document.createElement('p'));
    await settle();
    expect(seen).toEqual(['/orders-v3/mfn/unshipped?page=2', '/orders-v3/mfn/unshipped?page=3']);

    history.replaceState({}, '', '/orders-v3/mfn/shipped');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toHaveLength(3);
    expect(seen[2]).toBe('/orders-v3/mfn/shipped');

    controller.abort();
    history.pushState({}, '', '/orders-v3/fba/all');
    window.dispatchEvent(new PopStateEvent('popstate'));
    document.body.append(document.createElement('p'));
    await settle();
    expect(seen).toHaveLength(3);
    Reflect.deleteProperty(window, 'navigation');
  });

  it('keys pages without the fragment', () => {
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
    expect(pageKey('https://a.example/x')).toBe('https://a.example/x');
  });
});
