import {
  EMPTY_REMINDER_LEDGER,
  LEDGER_KEEP_CLOSED_MS,
  orderIdOfNotification,
  remindersDue,
  requestNeedsAnswer,
  type OpenRequest,
  type ReminderLedger,
  type ReminderToggles,
} from '../../../lib/domain/request-reminders';

const HOUR = 60 * 60 * 1000;
const T0 = Date.parse('2026-12-01T10:00:00Z');
const ALL_ON: ReminderToggles = {
  remindAt24Hours: true,
  remindAt6Hours: true,
  remindAt1Hour: true,
  muteBuyerRequestNotifications: false,
};
const request = (leftHours: number, extra: Partial<OpenRequest> = {}): OpenRequest => ({
  orderId: '111-0000001-0000001',
  reason: 'No longer needed',
  deadline: T0 + leftHours * HOUR,
  ...extra,
});

/** Runs the reminders at each time in turn, carrying the ledger like the job's storage does. */
function runAt(times: number[], requests: OpenRequest[], toggles = ALL_ON, start = EMPTY_REMINDER_LEDGER) {
  let ledger: ReminderLedger = start;
  const kinds: string[][] = [];
  for (const now of times) {
    const due = remindersDue({ requests, now, toggles, ledger });
    ledger = due.ledger;
    kinds.push(due.notifications.map((n) => n.kind));
  }
  return { kinds, ledger };
}

describe('remindersDue', () => {
  it('notifies a new request once, with its reason and time left, and not again on the next run', () => {
    const first = remindersDue({
      requests: [request(46)],
      now: T0,
      toggles: ALL_ON,
      ledger: EMPTY_REMINDER_LEDGER,
    });
    expect(first.notifications).toEqual([
      expect.objectContaining({
        kind: 'new',
        id: 'buyer-request:111-0000001-0000001:new',
        message: 'Buyer asked to cancel 111-0000001-0000001: No longer needed — 46 h left',
      }),
    ]);
    // The ledger as storage gives it back (a restart) stops a repeat.
    const stored = JSON.parse(JSON.stringify(first.ledger)) as ReminderLedger;
    const second = remindersDue({
      requests: [request(46)],
      now: T0 + 5 * 60_000,
      toggles: ALL_ON,
      ledger: stored,
    });
    expect(second.notifications).toEqual([]);
  });

  it('reminds at 24 h, 6 h and 1 h left, each once', () => {
    const times = [0, 22.5, 23, 40.5, 41, 45.5, 46].map((h) => T0 + h * HOUR);
    expect(runAt(times, [request(47)]).kinds).toEqual([['new'], [], ['24h'], [], ['6h'], [], ['1h']]);
  });

  it('after a long sleep sends only the latest threshold crossed, not the older ones', () => {
    const { kinds } = runAt([T0, T0 + 46 * HOUR, T0 + 46.5 * HOUR], [request(47)]);
    expect(kinds).toEqual([['new'], ['1h'], []]);
  });

  it('a request first seen with 5 h left gets its "new" and no 6 h reminder after it', () => {
    const { kinds } = runAt([T0, T0 + 0.5 * HOUR, T0 + 4.5 * HOUR], [request(5)]);
    expect(kinds).toEqual([['new'], [], ['1h']]);
  });

  it('skips a threshold turned off in Settings', () => {
    const toggles = { ...ALL_ON, remindAt6Hours: false };
    const times = [0, 23, 41, 46].map((h) => T0 + h * HOUR);
    expect(runAt(times, [request(47)], toggles).kinds).toEqual([['new'], ['24h'], [], ['1h']]);
  });

  it('shows nothing while muted, and unmuting does not replay what was crossed meanwhile', () => {
    const muted = { ...ALL_ON, muteBuyerRequestNotifications: true };
    const whileMuted = runAt([T0, T0 + 23 * HOUR], [request(47)], muted);
    expect(whileMuted.kinds).toEqual([[], []]);
    const after = runAt([T0 + 24 * HOUR, T0 + 41 * HOUR], [request(47)], ALL_ON, whileMuted.ledger);
    expect(after.kinds).toEqual([[], ['6h']]);
  });

  it('past the deadline sends only a never-sent "new", saying the window has passed', () => {
    const late = remindersDue({
      requests: [request(-2)],
      now: T0,
      toggles: ALL_ON,
      ledger: EMPTY_REMINDER_LEDGER,
    });
    expect(late.notifications.map((n) => n.kind)).toEqual(['new']);
    expect(late.notifications[0]?.message).toContain('past the response window');
    // Known before the deadline: no reminder once it has passed.
    expect(runAt([T0, T0 + 48 * HOUR], [request(47)]).kinds).toEqual([['new'], []]);
  });

  it('keeps a buyer reason with markup as plain text, folded to one short line', () => {
    const reason = '<img src=x onerror=alert(1)>\n\n' + 'x'.repeat(200);
    const [n] = remindersDue({
      requests: [request(30, { reason })],
      now: T0,
      toggles: ALL_ON,
      ledger: EMPTY_REMINDER_LEDGER,
    }).notifications;
    expect(n?.message).toContain('<img src=x onerror=alert(1)> xxx');
    expect(n?.message).toMatch(/…\s—\s30 h left$/);
    expect(n?.message).not.toContain('\n');
  });

  it('drops bidirectional controls from a reason, so it cannot reverse the order id or the time left', () => {
    const reason = 'ok\u202Etfel h 0\u2066x\u2069\u200F';
    const [n] = remindersDue({
      requests: [request(30, { reason })],
      now: T0,
      toggles: ALL_ON,
      ledger: EMPTY_REMINDER_LEDGER,
    }).notifications;
    expect(n?.message).toBe('Buyer asked to cancel 111-0000001-0000001: ok tfel h 0 x — 30 h left');
  });

  it('does not notify "new" again when a request needs an answer again 10 days later (a Decline undone)', () => {
    const { ledger } = runAt([T0], [request(40)]);
    const later = T0 + 10 * 24 * 3_600_000;
    const answered = remindersDue({ requests: [], now: later - 1, toggles: ALL_ON, ledger });
    const again = remindersDue({
      requests: [request(40)],
      now: later,
      toggles: ALL_ON,
      ledger: answered.ledger,
    });
    expect(again.notifications.map((n) => n.kind)).not.toContain('new');
  });

  it('drops a closed request from the ledger after 30 days, and keeps it before', () => {
    const { ledger } = runAt([T0], [request(40)]);
    const kept = remindersDue({ requests: [], now: T0 + LEDGER_KEEP_CLOSED_MS, toggles: ALL_ON, ledger });
    expect(Object.keys(kept.ledger.orders)).toEqual(['111-0000001-0000001']);
    const dropped = remindersDue({
      requests: [],
      now: T0 + LEDGER_KEEP_CLOSED_MS + 1,
      toggles: ALL_ON,
      ledger,
    });
    expect(dropped.ledger.orders).toEqual({});
  });

  it('reads the order back from a notification id, and nothing from a foreign one', () => {
    expect(orderIdOfNotification('buyer-request:111-0000001-0000001:6h')).toBe('111-0000001-0000001');
    expect(orderIdOfNotification('buyer-request:111:later')).toBeUndefined();
    expect(orderIdOfNotification('other')).toBeUndefined();
  });
});

