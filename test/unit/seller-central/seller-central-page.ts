import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OrderSummary } from '../../../lib/messaging';
import type { FeatureContext, SellerCentralRequests } from '../../../lib/seller-central/feature-registry';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/seller-central');

declare global {
  var jsdom: { reconfigure(options: { url: string }): void };
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
  readonly opened: { orderId: string; action?: 'cancel' }[];
  readonly summariesAsked: string[];
}

export function summary(orderId: string, fields: Partial<OrderSummary> = {}): OrderSummary {
  return { orderId, known: true, demo: false, status: 'UNSHIPPED', ...fields };
}

/** A stand-in for the background: answers summaries from a table and records every request. */
export function fakeRequests(summaries: Record<string, OrderSummary> = {}): RecordedRequests {
  const opened: RecordedRequests['opened'] = [];
  const summariesAsked: string[] = [];
  return {
    opened,
    summariesAsked,
    async getOrderSummary(orderId) {
      summariesAsked.push(orderId);
      return summaries[orderId] ?? { orderId, known: false, demo: false };
    },
    async openManager(orderId, action) {
      opened.push(action ? { orderId, action } : { orderId });
    },
  };
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
  };
  return context;
}

export function hosts(feature: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-order-manager="${feature}"]`)];
}

/** The button with this text inside an injected host's shadow root. */
export function buttonIn(host: Element, name: string): HTMLButtonElement {
  const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name);
  if (!button) throw new Error(`no "${name}" button`);
  return button;
}

/** Lets MutationObserver callbacks and pending promises run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Clicks and reports whether the page's own handler saw the click and whether its default survived. */
export function clickAsPage(target: Element): { pageSawClick: boolean; defaultPrevented: boolean } {
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
  target.dispatchEvent(event);
  form?.removeEventListener('submit', stopSubmit);
  target.removeEventListener('click', listener);
  return { pageSawClick, defaultPrevented: event.defaultPrevented };
}
