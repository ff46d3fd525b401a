import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnchorReport } from '../../../lib/domain/seller-central-health';
import type { NotStoredReason, OrderLookup, OrderSummary, ResponseOf } from '../../../lib/messaging';
import type { FeatureContext, SellerCentralRequests } from '../../../lib/seller-central/feature-registry';
import type { ManagerAction } from '../../../lib/manager-route';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/seller-central');

declare global {
  var jsdom: { reconfigure(options: { url: string }): void };
}

// The injected UI lives in closed shadow roots, which host.shadowRoot hides (from page script and
// from tests alike); the tests keep each root as it is attached so they can look inside.
const attachedRoots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  attachedRoots.set(this, root);
  return root;
};

/** The shadow root attached to a host, open or closed. */
export function shadowOf(host: Element): ShadowRoot {
  const root = attachedRoots.get(host);
  if (!root) throw new Error(`no shadow root on <${host.localName}>`);
  return root;
}

interface JsdomImpl {
  isTrusted: boolean;
  _dispatch(event: JsdomImpl): boolean;
}

/** The jsdom implementation object behind a DOM wrapper (kept under a symbol named "impl"). */
function jsdomImpl(wrapper: object): JsdomImpl {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((s) => s.description === 'impl');
  const impl = symbol ? (wrapper as Record<symbol, JsdomImpl | undefined>)[symbol] : undefined;
  if (!impl) throw new Error('not a jsdom object');
  return impl;
}

/**
 * Dispatches an event with isTrusted true, as a real mouse or keyboard would. jsdom, like browsers,
 * marks every dispatchEvent() event untrusted and isTrusted cannot be redefined (it is unforgeable),
 * and user-event dispatches through dispatchEvent too; so this marks jsdom's own event object trusted
 * and dispatches it the way jsdom does for the events it fires itself (its internal `_dispatch`).
 */
export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const eventImpl = jsdomImpl(event);
  eventImpl.isTrusted = true;
  return jsdomImpl(target)._dispatch(eventImpl);
}

/** A click by the seller (trusted), e.g. on one of the injected UI's buttons. */
export function trustedClick(target: Element): void {
  dispatchTrusted(target, new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
}

/** Turns `<template shadowrootmode>` into shadow roots, as Chromium's parser does (jsdom's does not). */
function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot || !(template instanceof HTMLTemplateElement)) continue;
    const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Puts a saved page into the test document at a Seller Central URL. */
