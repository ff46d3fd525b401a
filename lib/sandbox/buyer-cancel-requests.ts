/**
 * Buyer cancellation requests raised on top of the generated timelines (opt-in: the simulator's seeds
 * keep the plans they had). A request is one more instant in the order's plan, so lastUpdatedTime moves
 * when it is raised; shipping or cancelling the order later closes it (order-view.ts renders that).
 */
import { STREAM_DAYS, type OrderPlan } from './order-timeline';
import { hashSeed, mulberry32, pick } from './prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Buyers' own words, verbatim: several languages, and one with markup that must stay text. */
export const MULTILINGUAL_REQUEST_REASONS = [
  'No longer needed',
  'Ich habe mich verschrieben und brauche eine andere Größe',
  '注文を間違えました。キャンセルしてください',
  'Ya no lo necesito, por favor cancelen el pedido',
  '<img src=x onerror=alert(1)> please cancel',
] as const;

export const MARKUP_REQUEST_REASON = MULTILINGUAL_REQUEST_REASONS[4];

/** Lines on the order picked to carry a request across many lines. */
export const MANY_LINES_ITEM_COUNT = 6;

export interface BuyerRequestRaising {
  /** Share of open merchant-fulfilled orders whose buyer asks to cancel (default 0.08). */
  merchantShare?: number;
  /** Share of open Amazon-fulfilled orders whose buyer asks (default 0.02). */
  amazonShare?: number;
  /**
   * Requests open at the anchor, raised this many hours before it (demo mode: [2, 20, 40, 47]); their
   * orders stay unshipped until the seller acts.
   */
  openAgesHours?: readonly number[];
}

/** When the order is open (paid, nothing shipped, not closed): [from, to), or undefined if never. */
function openWindow(plan: OrderPlan): { from: number; to: number } | undefined {
  if (!(plan.paidMs === plan.paidMs) || plan.preorder) return undefined;
  const from = Math.max(plan.paidMs, plan.createdMs + 31 * MINUTE);
  const to = Math.min(
    ...[plan.partialShipMs, plan.shippedMs, plan.cancelledMs, plan.unfulfillableMs, Infinity].filter(
      (t) => t === t,
    ),
  );
  return to - from > 10 * MINUTE ? { from, to } : undefined;
}

function withRequest(plan: OrderPlan, atMs: number, reason: string, lines?: readonly number[]): OrderPlan {
  const next = { ...plan, buyerRequestMs: atMs, buyerRequestReason: reason };
  return {
    ...next,
    ...(lines ? { buyerRequestLines: lines } : {}),
    events: [...plan.events.filter((t) => t !== plan.buyerRequestMs), atMs].sort((a, b) => a - b),
  };
}

/** Lines the buyer asks about: usually all of them, sometimes only some. */
function requestLines(random: () => number, itemCount: number): readonly number[] | undefined {
  if (itemCount < 2 || random() < 0.6) return undefined;
  const lines = Array.from({ length: itemCount }, (_, line) => line).filter(() => random() < 0.5);
  return lines.length > 0 ? lines : [0];
}

/**
 * The plans with requests raised at a seeded pace: each open order draws once, so the same seed always
 * gives the same requests at the same instants. Also places the special cases (markup, many lines,
 * Seller Fulfilled Prime) on orders that arrive after the anchor, so a running sandbox raises them.
 */
export function raiseBuyerRequests(
  seed: number,
  plans: OrderPlan[],
  anchorMs: number,
  raising: BuyerRequestRaising,
): void {
  const merchantShare = raising.merchantShare ?? 0.08;
  const amazonShare = raising.amazonShare ?? 0.02;
  const taken = new Set<number>();
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    if (plan.buyerRequestMs === plan.buyerRequestMs) continue;
    const window = openWindow(plan);
    if (!window) continue;
    const random = mulberry32(hashSeed(seed, plan.index, 0xca7c));
    const share = plan.fulfilledBy === 'MERCHANT' ? merchantShare : amazonShare;
    if (random() >= share) continue;
    const at = window.from + Math.floor(random() * (window.to - window.from) * 0.8);
    plans[i] = withRequest(
      plan,
      at,
      pick(random, MULTILINGUAL_REQUEST_REASONS),
      requestLines(random, plan.itemCount),
    );
    taken.add(i);
  }
  const openMerchant = (i: number) =>
    !taken.has(i) &&
    plans[i]!.fulfilledBy === 'MERCHANT' &&
    plans[i]!.channel === 'AMAZON' &&
    !(plans[i]!.buyerRequestMs === plans[i]!.buyerRequestMs) &&
    openWindow(plans[i]!) !== undefined;
  // The special cases arrive within the first days after the anchor, in this order.
  const after = (fromMs: number, test: (plan: OrderPlan) => boolean) =>
    plans.findIndex((p, i) => p.createdMs >= fromMs && openMerchant(i) && test(p));
  const special = (i: number, reason: string, change: Partial<OrderPlan> = {}) => {
    if (i < 0) return;
    const plan = { ...plans[i]!, ...change };
    const window = openWindow(plan)!;
    plans[i] = withRequest(plan, window.from + Math.min(HOUR, (window.to - window.from) / 2), reason);
    taken.add(i);
  };
  special(
    after(anchorMs + 2 * HOUR, () => true),
    MARKUP_REQUEST_REASON,
  );
  special(
    after(anchorMs + 4 * HOUR, () => true),
    MULTILINGUAL_REQUEST_REASONS[1],
    { itemCount: MANY_LINES_ITEM_COUNT },
  );
  special(
    after(anchorMs + 6 * HOUR, (p) => p.prime),
    MULTILINGUAL_REQUEST_REASONS[2],
  );
  for (const [n, ageHours] of (raising.openAgesHours ?? []).entries()) {
    const requestMs = anchorMs - ageHours * HOUR;
    // Latest order paid before the request that has not yet shipped or closed then.
    let found = -1;
    for (let i = plans.length - 1; i >= 0 && found < 0; i--) {
      const p = plans[i]!;
      if (p.createdMs > requestMs - 31 * MINUTE || p.createdMs < requestMs - STREAM_DAYS * DAY) continue;
      const window = openWindow(p);
      if (openMerchant(i) && window && window.from < requestMs && window.to > requestMs) found = i;
    }
    if (found < 0) continue;
    const reason = MULTILINGUAL_REQUEST_REASONS[n % MULTILINGUAL_REQUEST_REASONS.length]!;
    // The order waits for the seller: nothing ships or closes on its own.
    const open = {
      ...plans[found]!,
      partialShipMs: NaN,
      shippedMs: NaN,
      deliveredMs: NaN,
      cancelledMs: NaN,
      cancelledBy: '' as const,
      cancelReason: '',
      unfulfillableMs: NaN,
    };
    plans[found] = withRequest(
      { ...open, events: open.events.filter((t) => t <= requestMs) },
      requestMs,
      reason,
    );
    taken.add(found);
  }
}
