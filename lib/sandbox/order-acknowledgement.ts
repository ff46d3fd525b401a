/**
 * POST_ORDER_ACKNOWLEDGEMENT_DATA in the sandbox: each Message is checked against
 * OrderAcknowledgement.xsd, then applied at the feed's processing time. StatusCode Failure with
 * Items cancels those lines (the whole order once no unshipped line is left). A message is applied
 * all or nothing: one bad item fails the message. Lines already cancelled give a Warning, not an
 * Error, because the state the seller asked for already holds.
 */
import {
  checkSequence,
  child,
  readEnvelope,
  simpleText,
  type EnvelopeMessage,
  type XmlElement,
} from './amazon-envelope';
import type { OrderDataset } from './order-dataset';
import { plannedItems } from './order-items';
import {
  lineShipMs,
  sellerCancellationAt,
  statusAt,
  type OrderPlan,
  type SellerLineCancellation,
} from './order-timeline';
import { iso } from './order-view';
import { RESULT_MESSAGE_CODES as CODES, type ProcessingResult } from './processing-report';
import type { SellerActions } from './seller-actions';

/** CancelReason values of OrderAcknowledgement.xsd (2020 revision, 14 values). */
export const ACK_CANCEL_REASONS = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
  'CannotVerifyInformation',
  'PricingError',
  'RejectOrder',
  'WeatherDelay',
] as const;

interface AckItem {
  readonly itemCode: string;
  readonly reason?: string;
  readonly quantity?: number;
}

interface AckMessage {
  readonly messageId: string;
  readonly orderId: string;
  readonly statusCode: 'Success' | 'Failure';
  readonly items: readonly AckItem[];
}

export interface MessageOutcome {
  readonly messageId: string;
  readonly results: readonly ProcessingResult[];
  /** What the message did to the order (for the simulator's count of cancellations applied). */
  readonly applied: AppliedMessage;
}

/**
 * One message's effect. outcome: 'applied' = this message cancelled lines (itemCodes: those lines),
 * 'already-cancelled' = only warnings, 'error' = any Error (nothing applied), 'acknowledged' = a
 * StatusCode Success message that was accepted (it cancels nothing). Otherwise itemCodes are every
 * item the message listed.
 */
export interface AppliedMessage {
  readonly messageId: string;
  readonly orderId?: string;
  readonly statusCode?: 'Success' | 'Failure';
  readonly itemCodes: string[];
  readonly outcome: 'applied' | 'already-cancelled' | 'error' | 'acknowledged';
}

/** Schema check of one OrderAcknowledgement element; the message or a libxml2-like problem. */
function readAcknowledgement(messageId: string, body: XmlElement): AckMessage | string {
  const problem = checkSequence(body, [
    { name: 'AmazonOrderID' },
    { name: 'MerchantOrderID', min: 0 },
    { name: 'StatusCode' },
    { name: 'Item', min: 0, max: Infinity },
  ]);
  if (problem) return problem;
  const orderId = simpleText(child(body, 'AmazonOrderID')!);
  if (orderId === undefined || !/^\w{3}-\w{7}-\w{7}$/.test(orderId)) {
    return `Element 'AmazonOrderID': [facet 'pattern'] The value '${orderId ?? ''}' is not accepted by the pattern '\\w{3}-\\w{7}-\\w{7}'.`;
  }
  const merchantOrderId = child(body, 'MerchantOrderID');
  if (merchantOrderId && (simpleText(merchantOrderId) ?? '').length > 50) {
    return `Element 'MerchantOrderID': [facet 'maxLength'] The value has a length of more than 50.`;
  }
  const statusCode = simpleText(child(body, 'StatusCode')!);
  if (statusCode !== 'Success' && statusCode !== 'Failure') {
    return `Element 'StatusCode': [facet 'enumeration'] The value '${statusCode ?? ''}' is not an element of the set {'Success', 'Failure'}.`;
  }
  const items: AckItem[] = [];
  for (const item of body.children.filter((c) => c.name === 'Item')) {
    const itemProblem = checkSequence(item, [
      { name: 'AmazonOrderItemCode' },
      { name: 'MerchantOrderItemID', min: 0 },
      { name: 'CancelReason', min: 0 },
      { name: 'Quantity', min: 0 },
    ]);
    if (itemProblem) return itemProblem;
    const itemCode = simpleText(child(item, 'AmazonOrderItemCode')!);
    if (itemCode === undefined || !/^\d{14}$/.test(itemCode)) {
      return `Element 'AmazonOrderItemCode': [facet 'pattern'] The value '${itemCode ?? ''}' is not accepted by the pattern '\\d{14}'.`;
    }
    const reasonElement = child(item, 'CancelReason');
    const reason = reasonElement ? simpleText(reasonElement) : undefined;
    if (reasonElement && !(ACK_CANCEL_REASONS as readonly string[]).includes(reason ?? '')) {
      return `Element 'CancelReason': [facet 'enumeration'] The value '${reason ?? ''}' is not an element of the set {${ACK_CANCEL_REASONS.map((r) => `'${r}'`).join(', ')}}.`;
    }
    const quantityElement = child(item, 'Quantity');
    const quantityText = quantityElement ? (simpleText(quantityElement) ?? '').trim() : undefined;
    if (quantityText !== undefined && !/^\+?0*[1-9]\d*$/.test(quantityText)) {
      return `Element 'Quantity': '${quantityText}' is not a valid value of the atomic type 'xs:positiveInteger'.`;
    }
    items.push({
      itemCode,
      reason,
      quantity: quantityText === undefined ? undefined : Number(quantityText),
    });
  }
  return { messageId, orderId, statusCode, items };
}

