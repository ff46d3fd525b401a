/** A cancel (or its retry) was not queued; `message` says why in plain words. */
export class CancelRefusedError extends Error {
  override name = 'CancelRefusedError';
}
