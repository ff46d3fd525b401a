import type { FeatureId } from '../feature-registry';
import { UI_CSS } from './styles';

export const HOST_ATTRIBUTE = 'data-order-manager';
/** Matches every host this extension injects; used so our own UI is never scanned or guarded. */
export const ANY_HOST_SELECTOR = `[${HOST_ATTRIBUTE}]`;

export function hostSelector(feature: FeatureId): string {
  return `[${HOST_ATTRIBUTE}="${feature}"]`;
}

export interface ShadowHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
}

/**
 * A host element named for its feature, with a closed shadow root holding its own CSS and content:
 * page script gets null from host.shadowRoot, so it can read neither order details nor our buttons.
 * The host carries nothing but the feature name (no order data). Removed when the run's signal aborts.
 */
export function createShadowHost(feature: FeatureId, signal: AbortSignal): ShadowHost {
  const host = document.createElement('order-manager-ui');
  host.setAttribute(HOST_ATTRIBUTE, feature);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = UI_CSS;
  root.append(style);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}