describe('requestNeedsAnswer', () => {
  const open = { firstSeenAt: '2026-12-01T08:00:00.000Z' };
  const cancel = (status: string, wholeOrder = true, createdAt = '2026-12-01T09:00:00.000Z') => ({
    status,
    wholeOrder,
    createdAt,
  });
  it('waits for the seller while nothing answers it', () => {
    expect(requestNeedsAnswer(open, [])).toBe(true);
  });
  it('is answered by a decline', () => {
    expect(
      requestNeedsAnswer({ ...open, declined: { at: '2026-12-01T09:00:00.000Z', memo: 'Shipping' } }, []),
    ).toBe(false);
  });
  it.each(['pending', 'needs-review', 'done'])(
    'is answered by a %s cancel (an Accept in flight or done)',
    (status) => {
      expect(requestNeedsAnswer(open, [cancel('failed'), cancel(status)])).toBe(false);
    },
  );
  it('counts again when the only cancel failed', () => {
    expect(requestNeedsAnswer(open, [cancel('failed')])).toBe(true);
  });
  it('is not answered by a line cancel done before the buyer asked; one done after answers it', () => {
    expect(requestNeedsAnswer(open, [cancel('done', false, '2026-11-30T09:00:00.000Z')])).toBe(true);
    expect(requestNeedsAnswer(open, [cancel('done', false, '2026-12-01T09:00:00.000Z')])).toBe(false);
  });
});
