/**
 * One order's life as a pure function of (seed, index): when it was placed, when payment cleared,
 * when it shipped or was cancelled, when the buyer asked to cancel. The state at any time t is
 * computed from these instants, so nothing is stored and 100,000 orders stay cheap.
 */
import { SANDBOX_MARKETPLACES } from './marketplaces';
import { hashSeed, mulberry32, pick, pickWeighted, randomDigits, randomInt, type Random } from './prng';

export type FulfillmentStatus =
  | 'PENDING_AVAILABILITY'
  | 'PENDING'
  | 'UNSHIPPED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'CANCELLED'
  | 'UNFULFILLABLE';

export type ServiceLevel = 'STANDARD' | 'EXPEDITED' | 'SECOND_DAY' | 'NEXT_DAY' | 'SAME_DAY' | 'FREE_ECONOMY';

export interface OrderPlan {
  readonly index: number;
  readonly orderId: string;
  readonly createdMs: number;
  readonly marketplaceIndex: number;
  readonly fulfilledBy: 'MERCHANT' | 'AMAZON';
  readonly channel: 'AMAZON' | 'NON_AMAZON';
  readonly prime: boolean;
  readonly business: boolean;
  readonly preorder: boolean;
  readonly serviceLevel: ServiceLevel;
  readonly itemCount: number;
  /** Pre-orders: PENDING_AVAILABILITY → PENDING. NaN when not a pre-order. */
  readonly releaseMs: number;
  /** Payment authorised: PENDING → UNSHIPPED. NaN if never. */
  readonly paidMs: number;
  readonly partialShipMs: number;
  readonly shippedMs: number;
  readonly deliveredMs: number;
  readonly cancelledMs: number;
  readonly cancelledBy: 'BUYER' | 'MERCHANT' | 'AMAZON' | '';
  readonly cancelReason: string;
  readonly unfulfillableMs: number;
  readonly buyerRequestMs: number;
  readonly buyerRequestReason: string;
  /** Lines the buyer's request names (indexes into the items); absent: every line. */
  readonly buyerRequestLines?: readonly number[];
  /**
   * The buyer withdrew the request then (absent: never). Not one of the plan's events: Amazon's
   * lastUpdatedTime stays, so only a re-read with getOrder sees the request gone.
   */
  readonly buyerRequestWithdrawnMs?: number;
  /** Promised ship-by end (shipByWindow.latestDateTime). */
  readonly latestShipMs: number;
  readonly latestDeliveryMs: number;
  /** Every instant at which the order changed, ascending (the first is createdMs). */
  readonly events: readonly number[];
  /** Lines the seller cancelled through a feed (seller-actions overlay); absent on generated plans. */
  readonly sellerCancellations?: readonly SellerLineCancellation[];
}

