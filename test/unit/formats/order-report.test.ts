import { OrderReportFormatError, parseOrderReport, splitTabbedLine } from '../../../lib/formats/order-report';

const HEADER = [
  'amazon-order-id',
  'merchant-order-id',
  'purchase-date',
  'last-updated-date',
  'order-status',
  'fulfillment-channel',
  'sales-channel',
  'order-channel',
  'ship-service-level',
  'product-name',
  'sku',
  'asin',
  'item-status',
  'quantity',
  'currency',
  'item-price',
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
];

type Row = Record<string, string>;
const baseRow: Row = {
  'amazon-order-id': '113-1111111-1111111',
  'merchant-order-id': '',
  'purchase-date': '2026-11-20T10:00:00+00:00',
  'last-updated-date': '2026-11-20T12:00:00+00:00',
  'order-status': 'Unshipped',
  'fulfillment-channel': 'Merchant',
  'sales-channel': 'Amazon.com',
  'order-channel': '',
  'ship-service-level': 'SecondDay',
  'product-name': 'Blue Mug',
  sku: 'MUG-BLUE',
  asin: 'B000TEST01',
  'item-status': 'Unshipped',
  quantity: '2',
  currency: 'USD',
  'item-price': '49.98',
  'item-tax': '4.00',
  'shipping-price': '5.00',
  'shipping-tax': '',
  'gift-wrap-price': '',
  'gift-wrap-tax': '',
  'item-promotion-discount': '-1.00',
  'ship-promotion-discount': '',
  'ship-city': 'SEATTLE',
  'ship-state': 'WA',
  'ship-postal-code': '98101',
  'ship-country': 'US',
  'promotion-ids': 'PROMO1, PROMO2',
  'is-business-order': 'false',
  'purchase-order-number': '',
  'price-designation': '',
};

function file(header: string[], rows: Row[], eol = '\n'): string {
  return (
    [header.join('\t'), ...rows.map((row) => header.map((h) => row[h] ?? '').join('\t'))].join(eol) + eol
  );
}

