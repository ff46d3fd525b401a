// Pure, so bundles that only format dates (the Seller Central content script) leave it out.
const relative = /* @__PURE__ */ new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** Each unit with how many of it make the next; whole units only, so never "60 minutes ago". */
const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/**
 * How far `iso` lies from `now` in words. A past event (a sync that ran) reads "just now" within
 * the minute, also when the view's clock lags it; only a future event (the next sync) reads
 * "in 25 minutes", and "due now" once its time has come.
 */
export function formatRelativeTime(iso: string, now: Date, event: 'past' | 'future'): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = (time - now.getTime()) / 1000;
  if (event === 'past' ? seconds > -60 : seconds <= 0) return event === 'past' ? 'just now' : 'due now';
  if (seconds < 60 && event === 'future') return 'in a moment';
  const sign = event === 'past' ? -1 : 1;
  let value = Math.abs(seconds) / 60;
  for (const [unit, size] of STEPS) {
    if (value < size) return relative.format(sign * Math.floor(value), unit);
    value /= size;
  }
  return iso;
}

// Making an Intl.DateTimeFormat costs far more than using one, and every list row formats a date.
const dateTimeFormats = /* @__PURE__ */ new Map<string | undefined, Intl.DateTimeFormat>();

/** Date and time in the seller's locale; the raw text when it is not a date. */
export function formatDateTime(iso: string, locale?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(time);
}
