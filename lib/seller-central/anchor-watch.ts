export interface AnchorWatchOptions {
  readonly signal: AbortSignal;
  /** How long after the feature starts its anchor may take to render. */
  readonly waitMs: number;
  /** Whether the page, once the wait is over, should have had the anchor (so its absence is news). */
  readonly expected: () => boolean;
  readonly report: (placed: boolean) => void;
}

/**
 * Reports once per run whether a feature found its anchor: placed as soon as `found()` is called,
 * missing when the wait ends without it on a page that expected it, nothing otherwise.
 * Returns `found`.
 */
export function watchAnchor(options: AnchorWatchOptions): () => void {
  const { signal, waitMs, expected, report } = options;
  let settled = signal.aborted;
  const settle = (placed: boolean) => {
    if (settled || signal.aborted) return;
    settled = true;
    clearTimeout(timer);
    report(placed);
  };
  const timer = setTimeout(() => {
    if (expected()) settle(false);
    else settled = true;
  }, waitMs);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => settle(true);
}
