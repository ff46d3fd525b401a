import { z } from '../../zod';

/** One entry of Amazon's `ErrorList` (every SP-API model shares this shape). */
export const errorSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  details: z.string().optional(),
});
export type SpApiErrorEntry = z.infer<typeof errorSchema>;

export const errorListSchema = z.looseObject({
  errors: z.array(errorSchema),
});
export type ErrorList = z.infer<typeof errorListSchema>;