/** Validates and applies every message at atMs; returns the per-message results for the report. */
export function processOrderAcknowledgements(
  messages: readonly EnvelopeMessage[],
  dataset: OrderDataset,
  actions: SellerActions,
  atMs: number,
): MessageOutcome[] {
  return messages.map((message) => {
    const error = (
      messageCode: number,
      description: string,
      extra: Partial<ProcessingResult> = {},
    ): MessageOutcome => ({
      messageId: message.messageId || '0',
      results: [
        {
          messageId: message.messageId || '0',
          resultCode: 'Error' as const,
          messageCode,
          description,
          ...extra,
        },
      ],
      applied: {
        messageId: message.messageId || '0',
        ...(extra.orderId ? { orderId: extra.orderId } : {}),
        itemCodes: [],
        outcome: 'error',
      },
    });
    if (message.problem || !message.body) {
      return error(
        CODES.schemaError,
        `XML Parsing Error at Message ${message.position}: ${message.problem ?? 'missing OrderAcknowledgement'}`,
      );
    }
    const ack = readAcknowledgement(message.messageId, message.body);
    if (typeof ack === 'string') {
      const orderId = simpleText(
        child(message.body, 'AmazonOrderID') ?? { name: '', children: [], text: '' },
      );
      return error(CODES.schemaError, `XML Parsing Error at Message ${message.position}: ${ack}`, {
        orderId,
      });
    }
    return applyAcknowledgement(ack, dataset, actions, atMs);
  });
}

