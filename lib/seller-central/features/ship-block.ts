import type { OrderSummary } from '../../messaging';
import { featureRegistry, type Feature } from '../feature-registry';
import { isShipControl } from '../page-controls';
import {
  cancelledLines,
  cancelledLineText,
  cancelScope,
  nothingLeftToShip,
  openLines,
  openLineText,
} from '../order-lines';
import { isShippingPage, orderIdFromUrl } from '../pages';
import { guardClicks } from '../ui/click-guard';
import { h } from '../ui/create-element';
import { keepPlaced, topOfMainContent } from '../ui/placement';
import { createShadowHost } from '../ui/shadow-host';

export const SHIP_BLOCK_TITLE = 'Do not ship this order';
export const SHIP_CONFIRM_TEXT =
  'The order manager has this order as cancelled or being cancelled. Shipping it means sending goods ' +
  'the buyer will not pay for.\n\nShip it anyway?';
export const PART_CANCELLED_TITLE = 'Ship only the lines still open';

/**
 * What the ship page must say: `block` when shipping would ship something cancelled (a cancel is
 * pending, or nothing is left to ship); `part-cancelled` when the manager cancelled some lines and
 * the rest still ship; undefined when the manager has nothing to say.
 */
export type ShipAdvice =
  | { readonly kind: 'block'; readonly reason: string }
  | { readonly kind: 'part-cancelled'; readonly cancelled: string; readonly stillToShip: string };

export function shipAdvice(summary: OrderSummary): ShipAdvice | undefined {
  if (summary.cancel?.status === 'pending') {
    const scope = cancelScope(summary);
    return {
      kind: 'block',
      reason: scope
        ? `A cancellation of ${scope} of this order is pending in the order manager.`
        : 'A cancellation of this order is pending in the order manager.',
    };
  }
  if (summary.status === 'CANCELLED' || summary.cancelledOutsideManager)
    return { kind: 'block', reason: 'This order is cancelled.' };
  if (nothingLeftToShip(summary))
    return { kind: 'block', reason: 'This order was cancelled in the order manager.' };
  const cancelled = cancelledLines(summary);
  if (cancelled.length === 0) return undefined;
  const lines = summary.lines ?? [];
  return {
    kind: 'part-cancelled',
    cancelled:
      `${cancelled.length} of ${lines.length} lines were cancelled in the order manager: ` +
      `${cancelled.map(cancelledLineText).join(', ')}. Do not ship them.`,
    stillToShip: `The rest of the order still ships: ${openLines(summary).map(openLineText).join(', ')}.`,
  };
}

/** Why the manager says this order must not ship, or undefined when it may. */
export function shipBlockReason(summary: OrderSummary): string | undefined {
  const advice = shipAdvice(summary);
  return advice?.kind === 'block' ? advice.reason : undefined;
}

export const shipBlock: Feature = {
  id: 'ship-block',
  include: [isShippingPage],
  async init(signal, context) {
    const orderId = orderIdFromUrl(context.url);
    if (!orderId) return;
    const lookup = await context.requests.lookUpOrder(orderId);
    // An order the manager does not have: it has nothing to say against shipping it.
    if (signal.aborted || !lookup.stored) return;
    const advice = shipAdvice(lookup.summary);
    if (!advice) return;

    if (advice.kind === 'block') {
      guardClicks({ signal, isGuarded: isShipControl, confirm: () => context.confirm(SHIP_CONFIRM_TEXT) });
    }
    const { host, root } = createShadowHost('ship-block', signal);
    const open = () => {
      context.requests.openManager(orderId).catch(() => context.warn('ship-block: open-manager failed'));
    };
    const actions = h(
      'div',
      { className: 'actions' },
      h('button', { attrs: { type: 'button' }, onClick: open }, 'Open in order manager'),
    );
    root.append(
      advice.kind === 'block'
        ? h(
            'div',
            { className: 'box block', attrs: { role: 'alert' } },
            h('p', { className: 'title' }, SHIP_BLOCK_TITLE),
            h('p', {}, `${advice.reason} Confirming or buying shipping here would ship a cancelled order.`),
            actions,
          )
        : h(
            'div',
            { className: 'box', attrs: { role: 'note' } },
            h('p', { className: 'title' }, PART_CANCELLED_TITLE),
            h('p', {}, advice.cancelled),
            h('p', {}, advice.stillToShip),
            actions,
          ),
    );
    keepPlaced(host, topOfMainContent, signal);
  },
};

featureRegistry.add(shipBlock);

/*
Test URLs:
https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567/confirm-shipment
https://sellercentral.amazon.co.uk/orders-v3/order/203-1234567-7654321/buy-shipping
https://sellercentral.amazon.de/orders-v3/order/302-7654321-1234567/edit-shipment
*/
