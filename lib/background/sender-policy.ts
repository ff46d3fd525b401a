import type { RequestType } from '../messaging';
import { isSellerCentralHost } from '../seller-central/hosts';

/** What the background knows of who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
}

export interface ExtensionIdentity {
  readonly id: string;
  /** browser.runtime.getURL('/'), e.g. chrome-extension://<id>/ */
  readonly origin: string;
}

/**
 * Requests a Seller Central content script may make: read-only, opening a view, a placement report,
 * or the seller's "Sync now" for an order the manager lacks (the same single-flight sync as the popup's).
 */
const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set([
  'open-manager',
  'open-options',
  'get-order-summary',
  'sync-order',
  'seller-central-health',
]);

/**
 * Decides whether a sender may make a request. Only this extension's own pages may touch
 * credentials, send to Amazon or spend API quota beyond the order sync; content scripts on Seller
 * Central may only make the requests listed above.
 */
export function isSenderAllowed(type: RequestType, sender: SenderInfo, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id || !sender.url) return false;
  const url = safeUrl(sender.url);
  if (!url) return false;
  if (sender.url.startsWith(self.origin)) return true;
  return url.protocol === 'https:' && isSellerCentralHost(url.hostname) && CONTENT_SCRIPT_REQUESTS.has(type);
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
