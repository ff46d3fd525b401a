import { z } from '../zod';
import { MoneyParseError, parseMoney, type Money } from '../domain/money';

/**
 * Parser for the tab-separated order reports GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL
 * and ..._BY_ORDER_DATE_GENERAL. Columns are found by header name (Amazon's order is not a
 * contract), unknown columns are kept in `extra`, and a bad row is rejected with its line number
 * instead of spoiling the file.
 */

export const ORDER_REPORT_REQUIRED_COLUMNS = [
  'amazon-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'sku',
  'asin',
  'quantity',
  'currency',
  'item-price',
] as const;

/** Column name → spellings seen in real files (Seller Central's help spells "cancelation"). */
const COLUMN_ALIASES: Record<string, readonly string[]> = {
  'is-buyer-requested-cancellation': ['is-buyer-requested-cancellation', 'is-buyer-requested-cancelation'],
  'buyer-requested-cancel-reason': ['buyer-requested-cancel-reason', 'buyer-requested-cancellation-reason'],
};

export class OrderReportFormatError extends Error {
  override name = 'OrderReportFormatError';
  readonly missingColumns: readonly string[];
  constructor(message: string, missingColumns: readonly string[] = []) {
    super(message);
    this.missingColumns = missingColumns;
  }
}

export interface OrderReportRow {
  /** 1-based line of the file (the header is line 1). */
  readonly line: number;
  readonly amazonOrderId: string;
  readonly merchantOrderId?: string;
  /** ISO 8601 in UTC. */
  readonly purchaseDate: string;
  readonly lastUpdatedDate: string;
  /** As the report spells it (Pending, Shipped, Cancelled, "Shipped - Delivered to Buyer", ...). */
  readonly orderStatus: string;
  /** As the report spells it (Amazon/Merchant, or AFN/MFN). */
  readonly fulfillmentChannel: string;
  readonly fulfilledBy?: 'AMAZON' | 'MERCHANT';
  readonly salesChannel?: string;
  readonly orderChannel?: string;
  readonly shipServiceLevel?: string;
  readonly productName?: string;
  readonly sku?: string;
  readonly asin?: string;
  readonly itemStatus?: string;
  readonly quantity: number;
  readonly currency?: string;
  /** Line amounts (for the whole quantity), in the row's currency. */
  readonly itemPrice?: Money;
  readonly itemTax?: Money;
  readonly shippingPrice?: Money;
  readonly shippingTax?: Money;
  readonly giftWrapPrice?: Money;
  readonly giftWrapTax?: Money;
  readonly itemPromotionDiscount?: Money;
  readonly shipPromotionDiscount?: Money;
  readonly shipCity?: string;
  readonly shipState?: string;
  readonly shipPostalCode?: string;
  readonly shipCountry?: string;
  readonly promotionIds?: readonly string[];
  readonly isBusinessOrder?: boolean;
  readonly purchaseOrderNumber?: string;
  readonly priceDesignation?: string;
  /** Only when the file has an is-prime column. */
  readonly isPrime?: boolean;
  readonly customizedUrl?: string;
  readonly isBuyerRequestedCancellation?: boolean;
  readonly buyerRequestedCancelReason?: string;
  /** Cells of columns this parser does not know, by header name. */
  readonly extra: Readonly<Record<string, string>>;
}

export interface RejectedReportLine {
  readonly line: number;
  readonly raw: string;
  readonly reason: string;
}

export interface OrderReportParseResult {
  readonly rows: OrderReportRow[];
  readonly rejected: RejectedReportLine[];
  readonly header: string[];
}

const KNOWN_COLUMNS = new Set<string>([
  ...ORDER_REPORT_REQUIRED_COLUMNS,
  'merchant-order-id',
  'order-channel',
  'ship-service-level',
  'product-name',
  'item-status',
  'item-tax',
  'shipping-price',
  'shipping-tax',
  'gift-wrap-price',
  'gift-wrap-tax',
  'item-promotion-discount',
  'ship-promotion-discount',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'promotion-ids',
  'is-business-order',
  'purchase-order-number',
  'price-designation',
  'is-prime',
  'customized-url',
  ...Object.values(COLUMN_ALIASES).flat(),
]);

