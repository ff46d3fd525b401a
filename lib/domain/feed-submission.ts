import { z } from '../zod';

/**
 * The steps a feed submission goes through. Each is persisted BEFORE the call it leads to, so a
 * killed worker resumes from the last recorded step and never creates a second feed:
 * building → document-created → uploaded → creating (since T) → submitted → done | failed | needs-review.
 */
export const FEED_SUBMISSION_STEPS = [
  /** Actions batched and feed content built; next: createFeedDocument (free to repeat). */
  'building',
  /** Document created; next: upload to its URL (a new document if the URL expired). */
  'document-created',
  /** Content uploaded; next: persist "creating since T", then createFeed. */
  'uploaded',
  /** createFeed may have been sent since `creatingSince`; after a restart, adopt via getFeeds. */
  'creating',
  /** Amazon has the feed (`feedId`); next: poll getFeed until DONE / FATAL / CANCELLED. */
  'submitted',
  /** The processing report was applied to every action. */
  'done',
  /** Nothing was applied (feed rejected or cancelled before processing); actions failed. */
  'failed',
  /** It cannot be told whether Amazon applied it; the seller decides. */
  'needs-review',
] as const;
export type FeedSubmissionStep = (typeof FEED_SUBMISSION_STEPS)[number];

export const TERMINAL_STEPS: ReadonlySet<FeedSubmissionStep> = new Set(['done', 'failed', 'needs-review']);

const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO date-time');

export const feedSubmissionSchema = z.object({
  /** Idempotency key of the submission: at most one feed is ever created for it. */
  id: z.string().min(1),
  feedType: z.string().min(1),
  marketplaceIds: z.array(z.string().min(1)).min(1).max(25),
  /** MessageID in the feed → the outbox action it carries. */
  messages: z.array(z.object({ messageId: z.number().int().positive(), actionId: z.string().min(1) })).min(1),
  /** The exact feed content, built once so every upload sends the same bytes. */
  content: z.string().min(1),
  contentType: z.string().min(1),
  step: z.enum(FEED_SUBMISSION_STEPS),
  document: z
    .object({ feedDocumentId: z.string().min(1), url: z.string().min(1), createdAt: isoTime })
    .optional(),
  uploadedAt: isoTime.optional(),
  /**
   * T of the creating step, in Amazon's time (from the Date header of its answers) when it was known:
   * any feed Amazon made for this submission was created after T.
   */
  creatingSince: isoTime.optional(),
  /**
   * T of the first attempt of the same createFeed call, when the client retried it (after a 429):
   * an attempt answered 429 may still have made a feed (a browser resend answered by the copy), so
   * the window reaches back to it. Absent: T is creatingSince.
   */
  creatingFirstSince: isoTime.optional(),
  /** Which clock T was read from: Amazon's (measured offset) or only this machine's (wider margins). */
  creatingClock: z.enum(['amazon', 'local']).optional(),
  /** When the createFeed call ended without an answer (Amazon's time); the settle wait starts here. */
  createCallEndedAt: isoTime.optional(),
  /** Amazon's clock minus this machine's, last measured; kept so a restarted worker can read T right. */
  amazonOffsetMs: z.number().int().optional(),
  /** The last error while driving this submission, in plain words, and how many in a row. */
  lastError: z
    .object({
      message: z.string(),
      at: isoTime,
      attempts: z.number().int().positive(),
      permanent: z.boolean(),
    })
    .optional(),
  /** createFeed calls sent (each only after proving the previous one made no feed). */
  createAttempts: z.number().int().nonnegative(),
  /** Consecutive getFeeds failures while adopting; too many → needs-review. */
  adoptFailures: z.number().int().nonnegative(),
  feedId: z.string().optional(),
  /** The feed was found by getFeeds after a restart rather than returned by createFeed. */
  adopted: z.boolean().optional(),
  processingStatus: z.string().optional(),
  resultFeedDocumentId: z.string().optional(),
  /** Why the submission failed or needs review, in plain words. */
  resultText: z.string().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type FeedSubmission = z.infer<typeof feedSubmissionSchema>;
