import { MAIN_CONTENT_ORDER } from '../selectors';

/** Where a host should sit, relative to a page element. */
export type Spot =
  { readonly after: Element } | { readonly before: Element } | { readonly prependTo: Element };

function isAt(host: Element, spot: Spot): boolean {
  if ('after' in spot) return spot.after.nextSibling === host;
  if ('before' in spot) return spot.before.previousSibling === host;
  return spot.prependTo.firstChild === host;
}

function put(host: Element, spot: Spot): void {
  if ('after' in spot) spot.after.after(host);
  else if ('before' in spot) spot.before.before(host);
  else spot.prependTo.prepend(host);
}

/**
 * Keeps a host at the best spot the page offers: places it now, moves it when a better anchor renders
 * later, and puts it back if the page's own re-render drops it. Stops when the signal aborts.
 */
export function keepPlaced(host: Element, findSpot: () => Spot | undefined, signal: AbortSignal): void {
  if (signal.aborted) return;
  const place = () => {
    if (signal.aborted) return;
    const spot = findSpot();
    if (spot && !isAt(host, spot)) put(host, spot);
  };
  place();
  const observer = new MutationObserver(place);
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/** Top of the page's main content: just before its content container, or the start of the body. */
export function topOfMainContent(): Spot | undefined {
  for (const selector of MAIN_CONTENT_ORDER) {
    const element = document.querySelector(selector);
    if (element?.parentElement) return { before: element };
  }
  return document.body ? { prependTo: document.body } : undefined;
}