function applyAcknowledgement(
  ack: AckMessage,
  dataset: OrderDataset,
  actions: SellerActions,
  atMs: number,
): MessageOutcome {
  const results: ProcessingResult[] = [];
  const base = { messageId: ack.messageId, orderId: ack.orderId };
  const listed = ack.items.map((i) => i.itemCode);
  const outcome = (
    outcomeResults: readonly ProcessingResult[],
    kind: AppliedMessage['outcome'],
    itemCodes: string[] = listed,
  ): MessageOutcome => ({
    messageId: ack.messageId,
    results: outcomeResults,
    applied: { ...base, statusCode: ack.statusCode, itemCodes, outcome: kind },
  });
  const fail = (messageCode: number, description: string, itemCode?: string) =>
    results.push({ ...base, resultCode: 'Error', messageCode, description, itemCode });
  const plan = dataset.byId(ack.orderId);
  if (!plan || plan.createdMs > atMs) {
    fail(CODES.orderNotFound, `Order ${ack.orderId} was not found for this seller. Check the AmazonOrderID.`);
    return outcome(results, 'error');
  }
  if (ack.statusCode === 'Success') return outcome(results, 'acknowledged');
  if (plan.fulfilledBy === 'AMAZON') {
    fail(
      CODES.fulfilledByAmazon,
      `Order ${ack.orderId} is fulfilled by Amazon and cannot be cancelled by the seller with an order acknowledgement.`,
    );
    return outcome(results, 'error');
  }
  if (ack.items.length === 0) {
    fail(
      CODES.missingCancelReason,
      `StatusCode Failure for order ${ack.orderId} must list each item to cancel, with its AmazonOrderItemCode and a CancelReason.`,
    );
    return outcome(results, 'error');
  }
  const items = plannedItems(dataset.seed, plan, dataset.catalog);
  const status = statusAt(plan, atMs);
  const cancellations: SellerLineCancellation[] = [];
  const warnings: ProcessingResult[] = [];
  const seen = new Set<string>();
  for (const item of ack.items) {
    const line = items.findIndex((i) => i.orderItemId === item.itemCode);
    if (seen.has(item.itemCode)) {
      fail(
        CODES.duplicateItem,
        `Item ${item.itemCode} is listed more than once for order ${ack.orderId}.`,
        item.itemCode,
      );
      continue;
    }
    seen.add(item.itemCode);
    if (line < 0) {
      fail(
        CODES.itemNotInOrder,
        `AmazonOrderItemCode ${item.itemCode} is not an item of order ${ack.orderId}.`,
        item.itemCode,
      );
      continue;
    }
    const already = alreadyCancelled(plan, line, atMs);
    if (already) {
      warnings.push({
        ...base,
        resultCode: 'Warning',
        messageCode: CODES.alreadyCancelled,
        description: `Item ${item.itemCode} of order ${ack.orderId} was already cancelled (by ${already.by} on ${iso(already.atMs)}); nothing was changed.`,
        itemCode: item.itemCode,
      });
      continue;
    }
    const shippedMs = lineShipMs(plan, line);
    if (shippedMs <= atMs) {
      fail(
        CODES.alreadyShipped,
        `Item ${item.itemCode} of order ${ack.orderId} cannot be cancelled after shipment confirmation (shipped ${iso(shippedMs)}).`,
        item.itemCode,
      );
      continue;
    }
    if (status === 'UNFULFILLABLE') {
      fail(
        CODES.notCancellable,
        `Order ${ack.orderId} cannot be cancelled: its status is UNFULFILLABLE.`,
        item.itemCode,
      );
      continue;
    }
    if (!item.reason) {
      fail(
        CODES.missingCancelReason,
        `A CancelReason is required to cancel item ${item.itemCode} of order ${ack.orderId}.`,
        item.itemCode,
      );
      continue;
    }
    const ordered = items[line]!.quantity;
    if (item.quantity !== undefined && item.quantity !== ordered) {
      fail(
        CODES.quantityMismatch,
        `Quantity ${item.quantity} for item ${item.itemCode} of order ${ack.orderId} does not match the quantity ordered (${ordered}); the sandbox cancels whole lines only.`,
        item.itemCode,
      );
      continue;
    }
    cancellations.push({ line, atMs, reason: item.reason });
  }
  if (results.length > 0) return outcome(results, 'error');
  if (cancellations.length === 0) return outcome(warnings, 'already-cancelled');
  actions.cancelLines(ack.orderId, cancellations);
  return outcome(
    warnings,
    'applied',
    cancellations.map((c) => items[c.line]!.orderItemId),
  );
}

function alreadyCancelled(
  plan: OrderPlan,
  line: number,
  atMs: number,
): { by: string; atMs: number } | undefined {
  const seller = sellerCancellationAt(plan, line, atMs);
  if (seller) return { by: 'MERCHANT', atMs: seller.atMs };
  if (plan.cancelledMs <= atMs) return { by: plan.cancelledBy || 'AMAZON', atMs: plan.cancelledMs };
  return undefined;
}

/** XSD-level problems of an order acknowledgement document (empty when the sandbox finds it valid). */
export function orderAcknowledgementSchemaProblems(xml: string): string[] {
  const envelope = readEnvelope(xml);
  if (envelope.kind !== 'envelope') return [envelope.description];
  if (envelope.messageType !== 'OrderAcknowledgement') return [`MessageType ${envelope.messageType}`];
  return envelope.messages.flatMap((m) => {
    if (m.problem || !m.body) return [m.problem ?? 'missing body'];
    const ack = readAcknowledgement(m.messageId, m.body);
    return typeof ack === 'string' ? [ack] : [];
  });
}
