import { z } from '../../zod';
import { dateTimeSchema } from './date-time';

/** Reports API 2021-06-30 (reports_2021-06-30.json). */

export const PROCESSING_STATUSES = ['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE'] as const;
export type ProcessingStatus = (typeof PROCESSING_STATUSES)[number];
export const processingStatusSchema = z.enum(PROCESSING_STATUSES);

export const createReportSpecificationSchema = z.object({
  reportType: z.string().min(1),
  marketplaceIds: z.array(z.string().min(1)).min(1).max(25),
  dataStartTime: dateTimeSchema.optional(),
  dataEndTime: dateTimeSchema.optional(),
  reportOptions: z.record(z.string(), z.string()).optional(),
});
export type CreateReportSpecification = z.infer<typeof createReportSpecificationSchema>;

export const createReportResponseSchema = z.looseObject({ reportId: z.string().min(1) });
export type CreateReportResponse = z.infer<typeof createReportResponseSchema>;

export const reportSchema = z.looseObject({
  reportId: z.string().min(1),
  reportType: z.string(),
  createdTime: dateTimeSchema,
  processingStatus: processingStatusSchema,
  marketplaceIds: z.array(z.string()).optional(),
  dataStartTime: dateTimeSchema.optional(),
  dataEndTime: dateTimeSchema.optional(),
  reportScheduleId: z.string().optional(),
  processingStartTime: dateTimeSchema.optional(),
  processingEndTime: dateTimeSchema.optional(),
  reportDocumentId: z.string().optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const getReportsResponseSchema = z.looseObject({
  reports: z.array(reportSchema),
  nextToken: z.string().optional(),
});
export type GetReportsResponse = z.infer<typeof getReportsResponseSchema>;

export const reportDocumentSchema = z.looseObject({
  reportDocumentId: z.string().min(1),
  url: z.url(),
  compressionAlgorithm: z.enum(['GZIP']).optional(),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
