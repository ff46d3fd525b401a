import { ANY_HOST_SELECTOR } from './shadow-host';

export interface ClickGuardOptions {
  readonly signal: AbortSignal;
  /** True for the page's own control that needs confirmation (checked along the composed path). */
  readonly isGuarded: (element: Element) => boolean;
  /** Asks the seller; a false answer blocks the click. */
  readonly confirm: () => boolean;
}

/**
 * Asks before Seller Central's own control acts. Listens in the capture phase on the window, so it
 * runs before the page's handlers (also for controls inside open shadow roots, via the composed
 * path); a declined click is stopped and its default prevented. Only trusted clicks are guarded.
 */
export function guardClicks(options: ClickGuardOptions): void {
  const { signal, isGuarded, confirm } = options;
  const onClick = (event: Event) => {
    // A script's synthetic click is not the seller acting: it must not pop our dialog (a page could
    // spam it), and page script could submit the form directly anyway, so the guard only asks the seller.
    if (!event.isTrusted) return;
    const path = event.composedPath().filter((target): target is Element => target instanceof Element);
    if (path.some((element) => element.matches(ANY_HOST_SELECTOR))) return;
    if (!path.some((element) => safeCheck(isGuarded, element))) return;
    if (confirm()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('click', onClick, { capture: true, signal });
}

function safeCheck(check: (element: Element) => boolean, element: Element): boolean {
  try {
    return check(element);
  } catch {
    return false;
  }
}
