/** Amazon order ids: 3-7-7 digits (every Seller Central tool in the docs uses this shape). */
export const ORDER_ID_PATTERN = /\b(\d{3}-\d{7}-\d{7})\b/;

const EXACT_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export function isOrderId(value: string): boolean {
  return EXACT_ORDER_ID.test(value);
}

/** The first order id in a piece of text, if any. */
export function findOrderId(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  return ORDER_ID_PATTERN.exec(text)?.[1];
}
