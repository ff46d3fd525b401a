import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderQuery } from '../../lib/store';
import type { OrderQueryStore } from './order-query-store';

/** The list's query, restored from the store on mount and saved on every change after that. */
export function usePersistedOrderQuery(store: OrderQueryStore): [OrderQuery, (next: OrderQuery) => void] {
  const [query, setQuery] = useState<OrderQuery>({});
  // Until the stored query is read, a change by the seller wins and the stored one is ignored.
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    store.load().then(
      (stored) => {
        if (live && stored && !touched.current) setQuery(stored);
      },
      () => undefined,
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
  return [query, update];
}
