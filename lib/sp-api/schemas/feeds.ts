import { z } from '../../zod';
import { dateTimeSchema } from './date-time';
import { processingStatusSchema } from './reports';

/** Feeds API 2021-06-30 (feeds_2021-06-30.json). Feeds share the reports' processing statuses. */

export const FEED_PROCESSING_STATUSES = processingStatusSchema.options;
export type FeedProcessingStatus = z.infer<typeof processingStatusSchema>;
export const feedProcessingStatusSchema = processingStatusSchema;

export const createFeedDocumentSpecificationSchema = z.object({ contentType: z.string().min(1) });
export type CreateFeedDocumentSpecification = z.infer<typeof createFeedDocumentSpecificationSchema>;

export const createFeedDocumentResponseSchema = z.looseObject({
  feedDocumentId: z.string().min(1),
  url: z.url(),
});
export type CreateFeedDocumentResponse = z.infer<typeof createFeedDocumentResponseSchema>;

export const createFeedSpecificationSchema = z.object({
  feedType: z.string().min(1),
  marketplaceIds: z.array(z.string().min(1)).min(1).max(25),
  inputFeedDocumentId: z.string().min(1),
  feedOptions: z.record(z.string(), z.string()).optional(),
});
export type CreateFeedSpecification = z.infer<typeof createFeedSpecificationSchema>;

export const createFeedResponseSchema = z.looseObject({ feedId: z.string().min(1) });
export type CreateFeedResponse = z.infer<typeof createFeedResponseSchema>;

export const feedSchema = z.looseObject({
  feedId: z.string().min(1),
  feedType: z.string(),
  marketplaceIds: z.array(z.string()).optional(),
  createdTime: dateTimeSchema,
  processingStatus: feedProcessingStatusSchema,
  processingStartTime: dateTimeSchema.optional(),
  processingEndTime: dateTimeSchema.optional(),
  resultFeedDocumentId: z.string().optional(),
});
export type Feed = z.infer<typeof feedSchema>;

export const getFeedsResponseSchema = z.looseObject({
  feeds: z.array(feedSchema),
  nextToken: z.string().optional(),
});
export type GetFeedsResponse = z.infer<typeof getFeedsResponseSchema>;

export const feedDocumentSchema = z.looseObject({
  feedDocumentId: z.string().min(1),
  url: z.url(),
  compressionAlgorithm: z.enum(['GZIP']).optional(),
});
export type FeedDocument = z.infer<typeof feedDocumentSchema>;
