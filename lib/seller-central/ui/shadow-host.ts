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
 * A host element named for its feature, with an open shadow root (so tests and assistive tech can
 * reach it) holding its own CSS. Removed when the run's signal aborts.
 */
export function createShadowHost(feature: FeatureId, signal: AbortSignal, orderId?: string): ShadowHost {
  const host = document.createElement('order-manager-ui');
  host.setAttribute(HOST_ATTRIBUTE, feature);
  if (orderId) host.setAttribute('data-order-id', orderId);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = UI_CSS;
  root.append(style);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return { host, root };
}
