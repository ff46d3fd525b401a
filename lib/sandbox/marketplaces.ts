/** The sandbox seller's marketplaces (IDs from Amazon's marketplace-ids page) and local address data. */
export interface SandboxMarketplace {
  readonly id: string;
  readonly code: 'US' | 'CA' | 'UK' | 'DE';
  readonly countryCode: string;
  readonly currency: string;
  /** Digits after the decimal point of the currency (ISO 4217). */
  readonly currencyDigits: number;
  readonly name: string;
  /** Multiplies the US list price into this marketplace's currency. */
  readonly priceFactor: number;
  /** Sales tax / VAT rate applied to item prices (VAT markets: price already includes it). */
  readonly taxRate: number;
  readonly orderIdPrefixes: readonly string[];
  readonly cities: readonly { city: string; state: string; postalCode: string }[];
  readonly carriers: readonly { carrier: string; service: string }[];
}

export const SANDBOX_MARKETPLACES: readonly SandboxMarketplace[] = [
  {
    id: 'ATVPDKIKX0DER',
    code: 'US',
    countryCode: 'US',
    currency: 'USD',
    currencyDigits: 2,
    name: 'Amazon.com',
    priceFactor: 1,
    taxRate: 0.08,
    orderIdPrefixes: ['111', '112', '113', '114'],
    cities: [
      { city: 'Seattle', state: 'WA', postalCode: '98101' },
      { city: 'Austin', state: 'TX', postalCode: '78701' },
      { city: 'Brooklyn', state: 'NY', postalCode: '11201' },
      { city: 'Denver', state: 'CO', postalCode: '80202' },
      { city: 'Columbus', state: 'OH', postalCode: '43215' },
      { city: 'San Diego', state: 'CA', postalCode: '92101' },
    ],
    carriers: [
      { carrier: 'UPS', service: 'UPS Ground' },
      { carrier: 'USPS', service: 'USPS Priority Mail' },
      { carrier: 'FedEx', service: 'FedEx Home Delivery' },
    ],
  },
  {
    id: 'A2EUQ1WTGCTBG2',
    code: 'CA',
    countryCode: 'CA',
    currency: 'CAD',
    currencyDigits: 2,
    name: 'Amazon.ca',
    priceFactor: 1.35,
    taxRate: 0.13,
    orderIdPrefixes: ['701', '702'],
    cities: [
      { city: 'Toronto', state: 'ON', postalCode: 'M5V 2T6' },
      { city: 'Vancouver', state: 'BC', postalCode: 'V6B 1A1' },
      { city: 'Calgary', state: 'AB', postalCode: 'T2P 1J9' },
      { city: 'Montréal', state: 'QC', postalCode: 'H2Y 1C6' },
    ],
    carriers: [
      { carrier: 'Canada Post', service: 'Expedited Parcel' },
      { carrier: 'Purolator', service: 'Purolator Ground' },
    ],
  },
  {
    id: 'A1F83G8C2ARO7P',
    code: 'UK',
    countryCode: 'GB',
    currency: 'GBP',
    currencyDigits: 2,
    name: 'Amazon.co.uk',
    priceFactor: 0.8,
    taxRate: 0.2,
    orderIdPrefixes: ['202', '203', '204', '205', '206'],
    cities: [
      { city: 'London', state: 'Greater London', postalCode: 'EC1A 1BB' },
      { city: 'Manchester', state: 'Greater Manchester', postalCode: 'M1 1AE' },
      { city: 'Bristol', state: 'Bristol', postalCode: 'BS1 4DJ' },
      { city: 'Leeds', state: 'West Yorkshire', postalCode: 'LS1 4AP' },
    ],
    carriers: [
      { carrier: 'Royal Mail', service: 'Tracked 48' },
      { carrier: 'DPD', service: 'DPD Next Day' },
    ],
  },
  {
    id: 'A1PA6795UKMFR9',
    code: 'DE',
    countryCode: 'DE',
    currency: 'EUR',
    currencyDigits: 2,
    name: 'Amazon.de',
    priceFactor: 0.92,
    taxRate: 0.19,
    orderIdPrefixes: ['302', '303', '304', '305', '306'],
    cities: [
      { city: 'Berlin', state: 'Berlin', postalCode: '10115' },
      { city: 'München', state: 'Bayern', postalCode: '80331' },
      { city: 'Hamburg', state: 'Hamburg', postalCode: '20095' },
      { city: 'Köln', state: 'Nordrhein-Westfalen', postalCode: '50667' },
    ],
    carriers: [
      { carrier: 'DHL', service: 'DHL Paket' },
      { carrier: 'Hermes', service: 'Hermes Paket' },
    ],
  },
];

export function marketplaceById(id: string): SandboxMarketplace | undefined {
  return SANDBOX_MARKETPLACES.find((m) => m.id === id);
}

/** Integer minor units → decimal string with the currency's digits ("1999" → "19.99"). */
export function minorToDecimal(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = Math.abs(Math.round(minor));
  if (digits === 0) return (negative ? '-' : '') + String(abs);
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
