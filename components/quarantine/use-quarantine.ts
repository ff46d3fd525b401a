import { useEffect, useState } from 'react';
import type { QuarantineRecord } from '../../lib/store';
import type { OrderSource } from '../orders/order-source';

/** Quarantined records, reloaded when the store changes; undefined until read. */
export function useQuarantine(source: OrderSource): readonly QuarantineRecord[] | undefined {
  const [records, setRecords] = useState<readonly QuarantineRecord[]>();
  useEffect(() => {
    let live = true;
    const load = () =>
      source.quarantine().then(
        (found) => {
          if (live) setRecords(found);
        },
        () => undefined,
      );
    void load();
    const unsubscribe = source.subscribe?.(() => void load());
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [source]);
  return records;
}
