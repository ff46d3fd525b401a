/** Calls back once per element matching a selector: present now or added later, in open shadow roots too. */
export type ElementCallback = (element: Element) => void;

export interface ObserveOptions {
  readonly signal: AbortSignal;
  /** Where to look; the whole document by default. */
  readonly root?: Document | ShadowRoot;
  /** Elements whose subtree is never searched (our own UI hosts). */
  readonly ignore?: string;
}

type SearchRoot = Document | ShadowRoot | Element;

/**
 * Finds elements as they appear, the way Refined GitHub's selector observer does, without polling:
 * one MutationObserver per tree (the document and every open shadow root found), and a WeakSet of
 * what was already reported so nothing runs twice.
 */
export function observeElements(selector: string, callback: ElementCallback, options: ObserveOptions): void {
  const { signal, ignore } = options;
  if (signal.aborted) return;
  const root = options.root ?? document;
  const seen = new WeakSet<Element>();
  const watchedTrees = new WeakSet<Document | ShadowRoot>();
  // Custom elements that may attach a shadow root later (not yet upgraded when first seen).
  const pendingHosts = new Set<Element>();
  const observers: MutationObserver[] = [];

  const report = (element: Element) => {
    if (seen.has(element) || signal.aborted) return;
    seen.add(element);
    callback(element);
  };

  const isIgnored = (element: Element) => ignore !== undefined && element.closest(ignore) !== null;

  const scan = (subtree: SearchRoot) => {
    if (subtree instanceof Element) {
      if (isIgnored(subtree)) return;
      if (subtree.matches(selector)) report(subtree);
    }
    for (const match of subtree.querySelectorAll(selector)) {
      if (!isIgnored(match)) report(match);
    }
    findShadowRoots(subtree);
  };

  const findShadowRoots = (subtree: SearchRoot) => {
    const start = subtree instanceof Element ? subtree : null;
    if (start) considerHost(start);
    const ownerDocument = subtree instanceof Document ? subtree : subtree.ownerDocument;
    if (!ownerDocument) return;
    const walker = ownerDocument.createTreeWalker(subtree, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) considerHost(node as Element);
  };

  const considerHost = (element: Element) => {
    if (ignore !== undefined && element.matches(ignore)) return;
    if (element.shadowRoot) {
      pendingHosts.delete(element);
      watchTree(element.shadowRoot);
    } else if (element.localName.includes('-')) {
      pendingHosts.add(element);
    }
  };

  const recheckPendingHosts = () => {
    for (const host of pendingHosts) {
      if (!host.isConnected) pendingHosts.delete(host);
      else if (host.shadowRoot) considerHost(host);
    }
  };

  const watchTree = (tree: Document | ShadowRoot) => {
    if (watchedTrees.has(tree)) return;
    watchedTrees.add(tree);
    const observer = new MutationObserver((records) => {
      if (signal.aborted) return;
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) scan(node);
      }
      recheckPendingHosts();
    });
    observer.observe(tree, { childList: true, subtree: true });
    observers.push(observer);
    scan(tree);
  };

  // A component upgraded late attaches its shadow root without a mutation we can see; the seller
  // has to point at or focus it before using it, so those events are the moment to look again.
  const view = (root instanceof Document ? root : root.ownerDocument).defaultView;
  view?.addEventListener('pointerover', recheckPendingHosts, { capture: true, passive: true, signal });
  view?.addEventListener('focusin', recheckPendingHosts, { capture: true, signal });

  signal.addEventListener(
    'abort',
    () => {
      for (const observer of observers) observer.disconnect();
      pendingHosts.clear();
    },
    { once: true },
  );

  watchTree(root);
}

/** Walks out of shadow roots: the element itself, or the light-DOM host that contains it. */
export function composedHost(element: Element): Element {
  let current = element;
  for (let root = current.getRootNode(); root instanceof ShadowRoot; root = current.getRootNode()) {
    current = root.host;
  }
  return current;
}

/** `closest()` across shadow boundaries. */
export function composedClosest(element: Element, selector: string): Element | null {
  let current: Element | null = element;
  while (current) {
    const found: Element | null = current.closest(selector);
    if (found) return found;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
