import { useCallback, useEffect, useState } from 'react';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { errorMessage } from '../../lib/error-message';
import type { ActionSource } from './action-source';

export interface OrderActions {
  /** Undefined until the first read answers. */
  readonly actions: readonly CancelAction[] | undefined;
  readonly error?: string;
  /** Reads again now (after a queue or a retry), without waiting for the source to say so. */
  readonly reload: () => void;
}

/** One order's outbox actions, newest first, kept current. */
export function useOrderActions(source: ActionSource | undefined, orderId: string): OrderActions {
  const [state, setState] = useState<{ actions?: CancelAction[]; error?: string }>({});
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (!source) return;
    let live = true;
    const load = () =>
      source.forOrder(orderId).then(
        (actions) => {
          if (live) setState({ actions });
        },
        (error: unknown) => {
          if (live) setState((s) => ({ ...s, error: errorMessage(error) }));
        },
      );
    void load();
    const unsubscribe = source.subscribe?.(() => void load());
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [source, orderId, generation]);
  return { actions: source ? state.actions : [], error: state.error, reload };
}

/** Every action, for the list's status chips; an empty list when there is no source or it fails. */
export function useAllActions(source: ActionSource | undefined): readonly CancelAction[] {
  const [actions, setActions] = useState<readonly CancelAction[]>([]);
  useEffect(() => {
    if (!source) return;
    let live = true;
    const load = () =>
      source.all().then(
        (all) => {
          if (live) setActions(all);
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
  return actions;
}