describe('order report parser', () => {
  it('parses rows by header name into typed fields', () => {
    const { rows, rejected, header } = parseOrderReport(file(HEADER, [baseRow]));
    expect(rejected).toEqual([]);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      line: 2,
      amazonOrderId: '113-1111111-1111111',
      purchaseDate: '2026-11-20T10:00:00.000Z',
      orderStatus: 'Unshipped',
      fulfilledBy: 'MERCHANT',
      salesChannel: 'Amazon.com',
      shipServiceLevel: 'SecondDay',
      quantity: 2,
      itemPrice: { amountMinor: 4998, currency: 'USD' },
      itemTax: { amountMinor: 400, currency: 'USD' },
      itemPromotionDiscount: { amountMinor: -100, currency: 'USD' },
      promotionIds: ['PROMO1', 'PROMO2'],
      isBusinessOrder: false,
    });
    expect(rows[0]?.shippingTax).toBeUndefined();
    expect(rows[0]?.isPrime).toBeUndefined();
    expect(rows[0]?.merchantOrderId).toBeUndefined();
  });

  it('does not depend on column order and keeps unknown columns in extra', () => {
    const shuffled = [...HEADER].reverse();
    shuffled.splice(3, 0, 'number-of-items', 'tax-collection-model');
    const row = { ...baseRow, 'number-of-items': '2', 'tax-collection-model': 'MarketplaceFacilitator' };
    const { rows, rejected } = parseOrderReport(file(shuffled, [row]));
    expect(rejected).toEqual([]);
    expect(rows[0]?.sku).toBe('MUG-BLUE');
    expect(rows[0]?.itemPrice?.amountMinor).toBe(4998);
    expect(rows[0]?.extra).toEqual({
      'number-of-items': '2',
      'tax-collection-model': 'MarketplaceFacilitator',
    });
  });

  it('tolerates a BOM, CRLF line ends, blank lines and upper-case TRUE', () => {
    const content =
      '\uFEFF' + file(HEADER, [{ ...baseRow, 'is-business-order': 'TRUE' }], '\r\n') + '\r\n\r\n';
    const { rows, rejected } = parseOrderReport(content);
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.isBusinessOrder).toBe(true);
    expect(rows[0]?.priceDesignation).toBeUndefined();
  });

  it('reads quoted cells, including tabs and doubled quotes inside them', () => {
    expect(splitTabbedLine('a\t"b\tc"\t"say ""hi"""\td')).toEqual(['a', 'b\tc', 'say "hi"', 'd']);
    // A quote that does not close a cell is plain text (12" ruler).
    expect(splitTabbedLine('"12" ruler\tx')).toEqual(['"12" ruler', 'x']);
    const { rows } = parseOrderReport(file(HEADER, [{ ...baseRow, 'product-name': '"Mug, ""blue"""' }]));
    expect(rows[0]?.productName).toBe('Mug, "blue"');
  });

  it('rejects bad rows with their line numbers and keeps the rest', () => {
    const content = file(HEADER, [
      baseRow,
      { ...baseRow, 'amazon-order-id': '113-2', quantity: 'two' },
      { ...baseRow, 'amazon-order-id': '113-3', 'purchase-date': 'yesterday' },
      { ...baseRow, 'amazon-order-id': '113-4', 'item-price': '1.999' },
      { ...baseRow, 'amazon-order-id': '113-5', 'is-business-order': 'maybe' },
      { ...baseRow, 'amazon-order-id': '' },
      { ...baseRow, 'amazon-order-id': '113-7' },
    ]);
    const { rows, rejected } = parseOrderReport(content);
    expect(rows.map((r) => [r.line, r.amazonOrderId])).toEqual([
      [2, '113-1111111-1111111'],
      [8, '113-7'],
    ]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7]);
    expect(rejected[0]?.reason).toMatch(/quantity is not a whole number/);
    expect(rejected[1]?.reason).toMatch(/purchase-date is not a date/);
    expect(rejected[2]?.reason).toMatch(/item-price .*decimals/);
    expect(rejected[3]?.reason).toMatch(/is-business-order "maybe" is not true\/false/);
    expect(rejected[4]?.reason).toMatch(/amazon-order-id is empty/);
    expect(rejected[0]?.raw).toContain('113-2');
  });

  it('accepts empty prices on pending rows, and a JPY amount without decimals', () => {
    const { rows, rejected } = parseOrderReport(
      file(HEADER, [
        {
          ...baseRow,
          'order-status': 'Pending',
          currency: '',
          'item-price': '',
          'item-tax': '',
          'shipping-price': '',
          'item-promotion-discount': '',
        },
        {
          ...baseRow,
          'amazon-order-id': '250-1',
          currency: 'JPY',
          'item-price': '5980',
          'item-tax': '',
          'shipping-price': '',
          'item-promotion-discount': '',
        },
      ]),
    );
    expect(rejected).toEqual([]);
    expect(rows[0]?.itemPrice).toBeUndefined();
    expect(rows[1]?.itemPrice).toEqual({ amountMinor: 5980, currency: 'JPY' });
  });

  it('rejects a row whose price has no currency', () => {
    const { rejected } = parseOrderReport(file(HEADER, [{ ...baseRow, currency: '' }]));
    expect(rejected[0]?.reason).toMatch(/no currency/);
  });

  it('reads the optional prime, custom and buyer-cancel columns in either spelling', () => {
    const header = [
      ...HEADER,
      'is-prime',
      'customized-url',
      'is-buyer-requested-cancelation',
      'buyer-requested-cancel-reason',
    ];
    const { rows } = parseOrderReport(
      file(header, [
        {
          ...baseRow,
          'is-prime': 'true',
          'customized-url': 'https://zme-caps.amazon.com/t/abc/1.zip',
          'is-buyer-requested-cancelation': 'true',
          'buyer-requested-cancel-reason': 'Ordered by mistake',
        },
      ]),
    );
    expect(rows[0]).toMatchObject({
      isPrime: true,
      customizedUrl: 'https://zme-caps.amazon.com/t/abc/1.zip',
      isBuyerRequestedCancellation: true,
      buyerRequestedCancelReason: 'Ordered by mistake',
      extra: {},
    });
  });

  it('rejects a row with more cells than the header', () => {
    const content = file(HEADER, [baseRow]).slice(0, -1) + '\tsurplus\n';
    const { rows, rejected } = parseOrderReport(content);
    expect(rows).toHaveLength(0);
    expect(rejected[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/cells/) });
  });

  it('rejects the whole file when a required column is missing', () => {
    const header = HEADER.filter((h) => h !== 'order-status' && h !== 'sku');
    expect(() => parseOrderReport(file(header, [baseRow]))).toThrow(OrderReportFormatError);
    try {
      parseOrderReport(file(header, [baseRow]));
    } catch (error) {
      expect((error as OrderReportFormatError).missingColumns).toEqual(['order-status', 'sku']);
      expect((error as Error).message).toMatch(/lacks required columns order-status, sku/);
    }
    expect(() => parseOrderReport('')).toThrow(/empty/);
  });
});

describe('order report rows of pending orders', () => {
  it('reads zero or empty amounts without a currency as not known yet, not as a bad row', () => {
    const pending = {
      ...baseRow,
      'order-status': 'Pending',
      currency: '',
      'item-price': '0.00',
      'item-tax': '0',
      'shipping-price': '',
      'item-promotion-discount': '',
    };
    const { rows, rejected } = parseOrderReport(file(HEADER, [pending]));
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.currency).toBeUndefined();
    expect(rows[0]?.itemPrice).toBeUndefined();
    expect(rows[0]?.itemTax).toBeUndefined();
  });

  it('still rejects a real amount that has no currency', () => {
    const { rows, rejected } = parseOrderReport(file(HEADER, [{ ...baseRow, currency: '' }]));
    expect(rows).toEqual([]);
    expect(rejected[0]?.reason).toMatch(/item-price "49.98" has no currency/);
  });
});
