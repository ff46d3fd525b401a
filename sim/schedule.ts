/**
 * A seed's schedule: everything that happens in one simulated run, decided up front. Events never
 * draw randomness while they execute (a `pick` chooses among what exists then), so removing events
 * from a schedule still replays deterministically; that is what lets a failure shrink to its shortest
 * trace.
 */
import { hashSeed, mulberry32, pick, pickWeighted, randomInt, type Random } from '../lib/sandbox/prng';

/** Transport faults, per request of one SP-API operation. */
export const TRANSPORT_FAULTS = [
  /** 429 QuotaExceeded without Retry-After (what Amazon's models declare). */
  'throttle',
  /** 429 with a Retry-After header. */
  'throttle-retry-after',
  /** 500 InternalFailure. */
  'server-error',
  /** 503 ServiceUnavailable. */
  'unavailable',
  /** The connection fails before the request reaches Amazon: nothing happens there. */
  'drop-before',
  /** Amazon acts, the answer is cut part-way: a browser does not resend. */
  'drop-after',
  /** Amazon acts, the connection closes unanswered, the browser sends the same POST again (Chromium). */
  'browser-resend',
  /** Amazon acts only after the client's timeout has aborted the request; the caller sees a timeout. */
  'slow',
] as const;
export type TransportFault = (typeof TRANSPORT_FAULTS)[number];

/** Operations a fault can hit, weighted toward the outbox's non-idempotent calls. */
const FAULT_TARGETS: readonly (readonly [string, number])[] = [
  ['createFeed', 30],
  ['createFeedDocument', 8],
  ['getFeeds', 10],
  ['getFeed', 10],
  ['getFeedDocument', 6],
  ['getOrder', 10],
  ['searchOrders', 12],
  ['createReport', 4],
  ['getReport', 4],
  ['getReportDocument', 3],
  ['patchListingsItem', 3],
];

/** Awaits a kill can aim at: the non-idempotent call, the reads that decide, and storage. */
export const KILL_TARGETS = [
  'createFeed',
  'getFeeds',
  'getFeed',
  'getOrder',
  'createReport',
  'searchOrders',
  'commit',
] as const;
export type KillTarget = (typeof KILL_TARGETS)[number];

/** Requests of the outbox that a world event can coincide with. */
export const WORLD_MOMENTS = ['createFeed', 'getFeed', 'getOrder'] as const;
export type WorldMoment = (typeof WORLD_MOMENTS)[number];

export type SimEvent =
  /** Time passes (the local clock and Amazon's together). */
  | { readonly kind: 'advance'; readonly ms: number }
  /** The sync alarm: a sync, then the outbox run that follows it. */
  | { readonly kind: 'sync' }
  /** Sync and outbox alarms fire together: both run at once in one worker. */
  | { readonly kind: 'alarms-together' }
  /** The outbox alarm or a message from a view. */
  | { readonly kind: 'outbox' }
  /**
   * The worker running the next run dies at its `atPoint`-th await: a request sent, an answer received
   * or a committed transaction; with `target`, the `atPoint`-th of those whose name holds it
   * ('createFeed': 1 = as it is sent, 2 = as its answer arrives).
   */
  | { readonly kind: 'kill'; readonly atPoint: number; readonly target?: KillTarget }
  /** The worker stops while idle (MV3's idle timeout): the next run starts from storage alone. */
  | { readonly kind: 'restart' }
  | { readonly kind: 'fault'; readonly operation: string; readonly fault: TransportFault }
  /** This machine's clock moves relative to Amazon's (NTP correction, sleep/wake). */
  | { readonly kind: 'clock-skew'; readonly offsetMs: number }
  /**
   * The world moving. With `during`, it happens just as the worker's next request of that operation
   * goes out (another tool's feed inside the adoption window, Amazon acting while a feed processes).
   */
  | { readonly kind: 'other-tool-feed'; readonly pick: number; readonly during?: WorldMoment }
  | { readonly kind: 'amazon-cancels'; readonly pick: number; readonly during?: WorldMoment }
  | { readonly kind: 'ship-elsewhere'; readonly pick: number; readonly during?: WorldMoment }
  | { readonly kind: 'buyer-request'; readonly pick: number }
  | { readonly kind: 'expire-pagination' }
  | { readonly kind: 'expire-token' }
  | { readonly kind: 'add-marketplace' }
  /** The seller cancels a stored order: every line, or some whole lines (bits of `lineMask`). */
  | {
      readonly kind: 'cancel';
      readonly pick: number;
      readonly lines: 'whole' | 'some';
      readonly lineMask: number;
      readonly zeroStock: boolean;
    }
  | { readonly kind: 'retry'; readonly pick: number }
  | { readonly kind: 'send-again'; readonly pick: number }
  /** The seller checks Seller Central and marks a reviewed cancellation done, when it is. */
  | { readonly kind: 'resolve-review'; readonly pick: number }
  | { readonly kind: 'switch-account' };

