/**
 * Reports URL changes made without a reload. `history.pushState` runs in the page's world, which a
 * content script cannot patch, so this listens for what reaches an isolated world: `popstate`, the
 * Navigation API's `currententrychange` where the browser has it, and DOM mutations (an SPA renders
 * after it navigates) followed by a URL comparison. No timers.
 */
export interface NavigationWatchOptions {
  readonly signal: AbortSignal;
  readonly window?: Window;
}

/** The part of a URL that decides which page this is; the fragment never does. */
export function pageKey(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

interface NavigationLike extends EventTarget {
  readonly currentEntry?: unknown;
}

export function watchNavigation(onChange: (url: URL) => void, options: NavigationWatchOptions): void {
  const { signal } = options;
  const view = options.window ?? window;
  if (signal.aborted) return;
  let lastKey = pageKey(view.location.href);

  const check = () => {
    if (signal.aborted) return;
    const href = view.location.href;
    const key = pageKey(href);
    if (key === lastKey) return;
    lastKey = key;
    onChange(new URL(href));
  };

  view.addEventListener('popstate', check, { signal });
  const navigation = (view as Window & { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener?.('currententrychange', check, { signal });

  const observer = new MutationObserver(check);
  observer.observe(view.document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
