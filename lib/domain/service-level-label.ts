import { isSecondDay } from './order-sub-type';

/**
 * Amazon's shipping service levels in the words Seller Central uses. The Orders API sends codes
 * (STANDARD, SECOND_DAY) and order reports send names ("Standard", "SecondDay"); both read the same.
 */
const LABELS: Readonly<Record<string, string>> = {
  standard: 'Standard',
  expedited: 'Expedited',
  priority: 'Priority',
  scheduled: 'Scheduled',
  sameday: 'Same day',
  nextday: 'Next day',
  freeeconomy: 'Free economy',
  economy: 'Economy',
};

function key(level: string): string {
  return level.replace(/[\s_-]/g, '').toLowerCase();
}

/** A plain label for a service level; an unknown code is shown in sentence case, never shouted. */
export function serviceLevelLabel(level: string): string {
  if (isSecondDay(level)) return 'Second day';
  const known = LABELS[key(level)];
  if (known) return known;
  const words = level.trim().replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
