export { openOrderDb, deleteOrderDb, migrations, ORDER_DB_NAME, ORDER_DB_VERSION } from './order-db';
export type { OrderDb, OrderManagerDb } from './order-db';
export { writeOrderBatch, InvalidOrderBatchError } from './order-batch';
export type { OrderBatch, OrderBatchResult } from './order-batch';
export { readOrderCursor, DamagedStoreRecordError, orderSyncCursorSchema } from './order-cursor';
export type { OrderSyncCursor } from './order-cursor';
export { mergeOrder } from './order-merge';
export {
  listNewestOrders,
  getAllOrders,
  countOrders,
  getOrderWithItems,
  listReports,
  listQuarantine,
} from './order-read';
export { matchesOrderQuery, filterOrders, compileOrderQuery } from './order-query';
export type { OrderQuery, OrderPredicate } from './order-query';
export { quarantineRaw, QUARANTINE_RAW_LIMIT } from './quarantine-raw';
export type {
  ReportRecord,
  QuarantineRecord,
  QuarantineInput,
  QuarantineSource,
  OrderWithItems,
} from './records';
export { storedOrderProblem, storedOrderSchema, storedOrderItemSchema } from './stored-order-schema';
export { DEMO_ORDER_DB_NAME } from './account-db-name';
export { orderDbNameFor } from './account-registry';
export { readBuyerRequestOrders, readOrdersPurchasedSince } from './buyer-request-read';
