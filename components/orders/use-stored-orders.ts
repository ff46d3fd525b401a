import { useEffect, useState } from 'react';
import type { StoredOrder } from '../../lib/domain/order';
import { errorMessage } from '../../lib/error-message';
import type { OrderSource } from './order-source';

export const FIRST_PAINT_LIMIT = 50;

export interface StoredOrders {
  readonly orders: readonly StoredOrder[];
  /** False while only the first page (the newest orders) is loaded. */
  readonly complete: boolean;
  readonly error?: string;
}

/**
 * Paints the newest orders at once, then loads every order for in-memory filtering; reloads when the
 * source says the store changed. Searching never goes back to IndexedDB.
 */
export function useStoredOrders(source: OrderSource): StoredOrders {
  const [state, setState] = useState<StoredOrders>({ orders: [], complete: false });
  useEffect(() => {
    let live = true;
    let haveAll = false;
    const fail = (error: unknown) => {
      if (live) setState((s) => ({ ...s, error: errorMessage(error) }));
    };
    const loadAll = () =>
      source.all().then((orders) => {
        haveAll = true;
        if (live) setState({ orders, complete: true });
      }, fail);
    // Reading every order takes IndexedDB (and this thread) a while; ask for it only once the
    // newest page is on screen, so the first rows never wait behind it.
    void source
      .newest(FIRST_PAINT_LIMIT)
      .then((orders) => {
        if (live && !haveAll) setState({ orders, complete: false });
      }, fail)
      .then(() => (live ? loadAll() : undefined));
    const unsubscribe = source.subscribe?.(() => void loadAll());
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [source]);
  return state;
}
