import { formatRelativeTime } from '../../../lib/format-time';

const NOW = new Date('2026-11-26T12:00:00Z');
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000).toISOString();

describe('formatRelativeTime of a past event (a sync that happened)', () => {
  it('says "just now" for no difference at all', () => {
    expect(formatRelativeTime(at(0), NOW, 'past')).toBe('just now');
  });

  it('says "just now" a few seconds later', () => {
    expect(formatRelativeTime(at(-2), NOW, 'past')).toBe('just now');
    expect(formatRelativeTime(at(-59), NOW, 'past')).toBe('just now');
  });

  it('says "just now", never "in a moment", when the view’s clock lags the event', () => {
    // The views tick every 30 s, so a sync that ended since the last tick lies "ahead" of it.
    expect(formatRelativeTime(at(2), NOW, 'past')).toBe('just now');
    expect(formatRelativeTime(at(30), NOW, 'past')).toBe('just now');
  });

  it('counts whole minutes, hours and days, never "60 minutes"', () => {
    expect(formatRelativeTime(at(-60), NOW, 'past')).toBe('1 minute ago');
    expect(formatRelativeTime(at(-5 * 60 - 40), NOW, 'past')).toBe('5 minutes ago');
    expect(formatRelativeTime(at(-59 * 60 - 59), NOW, 'past')).toBe('59 minutes ago');
    expect(formatRelativeTime(at(-3 * 3600), NOW, 'past')).toBe('3 hours ago');
    expect(formatRelativeTime(at(-2 * 86400), NOW, 'past')).toBe('2 days ago');
  });
});

describe('formatRelativeTime of a future event (the next sync)', () => {
  it('says "in a moment" within the minute', () => {
    expect(formatRelativeTime(at(30), NOW, 'future')).toBe('in a moment');
  });

  it('counts minutes and hours ahead', () => {
    expect(formatRelativeTime(at(25 * 60), NOW, 'future')).toBe('in 25 minutes');
    expect(formatRelativeTime(at(2 * 3600), NOW, 'future')).toBe('in 2 hours');
  });

  it('says "due now" when the time has come, not "5 minutes ago"', () => {
    expect(formatRelativeTime(at(0), NOW, 'future')).toBe('due now');
    expect(formatRelativeTime(at(-5 * 60), NOW, 'future')).toBe('due now');
  });
});

describe('formatRelativeTime of text that is not a time', () => {
  it('gives the text back', () => {
    expect(formatRelativeTime('soon', NOW, 'past')).toBe('soon');
  });
});