/** Splits one line on tabs; a cell that starts with a quote may hold tabs and "" escapes. */
export function splitTabbedLine(line: string): string[] {
  const cells: string[] = [];
  let index = 0;
  for (;;) {
    if (line[index] === '"') {
      const quoted = readQuotedCell(line, index);
      if (quoted) {
        cells.push(quoted.value);
        index = quoted.end;
        if (index >= line.length) return cells;
        index += 1; // the tab
        continue;
      }
    }
    const tab = line.indexOf('\t', index);
    if (tab === -1) {
      cells.push(line.slice(index));
      return cells;
    }
    cells.push(line.slice(index, tab));
    index = tab + 1;
  }
}

/** A properly closed quoted cell (closing quote then tab or end of line), or undefined to read it raw. */
function readQuotedCell(line: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let index = start + 1;
  while (index < line.length) {
    const char = line[index];
    if (char === '"') {
      if (line[index + 1] === '"') {
        value += '"';
        index += 2;
        continue;
      }
      const next = index + 1;
      return next >= line.length || line[next] === '\t' ? { value, end: next } : undefined;
    }
    value += char;
    index += 1;
  }
  return undefined;
}

const text = z.string().transform((cell) => cell.trim());
const optionalText = text.transform((cell) => (cell === '' ? undefined : cell));

const dateCell = text.pipe(
  z
    .string()
    .min(1, 'is empty')
    .refine((cell) => !Number.isNaN(Date.parse(cell)), 'is not a date')
    .transform((cell) => new Date(cell).toISOString()),
);

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  '1': true,
  '0': false,
};

const booleanCell = optionalText.transform((cell, ctx) => {
  if (cell === undefined) return undefined;
  const value = BOOLEAN_WORDS[cell.toLowerCase()];
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${cell}" is not true/false` });
    return z.NEVER;
  }
  return value;
});

const quantityCell = text.pipe(
  z
    .string()
    .regex(/^\d+$/, 'is not a whole number')
    .transform((cell) => Number(cell)),
);

function fulfilledByOf(channel: string): 'AMAZON' | 'MERCHANT' | undefined {
  const key = channel.trim().toLowerCase();
  if (key === 'amazon' || key === 'afn') return 'AMAZON';
  if (key === 'merchant' || key === 'mfn' || key === 'seller') return 'MERCHANT';
  return undefined;
}

const rowCellsSchema = z.object({
  'amazon-order-id': text.pipe(z.string().min(1, 'is empty')),
  'merchant-order-id': optionalText,
  'purchase-date': dateCell,
  'last-updated-date': dateCell,
  'order-status': text.pipe(z.string().min(1, 'is empty')),
  'fulfillment-channel': text,
  'sales-channel': optionalText,
  'order-channel': optionalText,
  'ship-service-level': optionalText,
  'product-name': optionalText,
  sku: optionalText,
  asin: optionalText,
  'item-status': optionalText,
  quantity: quantityCell,
  currency: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'is not a currency code')
      .optional(),
  ),
  'item-price': optionalText,
  'item-tax': optionalText,
  'shipping-price': optionalText,
  'shipping-tax': optionalText,
  'gift-wrap-price': optionalText,
  'gift-wrap-tax': optionalText,
  'item-promotion-discount': optionalText,
  'ship-promotion-discount': optionalText,
  'ship-city': optionalText,
  'ship-state': optionalText,
  'ship-postal-code': optionalText,
  'ship-country': optionalText,
  'promotion-ids': optionalText,
  'is-business-order': booleanCell,
  'purchase-order-number': optionalText,
  'price-designation': optionalText,
  'is-prime': booleanCell,
  'customized-url': optionalText,
  'is-buyer-requested-cancellation': booleanCell,
  'buyer-requested-cancel-reason': optionalText,
});

const ROW_COLUMNS = Object.keys(rowCellsSchema.shape);

const MONEY_COLUMNS = [
  ['item-price', 'itemPrice'],
  ['item-tax', 'itemTax'],
  ['shipping-price', 'shippingPrice'],
  ['shipping-tax', 'shippingTax'],
  ['gift-wrap-price', 'giftWrapPrice'],
  ['gift-wrap-tax', 'giftWrapTax'],
  ['item-promotion-discount', 'itemPromotionDiscount'],
  ['ship-promotion-discount', 'shipPromotionDiscount'],
] as const;

