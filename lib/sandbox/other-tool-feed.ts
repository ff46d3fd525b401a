/**
 * The input document of a feed "another of the seller's tools" submits (a repricer, a shipping
 * tool): tests use it to put feeds in getFeeds that the order manager did not create. An order
 * acknowledgement either cancels the given orders (every line) or acknowledges one order as
 * Success, which changes nothing; any other feed type gets a placeholder the sandbox does not apply.
 */
import { ORDER_ACKNOWLEDGEMENT_FEED } from './feed-processor';
import { SANDBOX_MARKETPLACES } from './marketplaces';
import type { OrderDataset } from './order-dataset';
import { plannedItems } from './order-items';

export interface OtherToolFeedRequest {
  /** Default POST_ORDER_ACKNOWLEDGEMENT_DATA. */
  readonly feedType?: string;
  readonly marketplaceIds: readonly string[];
  /** createdTime on the sandbox clock (default: now). */
  readonly atMs?: number;
  /** Orders the feed cancels, every line; none: it only acknowledges an order, cancelling nothing. */
  readonly orderIds?: readonly string[];
  /** CancelReason for orderIds (default NoInventory). */
  readonly cancelReason?: string;
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function otherToolFeedInput(
  dataset: OrderDataset,
  sellerId: string,
  request: OtherToolFeedRequest & { feedType: string; atMs: number },
): string {
  const header =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
    `  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${xmlText(sellerId)}</MerchantIdentifier></Header>\n`;
  if (request.feedType !== ORDER_ACKNOWLEDGEMENT_FEED) {
    return `${header}  <MessageType>Other</MessageType>\n</AmazonEnvelope>\n`;
  }
  const messages: string[] = [];
  const reason = request.cancelReason ?? 'NoInventory';
  if (request.orderIds?.length) {
    for (const orderId of request.orderIds) {
      const plan = dataset.byId(orderId);
      const items = plan ? plannedItems(dataset.seed, plan, dataset.catalog) : [];
      messages.push(
        `<AmazonOrderID>${xmlText(orderId)}</AmazonOrderID><StatusCode>Failure</StatusCode>` +
          items
            .map(
              (item) =>
                `<Item><AmazonOrderItemCode>${item.orderItemId}</AmazonOrderItemCode>` +
                `<CancelReason>${xmlText(reason)}</CancelReason></Item>`,
            )
            .join(''),
      );
    }
  } else {
    const plan = [...dataset.plans]
      .reverse()
      .find(
        (p) =>
          p.createdMs <= request.atMs &&
          p.fulfilledBy === 'MERCHANT' &&
          request.marketplaceIds.includes(SANDBOX_MARKETPLACES[p.marketplaceIndex]!.id),
      );
    if (plan) {
      messages.push(`<AmazonOrderID>${plan.orderId}</AmazonOrderID><StatusCode>Success</StatusCode>`);
    }
  }
  const body = messages
    .map(
      (message, i) =>
        `  <Message><MessageID>${i + 1}</MessageID><OrderAcknowledgement>${message}</OrderAcknowledgement></Message>\n`,
    )
    .join('');
  return `${header}  <MessageType>OrderAcknowledgement</MessageType>\n${body}</AmazonEnvelope>\n`;
}
