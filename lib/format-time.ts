// Pure, so bundles that only format dates (the Seller Central content script) leave it out.
const relative = /* @__PURE__ */ new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

const STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago", "in 25 minutes", "now". */
export function formatRelativeTime(iso: string, now: Date): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let value = (time - now.getTime()) / 1000;
  if (Math.abs(value) < 45) return value < 0 ? 'just now' : 'in a moment';
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
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
