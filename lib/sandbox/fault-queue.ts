/** Faults injected by tests, consumed in order by the next matching SP-API calls. */
export type SandboxFault = {
  operation?: string;
  kind: '429' | '500' | '503' | 'slow' | 'malformed-json' | 'schema-break' | 'unknown-enum';
  count?: number;
  delayMs?: number;
};

const KINDS: readonly SandboxFault['kind'][] = [
  '429',
  '500',
  '503',
  'slow',
  'malformed-json',
  'schema-break',
  'unknown-enum',
];

export function isSandboxFault(value: unknown): value is SandboxFault {
  if (!value || typeof value !== 'object') return false;
  const f = value as Record<string, unknown>;
  return (
    KINDS.includes(f.kind as SandboxFault['kind']) &&
    (f.operation === undefined || typeof f.operation === 'string') &&
    (f.count === undefined || (typeof f.count === 'number' && f.count >= 1)) &&
    (f.delayMs === undefined || (typeof f.delayMs === 'number' && f.delayMs >= 0))
  );
}

export class FaultQueue {
  readonly #faults: { fault: SandboxFault; left: number }[] = [];

  add(fault: SandboxFault): void {
    this.#faults.push({ fault, left: fault.count ?? 1 });
  }

  take(operation: string): SandboxFault | undefined {
    const i = this.#faults.findIndex(
      (f) => f.fault.operation === undefined || f.fault.operation === operation,
    );
    if (i < 0) return undefined;
    const entry = this.#faults[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.#faults.splice(i, 1);
    return entry.fault;
  }
}

/** Bends a correct response body the way the fault asks (for clients' defensive parsing). */
export function breakBody(kind: 'schema-break' | 'unknown-enum', body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const b = structuredClone(body) as Record<string, unknown>;
  const orders = Array.isArray(b.orders)
    ? (b.orders as Record<string, unknown>[])
    : b.order
      ? [b.order as Record<string, unknown>]
      : undefined;
  if (kind === 'schema-break') {
    if (orders && orders.length > 0) delete orders[0]!.orderId;
    else if (Array.isArray(b.orders)) delete b.orders;
    else if (Array.isArray(b.reports) && b.reports.length > 0)
      delete (b.reports[0] as Record<string, unknown>).reportId;
    else if (Array.isArray(b.reports)) delete b.reports;
    else if (Array.isArray(b.feeds) && b.feeds.length > 0)
      delete (b.feeds[0] as Record<string, unknown>).feedId;
    else if (Array.isArray(b.feeds)) delete b.feeds;
    else
      for (const key of ['reportId', 'url', 'processingStatus', 'feedId', 'sku'])
        if (key in b) {
          delete b[key];
          break;
        }
    return b;
  }
  if (orders && orders.length > 0) {
    const first = orders[0]!;
    first.fulfillment = { ...(first.fulfillment as object | undefined), fulfillmentStatus: 'TELEPORTED' };
  } else if (Array.isArray(b.reports) && b.reports.length > 0) {
    (b.reports[0] as Record<string, unknown>).processingStatus = 'TELEPORTED';
  } else if (Array.isArray(b.feeds) && b.feeds.length > 0) {
    (b.feeds[0] as Record<string, unknown>).processingStatus = 'TELEPORTED';
  } else if ('processingStatus' in b) b.processingStatus = 'TELEPORTED';
  else if ('url' in b) b.compressionAlgorithm = 'TELEPORTED';
  else if (typeof b.status === 'string') b.status = 'TELEPORTED';
  return b;
}