class RowError extends Error {}

function rowFromCells(
  line: number,
  cells: Record<string, string>,
  extra: Record<string, string>,
): OrderReportRow {
  const parsed = rowCellsSchema.safeParse(cells);
  if (!parsed.success) {
    throw new RowError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'} ${issue.message}`).join('; '),
    );
  }
  const c = parsed.data;
  const money: Partial<Record<(typeof MONEY_COLUMNS)[number][1], Money>> = {};
  for (const [column, field] of MONEY_COLUMNS) {
    const amount = c[column];
    if (amount === undefined) continue;
    if (!c.currency) {
      // Pending orders are not priced yet: a zero without a currency is "not known", not a bad row.
      if (/^[-+]?0*(\.0*)?$/.test(amount)) continue;
      throw new RowError(`${column} "${amount}" has no currency`);
    }
    try {
      money[field] = parseMoney(amount, c.currency);
    } catch (error) {
      if (error instanceof MoneyParseError) throw new RowError(`${column} ${error.message}`);
      throw error;
    }
  }
  const fulfilledBy = fulfilledByOf(c['fulfillment-channel']);
  return {
    line,
    amazonOrderId: c['amazon-order-id'],
    merchantOrderId: c['merchant-order-id'],
    purchaseDate: c['purchase-date'],
    lastUpdatedDate: c['last-updated-date'],
    orderStatus: c['order-status'],
    fulfillmentChannel: c['fulfillment-channel'],
    fulfilledBy,
    salesChannel: c['sales-channel'],
    orderChannel: c['order-channel'],
    shipServiceLevel: c['ship-service-level'],
    productName: c['product-name'],
    sku: c.sku,
    asin: c.asin,
    itemStatus: c['item-status'],
    quantity: c.quantity,
    currency: c.currency,
    ...money,
    shipCity: c['ship-city'],
    shipState: c['ship-state'],
    shipPostalCode: c['ship-postal-code'],
    shipCountry: c['ship-country'],
    promotionIds: c['promotion-ids']
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    isBusinessOrder: c['is-business-order'],
    purchaseOrderNumber: c['purchase-order-number'],
    priceDesignation: c['price-designation'],
    isPrime: c['is-prime'],
    customizedUrl: c['customized-url'],
    isBuyerRequestedCancellation: c['is-buyer-requested-cancellation'],
    buyerRequestedCancelReason: c['buyer-requested-cancel-reason'],
    extra,
  };
}

/** Parses an order report file; throws OrderReportFormatError only when the file as a whole is unusable. */
export function parseOrderReport(content: string): OrderReportParseResult {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex === -1)
    throw new OrderReportFormatError('The order report is empty: it has no header line.');
  const header = splitTabbedLine(lines[headerIndex] ?? '').map((name) => name.trim().toLowerCase());

  // Canonical column name → position, accepting the alias spellings.
  const positions = new Map<string, number>();
  header.forEach((name, position) => {
    const canonical =
      Object.entries(COLUMN_ALIASES).find(([, spellings]) => spellings.includes(name))?.[0] ?? name;
    if (!positions.has(canonical)) positions.set(canonical, position);
  });
  const missing = ORDER_REPORT_REQUIRED_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length) {
    throw new OrderReportFormatError(
      `The order report lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` +
        ` (header has: ${header.join(', ') || 'nothing'}).`,
      missing,
    );
  }

  const rows: OrderReportRow[] = [];
  const rejected: RejectedReportLine[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const line = index + 1;
    const values = splitTabbedLine(raw);
    const surplus = values.slice(header.length).filter((cell) => cell.trim() !== '');
    if (surplus.length) {
      rejected.push({ line, raw, reason: `has ${values.length} cells but the header has ${header.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    for (const column of ROW_COLUMNS) {
      const position = positions.get(column);
      cells[column] = position === undefined ? '' : (values[position] ?? '');
    }
    const extra: Record<string, string> = {};
    header.forEach((name, position) => {
      if (!KNOWN_COLUMNS.has(name) && name !== '') extra[name] = values[position] ?? '';
    });
    try {
      rows.push(rowFromCells(line, cells, extra));
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rejected.push({ line, raw, reason: error.message });
    }
  }
  return { rows, rejected, header };
}
