import type { ProcessingReport } from '../formats/processing-report';
import type { Feed } from '../sp-api/schemas/feeds';
import type { FeedSubmission } from '../domain/feed-submission';
import type { CancelFailure, OutboxActionStatus } from '../domain/outbox-action';

/** What a finished feed means for one of its actions. */
export interface ActionOutcome {
  readonly status: Exclude<OutboxActionStatus, 'pending'>;
  readonly resultText?: string;
  /** Failed only: can a retry fix it (`not-applied`), or must the seller edit it (`refused`)? */
  readonly failure?: CancelFailure;
}

export const FATAL_TEXT =
  'Amazon stopped processing the cancellation feed with a fatal error: some, none or all of it may have ' +
  'been applied. Check the order in Seller Central (the next sync shows whether it is cancelled), then ' +
  'mark this cancellation done or failed.';
export const FEED_CANCELLED_TEXT =
  'Amazon cancelled the feed before processing it, so nothing was applied. Retry the cancellation.';
export const UNREADABLE_REPORT_TEXT =
  'Amazon finished the feed but its processing report could not be read, so the result is unknown. ' +
  'Check the order in Seller Central, then mark this cancellation done or failed; the next sync also settles it.';
export const NO_REPORT_TEXT =
  'Amazon finished the feed but gave no processing report, so the result is unknown. Check the order in ' +
  'Seller Central, then mark this cancellation done or failed.';

/** Outcome of every action of a submission whose feed ended FATAL, CANCELLED, or DONE without a report. */
export function outcomeWithoutReport(feed: Pick<Feed, 'processingStatus'>): ActionOutcome {
  if (feed.processingStatus === 'CANCELLED')
    return { status: 'failed', resultText: FEED_CANCELLED_TEXT, failure: 'not-applied' };
  if (feed.processingStatus === 'FATAL') return { status: 'needs-review', resultText: FATAL_TEXT };
  return { status: 'needs-review', resultText: NO_REPORT_TEXT };
}

/**
 * Reads a processing report message by message: an Error result fails that action with Amazon's
 * text; no result means done. Anything that does not add up (a rejected or unfinished report,
 * fewer messages processed than sent) never turns into success.
 */
export function outcomesFromReport(
  submission: Pick<FeedSubmission, 'messages'>,
  report: ProcessingReport,
): Map<string, ActionOutcome> {
  const outcomes = new Map<string, ActionOutcome>();
  const byMessage = new Map<number, ProcessingReport['results'][number][]>();
  for (const result of report.results) {
    const list = byMessage.get(result.messageId) ?? [];
    list.push(result);
    byMessage.set(result.messageId, list);
  }
  const describe = (results: readonly ProcessingReport['results'][number][]) =>
    results.map((r) => `${r.description || 'No description'} (Amazon code ${r.messageCode})`).join(' ');

  if (report.statusCode !== 'Complete') {
    const general = report.results.length ? describe(report.results) : `report status ${report.statusCode}`;
    for (const { actionId, messageId } of submission.messages) {
      const own = byMessage.get(messageId);
      outcomes.set(actionId, {
        status: 'failed',
        resultText: `Amazon did not process the cancellation feed: ${own ? describe(own) : general}`,
        // The feed as a whole was not processed: sending the same message again can work.
        failure: 'not-applied',
      });
    }
    return outcomes;
  }
  const processed = report.summary?.processed;
  const allProcessed = processed === undefined || processed >= submission.messages.length;
  for (const { actionId, messageId } of submission.messages) {
    const results = byMessage.get(messageId) ?? [];
    const errors = results.filter((r) => r.resultCode === 'Error');
    const warnings = results.filter((r) => r.resultCode === 'Warning');
    if (errors.length) {
      // Amazon read this message and said no: the same message gets the same answer.
      outcomes.set(actionId, { status: 'failed', resultText: describe(errors), failure: 'refused' });
    } else if (!results.length && !allProcessed) {
      outcomes.set(actionId, {
        status: 'needs-review',
        resultText:
          `Amazon's report covers ${processed} of the ${submission.messages.length} cancellations sent together, ` +
          'so it cannot say whether this one was applied. Check the order in Seller Central.',
      });
    } else {
      outcomes.set(actionId, {
        status: 'done',
        ...(warnings.length
          ? { resultText: `Cancelled, with a warning from Amazon: ${describe(warnings)}` }
          : {}),
      });
    }
  }
  return outcomes;
}
