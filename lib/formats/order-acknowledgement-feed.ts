import { CANCEL_REASON_CODES, type CancelReason } from '../domain/cancel-reason';
import { xmlText } from './xml-text';

/** Feed type and document content type of a seller cancellation (reference §5.1, §8). */
export const ORDER_ACKNOWLEDGEMENT_FEED_TYPE = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';
export const ORDER_ACKNOWLEDGEMENT_CONTENT_TYPE = 'text/xml; charset=UTF-8';

export interface OrderAcknowledgementLine {
  readonly orderItemId: string;
  /** Sent as `Item/Quantity` only for a partial cancel of the line. */
  readonly quantity?: number;
}

export interface OrderAcknowledgementMessage {
  /** What the processing report echoes; unique within the feed. */
  readonly messageId: number;
  readonly orderId: string;
  readonly lines: readonly OrderAcknowledgementLine[];
  readonly reason: CancelReason;
}

export interface OrderAcknowledgementFeedInput {
  /** The seller's merchant token. */
  readonly merchantIdentifier: string;
  readonly messages: readonly OrderAcknowledgementMessage[];
}

/** The input cannot make a feed Amazon's XSDs accept; nothing was built. */
export class InvalidFeedInputError extends Error {
  override name = 'InvalidFeedInputError';
}

const ORDER_ID = /^\w{3}-\w{7}-\w{7}$/;
const ORDER_ITEM_CODE = /^\d{14}$/;
const REASONS: ReadonlySet<string> = new Set(CANCEL_REASON_CODES);

/**
 * A cancellation as an `OrderAcknowledgement` feed (reference §5.3): `StatusCode` Failure and one
 * `Item` per cancelled line with its `CancelReason`. Checks every value the XSDs constrain, so a
 * feed that leaves here validates.
 */
export function buildOrderAcknowledgementFeed(input: OrderAcknowledgementFeedInput): string {
  const merchant = input.merchantIdentifier.trim();
  if (!merchant || merchant.length > 50) {
    throw new InvalidFeedInputError('The merchant identifier must be 1 to 50 characters');
  }
  if (input.messages.length === 0) throw new InvalidFeedInputError('A feed needs at least one message');
  const seen = new Set<number>();
  const messages = input.messages.map((message) => {
    if (!Number.isSafeInteger(message.messageId) || message.messageId < 1 || seen.has(message.messageId)) {
      throw new InvalidFeedInputError(`Message ids must be unique positive integers (${message.messageId})`);
    }
    seen.add(message.messageId);
    if (!ORDER_ID.test(message.orderId)) {
      throw new InvalidFeedInputError(`Not an Amazon order id: ${JSON.stringify(message.orderId)}`);
    }
    if (!REASONS.has(message.reason)) {
      throw new InvalidFeedInputError(
        `Not a cancel reason Amazon accepts: ${JSON.stringify(message.reason)}`,
      );
    }
    if (message.lines.length === 0) {
      throw new InvalidFeedInputError(`Order ${message.orderId}: no line to cancel`);
    }
    const items = message.lines.map((line) => {
      if (!ORDER_ITEM_CODE.test(line.orderItemId)) {
        throw new InvalidFeedInputError(
          `Order ${message.orderId}: not an Amazon order item code: ${JSON.stringify(line.orderItemId)}`,
        );
      }
      if (line.quantity !== undefined && (!Number.isSafeInteger(line.quantity) || line.quantity < 1)) {
        throw new InvalidFeedInputError(`Order ${message.orderId}: quantity must be a positive integer`);
      }
      return (
        '      <Item>\n' +
        `        <AmazonOrderItemCode>${xmlText(line.orderItemId)}</AmazonOrderItemCode>\n` +
        `        <CancelReason>${xmlText(message.reason)}</CancelReason>\n` +
        (line.quantity !== undefined ? `        <Quantity>${line.quantity}</Quantity>\n` : '') +
        '      </Item>\n'
      );
    });
    return (
      '  <Message>\n' +
      `    <MessageID>${message.messageId}</MessageID>\n` +
      '    <OrderAcknowledgement>\n' +
      `      <AmazonOrderID>${xmlText(message.orderId)}</AmazonOrderID>\n` +
      '      <StatusCode>Failure</StatusCode>\n' +
      items.join('') +
      '    </OrderAcknowledgement>\n' +
      '  </Message>\n'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
    `  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${xmlText(merchant)}</MerchantIdentifier></Header>\n` +
    '  <MessageType>OrderAcknowledgement</MessageType>\n' +
    messages.join('') +
    '</AmazonEnvelope>\n'
  );
}
