import { useEffect, useState } from 'react';
import { CANCELLATION_RATE_PERIOD_DAYS } from '../../lib/domain/cancellation-rate';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { errorMessage } from '../../lib/error-message';
import type { OrderWithItems } from '../../lib/store';
import type { ActionSource } from '../cancel/action-source';
import type { OrderSource } from '../orders/order-source';

export interface Loaded<T> {
  /** Undefined until the first read answers. */
  readonly value?: T;
  readonly error?: string;
}

interface Subscribable {
  subscribe?(onChange: () => void): () => void;
}

/** Reads now and again whenever the source says its data may have changed. */
function useSourceRead<S extends Subscribable, T>(source: S, read: (source: S) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({});
  useEffect(() => {
    let live = true;
    const load = () =>
      read(source).then(
        (value) => {
          if (live) setState({ value });
        },
        (error: unknown) => {
          if (live) setState((current) => ({ ...current, error: errorMessage(error) }));
        },
      );
    void load();
    const unsubscribe = source.subscribe?.(() => void load());
    return () => {
      live = false;
      unsubscribe?.();
    };
    // The read is fixed per call site; only a new source means reading again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);
  return state;
}

/** Every order that has or had a buyer's cancellation request, with its items; one index-backed read. */
export function useBuyerRequestOrders(source: OrderSource): Loaded<OrderWithItems[]> {
  return useSourceRead(source, (s) => s.buyerRequests());
}

/** The orders of the cancellation rate's period: placed in the last 7 days. */
export function useRateOrders(source: OrderSource): Loaded<OrderWithItems[]> {
  return useSourceRead(source, (s) =>
    s.ordersPurchasedSince(new Date(Date.now() - CANCELLATION_RATE_PERIOD_DAYS * 86_400_000).toISOString()),
  );
}

/** Every outbox action: the rate's cancels and each row's cancel state. */
export function useCancelActions(source: ActionSource): Loaded<CancelAction[]> {
  return useSourceRead(source, (s) => s.all());
}
