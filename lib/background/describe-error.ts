/** Turns any failure into words a seller can act on, plus Amazon's code and request id. */
export function describeError(error: unknown): { message: string; code?: string; requestId?: string } {
  if (error && typeof error === 'object') {
    const e = error as {
      plainMessage?: () => string;
      message?: unknown;
      code?: unknown;
      requestId?: unknown;
    };
    const message =
      typeof e.plainMessage === 'function'
        ? e.plainMessage()
        : typeof e.message === 'string'
          ? e.message
          : 'The sync failed for an unknown reason.';
    return {
      message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.requestId === 'string' ? { requestId: e.requestId } : {}),
    };
  }
  return { message: 'The sync failed for an unknown reason.' };
}
