import { z } from '../../zod';

/** An ISO 8601 date-time as Amazon sends it; lenient on precision and offset, strict on being a date. */
export const dateTimeSchema = z
  .string()
  .min(1)
  .refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)), {
    message: 'not an ISO 8601 date-time',
  });
