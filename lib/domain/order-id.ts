/** Amazon order ids' shape, 3-7-7 digits (every Seller Central tool in shared/docs uses it); for larger patterns. */
export const ORDER_ID_SOURCE = String.raw`\d{3}-\d{7}-\d{7}`;

/** A value that is exactly one order id (schemas, URL parameters, route checks). */
export const ORDER_ID_EXACT = new RegExp(`^${ORDER_ID_SOURCE}$`);

/**
 * An order id inside text. Digit look-arounds rather than `\b`: minified markup runs an id straight
 * into the next word ("…-4445556Unshipped"), which `\b` rejects, while a longer digit run is not an id.
 */
export const ORDER_ID_IN_TEXT = new RegExp(String.raw`(?<!\d)${ORDER_ID_SOURCE}(?!\d)`);

export function isOrderId(value: string): boolean {
  return ORDER_ID_EXACT.test(value);
}

/** The first order id in a piece of text, if any. */
export function findOrderId(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  return ORDER_ID_IN_TEXT.exec(text)?.[0];
}
