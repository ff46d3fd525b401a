import { z } from 'zod';
import { browser } from 'wxt/browser';
import { ORDER_STATUSES, ORDER_SUB_TYPES } from '../../lib/domain/order';
import type { OrderQuery } from '../../lib/store';

export const ORDER_LIST_QUERY_KEY = 'orderListQuery';

export const orderQuerySchema = z.object({
  text: z.string().max(200).optional(),
  statuses: z.array(z.enum(ORDER_STATUSES)).optional(),
  subTypes: z.array(z.enum(ORDER_SUB_TYPES)).optional(),
});

/** Keeps the order list's last search and filters between popup openings. */
export interface OrderQueryStore {
  load(): Promise<OrderQuery | undefined>;
  save(query: OrderQuery): Promise<void>;
}

/** A stored query that no longer parses is dropped rather than breaking the list. */
export function parseStoredOrderQuery(value: unknown): OrderQuery | undefined {
  const parsed = orderQuerySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function browserOrderQueryStore(): OrderQueryStore {
  return {
    async load() {
      return parseStoredOrderQuery(
        (await browser.storage.local.get(ORDER_LIST_QUERY_KEY))[ORDER_LIST_QUERY_KEY],
      );
    },
    async save(query) {
      await browser.storage.local.set({ [ORDER_LIST_QUERY_KEY]: orderQuerySchema.parse(query) });
    },
  };
}

export function memoryOrderQueryStore(initial?: OrderQuery): OrderQueryStore & { current?: OrderQuery } {
  const store: OrderQueryStore & { current?: OrderQuery } = {
    current: initial,
    async load() {
      return store.current;
    },
    async save(query) {
      store.current = query;
    },
  };
  return store;
}
