const tails = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after any earlier run on the same database has finished. Two overlapping outbox runs
 * in one worker (two alarms, an alarm and a message) could otherwise both drive one submission.
 */
export function serializeOutboxRun<T>(dbName: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(dbName) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  tails.set(dbName, tail);
  void tail.then(() => {
    if (tails.get(dbName) === tail) tails.delete(dbName);
  });
  return run;
}
