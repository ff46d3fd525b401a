import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../lib/sync/sync-status';
import type { SyncSource } from './sync-source';

/** The latest sync status, or undefined until the first read answers. */
export function useSyncStatus(source: SyncSource): SyncStatus | undefined {
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => {
    let live = true;
    const unsubscribe = source.subscribe((next) => {
      if (live) setStatus(next);
    });
    source.load().then(
      (loaded) => {
        // A change that arrived first is newer than this read.
        if (live) setStatus((current) => current ?? loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [source]);
  return status;
}
