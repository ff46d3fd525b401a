/** Money is an integer count of the currency's minor unit plus its ISO 4217 code; never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'CLP', 'VND', 'ISK', 'HUF', 'TWD']);
const THREE_DECIMAL = new Set(['BHD', 'KWD', 'OMR', 'JOD', 'TND']);

export function minorDigits(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

export class MoneyParseError extends Error {
  override name = 'MoneyParseError';
}

/**
 * Parses a decimal string as Amazon sends it ("49.99", "-5", "1234.5") into minor units without
 * going through floating point. Rejects more fraction digits than the currency has.
 */
export function parseMoney(amount: string, currency: string): Money {
  const text = amount.trim();
  const match = /^([+-])?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyParseError(`"${amount}" is not a decimal amount`);
  const [, sign, whole, fraction = ''] = match;
  const digits = minorDigits(currency);
  const trimmedFraction = fraction.replace(/0+$/, '');
  if (trimmedFraction.length > digits) {
    throw new MoneyParseError(`"${amount}" has more than ${digits} decimals for ${currency}`);
  }
  const minor = Number(whole) * 10 ** digits + Number(trimmedFraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) throw new MoneyParseError(`"${amount}" is too large`);
  return { amountMinor: sign === '-' ? -minor : minor, currency };
}

/** The decimal string Amazon expects in feeds ("19.99"). */
export function toDecimalString(money: Money): string {
  const digits = minorDigits(money.currency);
  const abs = Math.abs(money.amountMinor);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = digits === 0 ? '' : '.' + String(abs % 10 ** digits).padStart(digits, '0');
  return `${money.amountMinor < 0 ? '-' : ''}${whole}${fraction}`;
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new MoneyParseError(`cannot add ${a.currency} and ${b.currency}`);
  }
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

/** Shows money for people, in the seller's locale, from minor units. */
export function formatMoney(money: Money, locale?: string): string {
  const digits = minorDigits(money.currency);
  const value = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    return `${toDecimalString(money)} ${money.currency}`;
  }
}

/** The sum of the amounts given (undefined ones skipped); undefined when none is given. */
export function sumMoney(values: readonly (Money | undefined)[]): Money | undefined {
  let total: Money | undefined;
  for (const value of values) if (value) total = total ? addMoney(total, value) : value;
  return total;
}
