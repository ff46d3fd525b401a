import { z } from '../../zod';

/** Listings Items API 2021-08-01 (listingsItems_2021-08-01.json), the parts patchListingsItem uses. */

export const patchOperationSchema = z.object({
  op: z.enum(['add', 'replace', 'merge', 'delete']),
  path: z.string().min(1),
  value: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type PatchOperation = z.infer<typeof patchOperationSchema>;

export const listingsItemPatchRequestSchema = z.object({
  productType: z.string().min(1),
  patches: z.array(patchOperationSchema).min(1),
});
export type ListingsItemPatchRequest = z.infer<typeof listingsItemPatchRequestSchema>;

export const listingsIssueSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  attributeNames: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
});
export type ListingsIssue = z.infer<typeof listingsIssueSchema>;

export const listingsItemSubmissionResponseSchema = z.looseObject({
  sku: z.string(),
  status: z.enum(['ACCEPTED', 'INVALID', 'VALID']),
  submissionId: z.string(),
  issues: z.array(listingsIssueSchema).optional(),
});
export type ListingsItemSubmissionResponse = z.infer<typeof listingsItemSubmissionResponseSchema>;
