import { z } from '../../lib/zod';
import { ORDER_STATUSES, ORDER_SUB_TYPES } from '../../lib/domain/order';
import { declareItem } from '../../lib/storage/declared-item';
import { STORAGE_KEYS } from '../../lib/storage/storage-keys';
import { ORDER_SORTS, type OrderQuery } from '../../lib/store/order-query';

/** The key in storage.local itself (the registry's key less WXT's area prefix). */
export const ORDER_LIST_QUERY_KEY = STORAGE_KEYS.orderListQuery.key.replace(/^local:/, '');

export const orderQuerySchema = z.object({
  text: z.string().max(200).optional(),
  statuses: z.array(z.enum(ORDER_STATUSES)).optional(),
  subTypes: z.array(z.enum(ORDER_SUB_TYPES)).optional(),
  // A sort this version does not know (saved by a later one) reads as the default, keeping the filters.
  sort: z.enum(ORDER_SORTS).optional().catch(undefined),
});

/** Keeps the order list's last search and filters between popup openings. */
export interface OrderQueryStore {
  load(): Promise<OrderQuery | undefined>;
  save(query: OrderQuery): Promise<void>;
}

const orderQueryItem = declareItem<OrderQuery | undefined>({
  key: STORAGE_KEYS.orderListQuery.key,
  schema: orderQuerySchema.optional(),
  fallback: undefined,
  version: 1,
  migrations: {},
});

export function browserOrderQueryStore(): OrderQueryStore {
  return {
    load: () => orderQueryItem.get(),
    async save(query) {
      await orderQueryItem.set(query);
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
