/** Test helper: builds order acknowledgement XML and drives a feed through the sandbox. */
import { gunzipSync, strFromU8 } from 'fflate';
import { plannedItems, type PlannedItem } from '../../../lib/sandbox/order-items';
import { lineShipMs, statusAt, type OrderPlan } from '../../../lib/sandbox/order-timeline';
import type { TestSandbox } from './sandbox-test-client';

export const XML_CT = 'text/xml; charset=UTF-8';
export const ACK_FEED = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';
export const FEEDS = '/feeds/2021-06-30';

export interface AckMessageSpec {
  orderId: string;
  status?: 'Success' | 'Failure';
  items: { code: string; reason?: string; quantity?: number }[];
}

export function ackXml(messages: AckMessageSpec[]): string {
  const body = messages
    .map(
      (m, i) =>
        `<Message><MessageID>${i + 1}</MessageID><OrderAcknowledgement>` +
        `<AmazonOrderID>${m.orderId}</AmazonOrderID><StatusCode>${m.status ?? 'Failure'}</StatusCode>` +
        m.items
          .map(
            (it) =>
              `<Item><AmazonOrderItemCode>${it.code}</AmazonOrderItemCode>` +
              (it.reason === undefined ? '' : `<CancelReason>${it.reason}</CancelReason>`) +
              (it.quantity === undefined ? '' : `<Quantity>${it.quantity}</Quantity>`) +
              '</Item>',
          )
          .join('') +
        '</OrderAcknowledgement></Message>',
    )
    .join('\n  ');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
    '  <Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A1SANDBOXSELLER</MerchantIdentifier></Header>\n' +
    `  <MessageType>OrderAcknowledgement</MessageType>\n  ${body}\n</AmazonEnvelope>\n`
  );
}

export async function createDocument(t: TestSandbox, contentType = XML_CT) {
  const res = await t.call('POST', `${FEEDS}/documents`, { contentType });
  expect(res.status).toBe(201);
  return (await res.json()) as { feedDocumentId: string; url: string };
}

export function upload(t: TestSandbox, url: string, text: string, contentType = XML_CT) {
  return t.sandbox.fetch(
    new Request(url, { method: 'PUT', headers: { 'content-type': contentType }, body: text }),
  );
}

export async function submitFeed(
  t: TestSandbox,
  text: string,
  feedType = ACK_FEED,
  marketplaceIds = ['ATVPDKIKX0DER'],
): Promise<string> {
  const doc = await createDocument(t);
  expect((await upload(t, doc.url, text)).status).toBe(200);
  const res = await t.call('POST', `${FEEDS}/feeds`, {
    feedType,
    marketplaceIds,
    inputFeedDocumentId: doc.feedDocumentId,
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { feedId: string }).feedId;
}

export type FeedBody = {
  feedId: string;
  feedType: string;
  processingStatus: string;
  createdTime: string;
  processingStartTime?: string;
  processingEndTime?: string;
  resultFeedDocumentId?: string;
};

/** Polls getFeed every 10 s of sandbox time until it ends; returns the statuses seen. */
export async function runFeed(t: TestSandbox, feedId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 40; i++) {
    const feed = await t.json<FeedBody>(`${FEEDS}/feeds/${feedId}`);
    if (seen.at(-1) !== feed.processingStatus) seen.push(feed.processingStatus);
    if (['DONE', 'FATAL', 'CANCELLED'].includes(feed.processingStatus)) return { seen, feed };
    t.clock.advance(10_000);
  }
  throw new Error('feed never finished');
}

export async function downloadReport(t: TestSandbox, documentId: string): Promise<string> {
  const doc = await t.json<{ url: string; compressionAlgorithm?: string }>(
    `${FEEDS}/documents/${documentId}`,
  );
  const res = await t.sandbox.fetch(new Request(doc.url));
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return strFromU8(doc.compressionAlgorithm === 'GZIP' ? gunzipSync(bytes) : bytes);
}

export interface OrderPick {
  plan: OrderPlan;
  items: PlannedItem[];
}

/** A merchant-fulfilled order created before `at` that matches `test`. */
export function pickOrder(
  t: TestSandbox,
  at: number,
  test: (plan: OrderPlan, items: PlannedItem[]) => boolean,
): OrderPick {
  const { dataset } = t.sandbox;
  for (const plan of dataset.plans) {
    if (plan.createdMs > at - 10 * 60_000 || plan.fulfilledBy !== 'MERCHANT') continue;
    const items = plannedItems(dataset.seed, plan, dataset.catalog);
    if (test(plan, items)) return { plan, items };
  }
  throw new Error('no order matches');
}

export const HOUR = 3_600_000;

/** The lines stay unshipped (and the order uncancelled) for 10 minutes after `at`, past a feed's processing. */
export function unshippedFor(plan: OrderPlan, at: number, lines: number[]): boolean {
  const until = at + 10 * 60_000;
  return lines.every((l) => !(lineShipMs(plan, l) <= until)) && !(plan.cancelledMs <= until);
}

export { statusAt };

/** Results of a processing report, read with regular expressions (the parser is not under test). */
export function reportResults(xml: string) {
  const num = (tag: string) => Number(new RegExp(`<${tag}>(\\d+)</${tag}>`).exec(xml)?.[1]);
  const results = [...xml.matchAll(/<Result>([\s\S]*?)<\/Result>/g)].map((m) => {
    const get = (tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(m[1]!)?.[1];
    return {
      messageId: get('MessageID'),
      resultCode: get('ResultCode'),
      messageCode: get('ResultMessageCode'),
      description: get('ResultDescription'),
      orderId: get('AmazonOrderID'),
      itemCode: get('AmazonOrderItemCode'),
    };
  });
  return {
    processed: num('MessagesProcessed'),
    successful: num('MessagesSuccessful'),
    withError: num('MessagesWithError'),
    withWarning: num('MessagesWithWarning'),
    transactionId: /<DocumentTransactionID>(\d+)</.exec(xml)?.[1],
    results,
  };
}