export function loadFixture(name: string, url: string): void {
  globalThis.jsdom.reconfigure({ url });
  const html = readFileSync(resolve(FIXTURES, name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
  attachDeclarativeShadowRoots(document);
}

export interface RecordedRequests extends SellerCentralRequests {
  readonly opened: { orderId?: string; action?: ManagerAction; view?: 'requests' }[];
  readonly summariesAsked: string[];
  readonly anchorReports: AnchorReport[];
  /** Orders "Sync now" was asked for. */
  readonly syncs: string[];
  /** How many times Settings was asked to open. */
  optionsOpened: number;
  /** What the next "Sync now" answers; by default the sync ends and the order is still not there. */
  syncAnswer: (orderId: string) => Promise<ResponseOf<'sync-order'>>;
  /** Why an order not in the table is not stored ('not-synced' unless a test says otherwise). */
  notStoredReason: NotStoredReason;
}

export function summary(orderId: string, fields: Partial<OrderSummary> = {}): OrderSummary {
  return { orderId, demo: false, status: 'UNSHIPPED', ...fields };
}

/** A table of stored summaries for these orders, each Unshipped with nothing cancelled. */
export function storedOrders(...orderIds: string[]): Record<string, OrderSummary> {
  return Object.fromEntries(orderIds.map((orderId) => [orderId, summary(orderId)]));
}

type SummaryCancel = NonNullable<OrderSummary['cancel']>;

/** A whole-order cancel in the summary; override the status, result text or lines. */
export function wholeCancel(
  status: SummaryCancel['status'],
  fields: Partial<SummaryCancel> = {},
): SummaryCancel {
  return { status, reason: 'NoInventory', wholeOrder: true, orderItemIds: [], ...fields };
}

/**
 * A stand-in for the background: answers summaries from a table ('every-order': every order is
 * stored, Unshipped) and records every request.
 */
export function fakeRequests(
  summaries: Record<string, OrderSummary> | 'every-order' = {},
  notStoredReason: NotStoredReason = 'not-synced',
): RecordedRequests {
  const opened: RecordedRequests['opened'] = [];
  const summariesAsked: string[] = [];
  const anchorReports: AnchorReport[] = [];
  const syncs: string[] = [];
  const lookUp = (orderId: string): OrderLookup => {
    const stored = summaries === 'every-order' ? summary(orderId) : summaries[orderId];
    return stored
      ? { stored: true, summary: stored }
      : { stored: false, orderId, reason: requests.notStoredReason };
  };
  const requests: RecordedRequests = {
    opened,
    summariesAsked,
    anchorReports,
    syncs,
    optionsOpened: 0,
    notStoredReason,
    syncAnswer: async (orderId) => ({ synced: true, lookup: lookUp(orderId) }),
    async lookUpOrder(orderId) {
      summariesAsked.push(orderId);
      return lookUp(orderId);
    },
    async syncOrder(orderId) {
      syncs.push(orderId);
      return requests.syncAnswer(orderId);
    },
    async openManager(orderId, action) {
      opened.push({ ...(orderId ? { orderId } : {}), ...(action ? { action } : {}) });
    },
    async openRequests() {
      opened.push({ view: 'requests' });
    },
    async openOptions() {
      requests.optionsOpened += 1;
    },
    async reportAnchor(report) {
      anchorReports.push(report);
    },
  };
  return requests;
}

export interface TestContext extends FeatureContext {
  readonly requests: RecordedRequests;
  readonly confirmations: string[];
  readonly warnings: string[];
  answer: boolean;
}

/** A feature context for the current document; `answer` is what the seller replies to confirm(). */
export function testContext(requests: RecordedRequests = fakeRequests(), answer = false): TestContext {
  const confirmations: string[] = [];
  const warnings: string[] = [];
  const context: TestContext = {
    url: new URL(location.href),
    document,
    requests,
    confirmations,
    warnings,
    answer,
    confirm: (message) => {
      confirmations.push(message);
      return context.answer;
    },
    warn: (message) => warnings.push(message),
    // Tests that check "could not be placed" reports use fake timers; the rest never reach the wait.
    anchorWaitMs: 60_000,
  };
  return context;
}

export function hosts(feature: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-order-manager="${feature}"]`)];
}

/** The button with this text inside an injected host's shadow root. */
export function buttonIn(host: Element, name: string): HTMLButtonElement {
  const button = [...shadowOf(host).querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no "${name}" button`);
  return button;
}

/** Lets MutationObserver callbacks and pending promises run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Clicks and reports whether the page's own handler saw the click and whether its default survived.
 * A trusted click by default (the seller); `{ trusted: false }` is page script's dispatchEvent.
 */
export function clickAsPage(
  target: Element,
  { trusted = true }: { trusted?: boolean } = {},
): { pageSawClick: boolean; defaultPrevented: boolean } {
  let pageSawClick = false;
  const listener = () => {
    pageSawClick = true;
  };
  target.addEventListener('click', listener);
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  // A submit click would make jsdom try to navigate; the outcome is read from the event instead.
  const form = target.closest('form');
  const stopSubmit = (e: Event) => e.preventDefault();
  form?.addEventListener('submit', stopSubmit);
  if (trusted) dispatchTrusted(target, event);
  else target.dispatchEvent(event);
  form?.removeEventListener('submit', stopSubmit);
  target.removeEventListener('click', listener);
  return { pageSawClick, defaultPrevented: event.defaultPrevented };
}
