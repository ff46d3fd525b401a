import type { StoredOrder, StoredOrderItem } from '../domain/order';

/** One processed order report: which orders it described and which of them were new to the store. */
export interface ReportRecord {
  readonly reportId: string;
  readonly reportType: string;
  readonly createdTime: string;
  readonly processedAt: string;
  readonly dataStartTime?: string;
  readonly dataEndTime?: string;
  readonly orderIds: readonly string[];
  readonly newOrderIds: readonly string[];
  readonly rowCount: number;
  readonly rejectedRowCount: number;
}

export type QuarantineSource = 'searchOrders' | 'getOrder' | 'report' | 'store';

/** A record Amazon sent that the extension could not accept, kept so the seller can see why. */
export interface QuarantineRecord {
  readonly id: number;
  readonly at: string;
  readonly source: QuarantineSource;
  /** Report id or sync run id the record arrived with. */
  readonly reference: string;
  readonly orderId?: string;
  readonly reason: string;
  /** The record as received, JSON, capped in size. */
  readonly raw: string;
}

export interface QuarantineInput {
  readonly at: string;
  readonly source: QuarantineSource;
  readonly reference: string;
  readonly orderId?: string;
  readonly reason: string;
  /** Any value; stored as capped JSON text. */
  readonly raw: unknown;
}

/** Named small records (cursors, markers); the value is validated by whoever reads it. */
export interface SyncStateRecord {
  readonly key: string;
  readonly value: unknown;
}

export interface OrderWithItems {
  readonly order: StoredOrder;
  readonly items: StoredOrderItem[];
}