export interface SimSetup {
  readonly seed: number;
  /** Amazon's clock minus this machine's, at the start (ms, within ±10 minutes). */
  readonly clockOffsetMs: number;
  /** Two Amazon accounts in this run (the seller switches between them), or one. */
  readonly accounts: 1 | 2;
}

export interface SimSchedule {
  readonly setup: SimSetup;
  /** `n` is the event's place in the seed's full schedule, kept when a shrunk schedule drops others. */
  readonly events: readonly (SimEvent & { readonly n: number })[];
}

const MINUTE = 60_000;

/** The schedule a seed decides: setup and 30 to 60 events. */
export function scheduleFor(seed: number): SimSchedule {
  const random = mulberry32(hashSeed(seed, 0x5eed));
  const setup: SimSetup = {
    seed,
    clockOffsetMs: random() < 0.15 ? 0 : randomInt(random, -10 * MINUTE, 10 * MINUTE),
    accounts: random() < 0.2 ? 2 : 1,
  };
  // The first sync backfills; everything else happens on the orders it stored. Half the seeds meet
  // faults or a kill in that first sync too (the report path).
  const events: SimEvent[] = [];
  if (random() < 0.5) {
    for (let i = randomInt(random, 1, 3); i > 0; i--) {
      events.push(
        random() < 0.7
          ? {
              kind: 'fault',
              operation: pick(random, [
                'createReport',
                'getReport',
                'getReportDocument',
                'searchOrders',
              ] as const),
              fault: pick(random, TRANSPORT_FAULTS),
            }
          : { kind: 'kill', atPoint: randomInt(random, 1, 12) },
      );
    }
  }
  events.push({ kind: 'sync' });
  const count = randomInt(random, 30, 60);
  for (let i = 0; i < count; i++) {
    const event = nextEvent(random, setup);
    events.push(event);
    // The interleaving adoption exists for, made common: another tool's feed lands while our
    // createFeed is out, and our answer is lost (or our request never arrives).
    if (event.kind === 'other-tool-feed' && event.during === 'createFeed' && random() < 0.6) {
      events.push({
        kind: 'fault',
        operation: 'createFeed',
        fault: pick(random, ['drop-before', 'drop-after', 'slow'] as const),
      });
    }
  }
  return { setup, events: events.map((event, n) => ({ ...event, n })) };
}

function nextEvent(random: Random, setup: SimSetup): SimEvent {
  const kind = pickWeighted(random, [
    ['advance', 14],
    ['sync', 8],
    ['alarms-together', 3],
    ['outbox', 8],
    ['kill', 5],
    ['restart', 2],
    ['fault', 22],
    ['clock-skew', 1],
    ['other-tool-feed', 5],
    ['amazon-cancels', 3],
    ['ship-elsewhere', 3],
    ['buyer-request', 2],
    ['expire-pagination', 1],
    ['expire-token', 1],
    ['add-marketplace', 1],
    ['cancel', 12],
    ['retry', 3],
    ['send-again', 6],
    ['resolve-review', 4],
    ['switch-account', setup.accounts === 2 ? 3 : 0],
  ] as const);
  const anyPick = () => randomInt(random, 0, 1_000_000);
  switch (kind) {
    case 'advance':
      return {
        kind,
        ms: pickWeighted(random, [
          [randomInt(random, 1, 30) * 1000, 3],
          [randomInt(random, 1, 10) * MINUTE, 5],
          [randomInt(random, 10, 60) * MINUTE, 2],
        ] as const),
      };
    case 'kill':
      // A run rarely passes more than a dozen awaits before it has done what matters; aimed kills
      // reach the ones further in.
      return random() < 0.5
        ? { kind, atPoint: randomInt(random, 1, 12) }
        : { kind, atPoint: randomInt(random, 1, 3), target: pick(random, KILL_TARGETS) };
    case 'fault':
      return {
        kind,
        operation: pickWeighted(random, FAULT_TARGETS),
        fault: pick(random, TRANSPORT_FAULTS),
      };
    case 'clock-skew':
      return { kind, offsetMs: randomInt(random, -10 * MINUTE, 10 * MINUTE) };
    case 'other-tool-feed':
      return { kind, pick: anyPick(), ...(random() < 0.7 ? { during: 'createFeed' as const } : {}) };
    case 'amazon-cancels':
    case 'ship-elsewhere':
      return { kind, pick: anyPick(), ...(random() < 0.5 ? { during: pick(random, WORLD_MOMENTS) } : {}) };
    case 'buyer-request':
    case 'retry':
    case 'send-again':
    case 'resolve-review':
      return { kind, pick: anyPick() };
    case 'cancel':
      return {
        kind,
        pick: anyPick(),
        lines: random() < 0.65 ? 'whole' : 'some',
        lineMask: randomInt(random, 1, 15),
        zeroStock: random() < 0.2,
      };
    default:
      return { kind };
  }
}

/** One line per event, for traces. */
export function describeEvent(event: SimEvent & { readonly n?: number }): string {
  const { kind, n: _n, ...rest } = event;
  const fields = Object.entries(rest)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return fields ? `${kind} ${fields}` : kind;
}