/** One order line cancelled by the seller at atMs (line = index into the order's items). */
export interface SellerLineCancellation {
  readonly line: number;
  readonly atMs: number;
  readonly reason: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Days of history before the anchor, and of new orders arriving after it. */
export const HISTORY_DAYS = 45;
export const STREAM_DAYS = 10;

export const BUYER_REQUEST_REASONS = [
  'I changed my mind',
  'Found a better price elsewhere',
  'Ordered by mistake',
  'Delivery time is too long',
  'No longer needed',
];

/** Orders placed after the anchor, at the same average rate as the history. */
export function streamOrderCount(orderCount: number): number {
  return Math.ceil((orderCount * STREAM_DAYS) / HISTORY_DAYS);
}

export function planOrder(seed: number, index: number, orderCount: number, anchorMs: number): OrderPlan {
  const random = mulberry32(hashSeed(seed, index, 0x0bde5));
  const slot = (HISTORY_DAYS * DAY) / orderCount;
  // Slots keep createdMs strictly increasing in index, so the data set needs no sorting.
  const createdMs = Math.floor(anchorMs - HISTORY_DAYS * DAY + (index + 0.05 + random() * 0.9) * slot);

  const marketplaceIndex = pickWeighted(random, [
    [0, 55],
    [1, 10],
    [2, 17],
    [3, 18],
  ] as const);
  const marketplace = SANDBOX_MARKETPLACES[marketplaceIndex]!;
  const fulfilledBy = random() < 0.35 ? 'AMAZON' : 'MERCHANT';
  const channel = fulfilledBy === 'AMAZON' && random() < 0.1 ? 'NON_AMAZON' : 'AMAZON';
  const onAmazon = channel === 'AMAZON';
  const prime = onAmazon && random() < (fulfilledBy === 'AMAZON' ? 0.75 : 0.2);
  const business = onAmazon && random() < 0.15;
  const preorder = onAmazon && random() < 0.03;
  const serviceLevel: ServiceLevel = prime
    ? pickWeighted(random, [
        ['SECOND_DAY', 55],
        ['NEXT_DAY', 30],
        ['SAME_DAY', 5],
        ['STANDARD', 10],
      ] as const)
    : pickWeighted(random, [
        ['STANDARD', 68],
        ['EXPEDITED', 15],
        ['SECOND_DAY', 8],
        ['NEXT_DAY', 5],
        ['FREE_ECONOMY', 4],
      ] as const);
  const itemCount = pickWeighted(random, [
    [1, 70],
    [2, 18],
    [3, 8],
    [4, 4],
  ] as const);

  const releaseMs = preorder ? createdMs + randomInt(random, 2, 25) * DAY + random() * DAY : NaN;
  const pendingFrom = preorder ? releaseMs : createdMs;
  // Most payments clear in minutes; a few take a day or two (and some never do).
  const slowPayment = random() < 0.04;
  let paidMs =
    pendingFrom + (slowPayment ? randomInt(random, 6, 40) * HOUR : randomInt(random, 2, 40) * MINUTE);
  const handlingHours =
    fulfilledBy === 'AMAZON'
      ? randomInt(random, 2, 30)
      : serviceLevel === 'NEXT_DAY' || serviceLevel === 'SAME_DAY'
        ? randomInt(random, 2, 20)
        : random() < 0.03
          ? randomInt(random, 72, 150) // late shipper
          : randomInt(random, 3, 60);
  let shippedMs = paidMs + handlingHours * HOUR + random() * HOUR;
  let partialShipMs = NaN;
  if (itemCount >= 2 && random() < (fulfilledBy === 'MERCHANT' ? 0.25 : 0.15)) {
    partialShipMs = shippedMs;
    shippedMs = partialShipMs + randomInt(random, 20, 72) * HOUR;
  }
  let cancelledMs = NaN;
  let cancelledBy: OrderPlan['cancelledBy'] = '';
  let cancelReason = '';
  let unfulfillableMs = NaN;
  let buyerRequestMs = NaN;
  let buyerRequestReason = '';

  const fate = random();
  if (fate < 0.03) {
    // Buyers may cancel on their own within 30 minutes of ordering.
    cancelledMs = createdMs + randomInt(random, 1, 29) * MINUTE;
    cancelledBy = 'BUYER';
    cancelReason = 'Cancelled by the buyer';
  } else if (fate < 0.045 || (slowPayment && random() < 0.3)) {
    cancelledMs = pendingFrom + randomInt(random, 26, 48) * HOUR;
    cancelledBy = 'AMAZON';
    cancelReason = 'Payment could not be authorized';
    if (paidMs >= cancelledMs) paidMs = NaN;
  } else if (fate < 0.055 && fulfilledBy === 'MERCHANT') {
    cancelledMs = paidMs + randomInt(random, 2, 30) * HOUR;
    cancelledBy = 'MERCHANT';
    cancelReason = 'No inventory';
  } else if (fate < 0.12 && fulfilledBy === 'MERCHANT' && !preorder) {
    // A buyer asks after their own 30-minute window; the seller decides later.
    buyerRequestMs = Math.max(paidMs, createdMs + 31 * MINUTE) + randomInt(random, 10, 20 * 60) * MINUTE;
    buyerRequestReason = pick(random, BUYER_REQUEST_REASONS);
    const response = random();
    if (response < 0.6) {
      cancelledMs = buyerRequestMs + randomInt(random, 1, 36) * HOUR;
      cancelledBy = 'MERCHANT';
      cancelReason = 'Buyer requested cancellation';
    } else {
      const slowAnswer = response >= 0.85;
      shippedMs = Math.max(shippedMs, buyerRequestMs + (slowAnswer ? randomInt(random, 48, 96) : 2) * HOUR);
      if (partialShipMs >= shippedMs) partialShipMs = NaN;
    }
  } else if (channel === 'NON_AMAZON' && fate < 0.4) {
    unfulfillableMs = paidMs + randomInt(random, 1, 12) * HOUR;
  }
  if (cancelledMs === cancelledMs || unfulfillableMs === unfulfillableMs) {
    const end = Math.min(nanToInf(cancelledMs), nanToInf(unfulfillableMs));
    if (partialShipMs >= end) partialShipMs = NaN;
    if (!(partialShipMs < end)) shippedMs = NaN;
    else if (cancelledMs === cancelledMs) {
      // A partly shipped order is not cancelled; it finishes shipping instead.
      cancelledMs = NaN;
      cancelledBy = '';
      cancelReason = '';
    }
    if (paidMs >= end) paidMs = NaN;
  }
  const transitDays =
    serviceLevel === 'SAME_DAY' ? 0 : serviceLevel === 'NEXT_DAY' ? 1 : serviceLevel === 'SECOND_DAY' ? 2 : 4;
  const deliveredMs =
    shippedMs === shippedMs ? shippedMs + Math.max(0.3, transitDays + random() * 2 - 0.5) * DAY : NaN;
  const promiseBase = preorder ? releaseMs : createdMs;
  const latestShipMs = endOfDay(promiseBase + (fulfilledBy === 'AMAZON' || prime ? 1 : 2) * DAY);
  const latestDeliveryMs = endOfDay(latestShipMs + Math.max(1, transitDays + 1) * DAY);

  const events = [
    createdMs,
    releaseMs,
    paidMs,
    buyerRequestMs,
    partialShipMs,
    shippedMs,
    deliveredMs,
    cancelledMs,
    unfulfillableMs,
  ]
    .filter((t) => t === t)
    .sort((a, b) => a - b);

  return {
    index,
    orderId: orderIdFor(seed, index, pick(random, marketplace.orderIdPrefixes), random),
    createdMs,
    marketplaceIndex,
    fulfilledBy,
    channel,
    prime,
    business,
    preorder,
    serviceLevel,
    itemCount,
    releaseMs,
    paidMs,
    partialShipMs,
    shippedMs,
    deliveredMs,
    cancelledMs,
    cancelledBy,
    cancelReason,
    unfulfillableMs,
    buyerRequestMs,
    buyerRequestReason,
    latestShipMs,
    latestDeliveryMs,
    events,
  };
}

function nanToInf(t: number): number {
  return t === t ? t : Infinity;
}

function endOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY + DAY - 1000;
}

