import { plainMessageOf } from '../sp-api/errors';

/** Turns any failure into words a seller can act on, plus Amazon's code and request id. */
export function describeError(error: unknown): { message: string; code?: string; requestId?: string } {
  const e = (error && typeof error === 'object' ? error : {}) as { code?: unknown; requestId?: unknown };
  return {
    message:
      error === undefined || error === null
        ? 'The sync failed for an unknown reason.'
        : plainMessageOf(error),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.requestId === 'string' ? { requestId: e.requestId } : {}),
  };
}
