import './register-features';
import {
  featureRegistry,
  runFeatures,
  type FeatureRegistry,
  type SellerCentralRequests,
} from './feature-registry';
import { watchNavigation } from './navigation-watch';
import { isSellerCentral } from './pages';

export interface SellerCentralOptions {
  readonly signal: AbortSignal;
  readonly requests: SellerCentralRequests;
  readonly confirm?: (message: string) => boolean;
  readonly warn?: (message: string) => void;
  readonly registry?: FeatureRegistry;
  readonly window?: Window;
  /** How long a feature waits for its anchor before reporting it missing (ANCHOR_WAIT_MS). */
  readonly anchorWaitMs?: number;
}

/** Seller Central renders its table and Katal menus after load; give them this long. */
export const ANCHOR_WAIT_MS = 8_000;

const defaultWarn = (message: string) => console.warn(`[order-manager] ${message}`);

/**
 * Runs the features that match the current page, and again after every in-page navigation. Each run
 * has its own AbortSignal: a navigation (or `options.signal`) aborts it, which removes everything the
 * run added before the next one starts.
 */
export function startSellerCentral(options: SellerCentralOptions): void {
  const view = options.window ?? window;
  const registry = options.registry ?? featureRegistry;
  const warn = options.warn ?? defaultWarn;
  const confirm = options.confirm ?? ((message: string) => view.confirm(message));
  let current: AbortController | undefined;

  const run = (url: URL) => {
    current?.abort();
    if (options.signal.aborted) return;
    const controller = new AbortController();
    current = controller;
    if (!isSellerCentral(url)) return;
    const features = registry.matching(url);
    if (features.length === 0) return;
    void runFeatures(features, controller.signal, {
      url,
      document: view.document,
      requests: options.requests,
      confirm,
      warn,
      anchorWaitMs: options.anchorWaitMs ?? ANCHOR_WAIT_MS,
    });
  };

  options.signal.addEventListener('abort', () => current?.abort(), { once: true });
  try {
    run(new URL(view.location.href));
    watchNavigation(run, { signal: options.signal, window: view });
  } catch {
    warn('could not start');
  }
}
