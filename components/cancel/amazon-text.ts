import type { StoredOrderItem } from '../../lib/domain/order';

const AMAZON_CODE = /\s*\(Amazon code \d+\)/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How the seller knows a line: its SKU and title, never Amazon's internal order item id. */
export function sellerLineName(item: Pick<StoredOrderItem, 'sku' | 'title'>): string | undefined {
  if (item.sku && item.title) return `SKU ${item.sku} (“${item.title}”)`;
  if (item.sku) return `SKU ${item.sku}`;
  return item.title ? `“${item.title}”` : undefined;
}

/**
 * Amazon's result text as the seller reads it: each order item id of the order (with the "item" or
 * "AmazonOrderItemCode" in front of it) becomes the line's SKU and title, and "(Amazon code N)" goes
 * to the technical details. Done when shown, so texts stored before this read better too.
 */
export function sellerFacingAmazonText(text: string, items: readonly StoredOrderItem[]): string {
  const names = new Map<string, string>();
  for (const item of items) {
    const name = sellerLineName(item);
    if (name && item.orderItemId) names.set(item.orderItemId, name);
  }
  const out = text.replace(AMAZON_CODE, '');
  if (names.size === 0) return out.trim();
  // One pass over Amazon's text, longest id first: a name put in is never read again as another
  // line's id, and a function replacement keeps "$&" or "$'" in a SKU or title as typed.
  const ids = [...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const anyId = new RegExp(`(?:\\b(?:AmazonOrderItemCode|[Ii]tem)\\s+)?\\b(${ids.join('|')})\\b`, 'g');
  return out.replace(anyId, (match, id: string) => names.get(id) ?? match).trim();
}
