/**
 * What happens to a feed when it finishes processing: order acknowledgements are applied to the
 * orders; every other feed type is kept and answered with a report whose messages all fail as
 * "not supported by the sandbox" (never a crash). FATAL only for bytes that are not well-formed XML
 * or not an AmazonEnvelope in an XML feed.
 */
import { readEnvelope } from './amazon-envelope';
import { processOrderAcknowledgements, type AppliedMessage } from './order-acknowledgement';
import type { OrderDataset } from './order-dataset';
import {
  buildProcessingReport,
  RESULT_MESSAGE_CODES as CODES,
  type ProcessingResult,
} from './processing-report';
import type { SellerActions } from './seller-actions';

export const ORDER_ACKNOWLEDGEMENT_FEED = 'POST_ORDER_ACKNOWLEDGEMENT_DATA';

export interface FeedToProcess {
  readonly feedId: string;
  readonly feedType: string;
  readonly text: string;
  readonly atMs: number;
}

export interface FeedProcessingResult {
  readonly status: 'DONE' | 'FATAL';
  readonly report: string;
  /** Order acknowledgement feeds: what each message did (empty when the document could not be read). */
  readonly messages?: AppliedMessage[];
}

export type FeedProcessor = (feed: FeedToProcess) => FeedProcessingResult;

export function createFeedProcessor(
  dataset: OrderDataset,
  actions: SellerActions,
  sellerId: string,
): FeedProcessor {
  return (feed) => {
    const report = (
      results: readonly { messageId: string; results: readonly ProcessingResult[] }[],
      documentResults: readonly ProcessingResult[] = [],
    ) => {
      const withError = results.filter((m) => m.results.some((r) => r.resultCode === 'Error')).length;
      const withWarning = results.filter(
        (m) => m.results.length > 0 && m.results.every((r) => r.resultCode === 'Warning'),
      ).length;
      return buildProcessingReport({
        merchantIdentifier: sellerId,
        feedId: feed.feedId,
        processed: results.length,
        successful: results.length - withError,
        // A document-level error (MessageID 0) counts as one error, as Amazon's 5000/5001 reports do.
        withError: withError + (documentResults.length > 0 ? 1 : 0),
        withWarning,
        results: [...documentResults, ...results.flatMap((m) => m.results)],
      });
    };
    const documentError = (messageCode: number, description: string): ProcessingResult => ({
      messageId: '0',
      resultCode: 'Error',
      messageCode,
      description,
    });
    const isXmlFeed = feed.feedType.startsWith('POST_') && !feed.feedType.includes('FLAT_FILE');
    if (feed.feedType !== ORDER_ACKNOWLEDGEMENT_FEED) {
      const unsupported = `Feed type ${feed.feedType} is not supported by the sandbox; nothing was applied.`;
      const envelope = isXmlFeed ? readEnvelope(feed.text) : undefined;
      if (envelope?.kind === 'envelope' && envelope.messages.length > 0) {
        return {
          status: 'DONE',
          report: report(
            envelope.messages.map((m) => ({
              messageId: m.messageId || '0',
              results: [documentError(CODES.unsupportedFeedType, unsupported)].map((r) => ({
                ...r,
                messageId: m.messageId || '0',
              })),
            })),
          ),
        };
      }
      return { status: 'DONE', report: report([], [documentError(CODES.unsupportedFeedType, unsupported)]) };
    }
    const envelope = readEnvelope(feed.text);
    if (envelope.kind === 'fatal') {
      return {
        status: 'FATAL',
        report: report([], [documentError(CODES.fatalParse, envelope.description)]),
        messages: [],
      };
    }
    if (envelope.kind === 'invalid') {
      return {
        status: 'DONE',
        report: report([], [documentError(CODES.schemaError, envelope.description)]),
        messages: [],
      };
    }
    if (envelope.messageType !== 'OrderAcknowledgement') {
      return {
        status: 'DONE',
        messages: [],
        report: report(
          [],
          [
            documentError(
              CODES.schemaError,
              `MessageType ${envelope.messageType} is not valid for feed type ${ORDER_ACKNOWLEDGEMENT_FEED}; expected OrderAcknowledgement.`,
            ),
          ],
        ),
      };
    }
    const outcomes = processOrderAcknowledgements(envelope.messages, dataset, actions, feed.atMs);
    return { status: 'DONE', report: report(outcomes), messages: outcomes.map((o) => o.applied) };
  };
}
