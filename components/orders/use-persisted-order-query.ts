import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderQuery } from '../../lib/store';
import type { OrderQueryStore } from './order-query-store';

/** The list's query, restored from the store on mount and saved on every change after that. */
export function usePersistedOrderQuery(
  store: OrderQueryStore,
): [OrderQuery, (next: OrderQuery) => void, boolean] {
  const [query, setQuery] = useState<OrderQuery>({});
  // The list waits for this, so it never flashes unfiltered rows before the saved filters apply.
  const [restored, setRestored] = useState(false);
  // Until the stored query is read, a change by the seller wins and the stored one is ignored.
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    store.load().then(
      (stored) => {
        if (live && stored && !touched.current) setQuery(stored);
        if (live) setRestored(true);
      },
      () => {
        if (live) setRestored(true);
      },
    );
    return () => {
      live = false;
    };
  }, [store]);
  const update = useCallback(
    (next: OrderQuery) => {
      touched.current = true;
      setQuery(next);
      store.save(next).catch(() => undefined);
    },
    [store],
  );
  return [query, update, restored];
}
