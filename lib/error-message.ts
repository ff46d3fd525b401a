/**
 * The text of anything thrown: an Error's message, or the value as a string. The one place this
 * is decided, so every view and log line says a failure the same way. Errors that can say
 * themselves plainly to a seller go through `plainMessageOf` (lib/sp-api/errors.ts) instead.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