/** 3-7-7 digits; the middle block is a bijection of the index, so ids never collide. */
function orderIdFor(seed: number, index: number, prefix: string, random: Random): string {
  const middle = (index * 7_654_321 + (hashSeed(seed, 77) % 10_000_000)) % 10_000_000;
  return `${prefix}-${String(middle).padStart(7, '0')}-${randomDigits(random, 7)}`;
}

/**
 * The plan with the whole order cancelled at atMs: whatever it planned after that (payment, shipment,
 * delivery, a buyer's request) does not happen; everything before stays.
 */
export function cancelledAt(
  plan: OrderPlan,
  atMs: number,
  cancelledBy: OrderPlan['cancelledBy'],
  cancelReason: string,
): OrderPlan {
  const later = (ms: number) => (ms > atMs ? NaN : ms);
  return {
    ...plan,
    paidMs: plan.paidMs >= atMs ? NaN : plan.paidMs,
    partialShipMs: later(plan.partialShipMs),
    shippedMs: later(plan.shippedMs),
    deliveredMs: later(plan.deliveredMs),
    unfulfillableMs: later(plan.unfulfillableMs),
    buyerRequestMs: later(plan.buyerRequestMs),
    buyerRequestReason: plan.buyerRequestMs <= atMs ? plan.buyerRequestReason : '',
    cancelledMs: atMs,
    cancelledBy,
    cancelReason,
  };
}

/** The order's fulfilment status at time t (t ≥ createdMs). */
export function statusAt(plan: OrderPlan, t: number): FulfillmentStatus {
  if (plan.cancelledMs <= t) return 'CANCELLED';
  if (plan.unfulfillableMs <= t) return 'UNFULFILLABLE';
  if (plan.shippedMs <= t) return 'SHIPPED';
  if (plan.partialShipMs <= t) return 'PARTIALLY_SHIPPED';
  if (plan.paidMs <= t) return 'UNSHIPPED';
  if (plan.preorder && !(plan.releaseMs <= t)) return 'PENDING_AVAILABILITY';
  return 'PENDING';
}

/** Time of the latest change at or before t. */
export function lastUpdatedAt(plan: OrderPlan, t: number): number {
  const events = plan.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e <= t) return e;
  }
  return plan.createdMs;
}

export function isPendingStatus(status: FulfillmentStatus): boolean {
  return status === 'PENDING' || status === 'PENDING_AVAILABILITY';
}

/** When a line ships: first-parcel lines with the partial shipment, the rest with the order (NaN: never). */
export function lineShipMs(plan: OrderPlan, line: number): number {
  return plan.partialShipMs === plan.partialShipMs && line < firstParcelLines(plan)
    ? plan.partialShipMs
    : plan.shippedMs;
}

/** Lines shipped in the first parcel of a partly shipped order. */
export function firstParcelLines(plan: OrderPlan): number {
  return Math.ceil(plan.itemCount / 2);
}

/** The seller's cancellation of a line in effect at t, if any. */
export function sellerCancellationAt(
  plan: OrderPlan,
  line: number,
  t: number,
): SellerLineCancellation | undefined {
  return plan.sellerCancellations?.find((c) => c.line === line && c.atMs <= t);
}
