export interface AnchorWatchOptions {
  readonly signal: AbortSignal;
  /** How long after the feature starts its anchor may take to render. */
  readonly waitMs: number;
  /** Whether the page, once the wait is over, should have had the anchor (so its absence is news). */
  readonly expected: () => boolean;
  readonly report: (placed: boolean) => void;
}

/**
 * Reports whether a feature found its anchor: placed as soon as `found()` is first called, missing
 * when the wait ends without it on a page that expected it, nothing otherwise. A page slower than the
 * wait reports missing and then placed when the anchor does render, so the record it left is cleared
 * rather than claiming a protection is off that is on. Returns `found`.
 */
export function watchAnchor(options: AnchorWatchOptions): () => void {
  const { signal, waitMs, expected, report } = options;
  // 'waiting' until found or the wait ends; only a placement may follow a miss (or a quiet wait).
  let state: 'waiting' | 'missing' | 'quiet' | 'placed' = 'waiting';
  const timer = setTimeout(() => {
    if (state !== 'waiting' || signal.aborted) return;
    if (expected()) {
      state = 'missing';
      report(false);
    } else {
      state = 'quiet';
    }
  }, waitMs);
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => {
    if (state === 'placed' || signal.aborted) return;
    state = 'placed';
    clearTimeout(timer);
    report(true);
  };
}
