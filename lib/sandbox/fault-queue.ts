/**
 * Faults injected by tests, consumed in order by the next matching SP-API calls.
 * - drop-before: the request never arrives (nothing processed); the caller sees a network error.
 * - drop-after / close-unanswered: processed, then the connection closes with no answer.
 * - resend: the request arrives twice (a browser resending on a new connection) and is processed
 *   twice; the caller gets the second answer.
 * - expire-pagination: not queued; every searchOrders paginationToken issued so far stops working.
 */
export type SandboxFault = {
  operation?: string;
  kind:
    | '429'
    | '500'
    | '503'
    | 'slow'
    | 'malformed-json'
    | 'schema-break'
    | 'unknown-enum'
    | 'drop-before'
    | 'drop-after'
    | 'close-unanswered'
    | 'resend'
    | 'expire-pagination';
  count?: number;
  delayMs?: number;
  /** '429' only: the answer carries `Retry-After: <seconds>` (Amazon's models declare none; UNCONFIRMED). */
  retryAfterSeconds?: number;
};

const KINDS: readonly SandboxFault['kind'][] = [
  '429',
  '500',
  '503',
  'slow',
  'malformed-json',
  'schema-break',
  'unknown-enum',
  'drop-before',
  'drop-after',
  'close-unanswered',
  'resend',
  'expire-pagination',
];

const FIELDS = new Set(['operation', 'kind', 'count', 'delayMs', 'retryAfterSeconds']);

export function isSandboxFault(value: unknown): value is SandboxFault {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const f = value as Record<string, unknown>;
  return (
    Object.keys(f).every((key) => FIELDS.has(key)) &&
    KINDS.includes(f.kind as SandboxFault['kind']) &&
    (f.operation === undefined || typeof f.operation === 'string') &&
    (f.count === undefined || (Number.isInteger(f.count) && (f.count as number) >= 1)) &&
    (f.delayMs === undefined || (typeof f.delayMs === 'number' && f.delayMs >= 0)) &&
    (f.retryAfterSeconds === undefined ||
      (f.kind === '429' && Number.isInteger(f.retryAfterSeconds) && (f.retryAfterSeconds as number) >= 0))
  );
}

/** The connection was cut: the caller gets no HTTP answer. */
export class SandboxConnectionDropped extends TypeError {
  override name = 'TypeError';
  constructor(
    /**
     * 'before': the request was never processed; 'after': processed, the answer cut off part-way
     * (a browser does not resend once an answer has begun); 'unanswered': processed, the connection
     * closed with no answer at all (a browser may resend a POST on a new connection).
     */
    readonly phase: 'before' | 'after' | 'unanswered',
    readonly operation: string,
  ) {
    // A browser's fetch says just this when a connection drops.
    super('Failed to fetch');
  }
}

export class FaultQueue {
  readonly #faults: { fault: SandboxFault; left: number }[] = [];

  add(fault: SandboxFault): void {
    this.#faults.push({ fault, left: fault.count ?? 1 });
  }

  /** The fault the next call of this operation would take, left in the queue. */
  peek(operation: string): SandboxFault | undefined {
    return this.#faults.find((f) => f.fault.operation === undefined || f.fault.operation === operation)
      ?.fault;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#faults.length = 0;
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
