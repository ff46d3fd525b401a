import type { OrderSummary } from '../../messaging';
import { featureRegistry, type Feature } from '../feature-registry';
import { isShipControl } from '../page-controls';
import { isShippingPage, orderIdFromUrl } from '../pages';
import { guardClicks } from '../ui/click-guard';
import { h } from '../ui/create-element';
import { keepPlaced, topOfMainContent } from '../ui/placement';
import { createShadowHost } from '../ui/shadow-host';

export const SHIP_BLOCK_TITLE = 'Do not ship this order';
export const SHIP_CONFIRM_TEXT =
  'The order manager has this order as cancelled or being cancelled. Shipping it means sending goods ' +
  'the buyer will not pay for.\n\nShip it anyway?';

/** Why the manager says this order must not ship, or undefined when it may. */
export function shipBlockReason(summary: OrderSummary): string | undefined {
  if (!summary.known) return undefined;
  if (summary.cancel?.status === 'pending')
    return 'A cancellation of this order is pending in the order manager.';
  if (summary.cancel?.status === 'done') return 'This order was cancelled in the order manager.';
  if (summary.status === 'CANCELLED' || summary.cancelledOutsideManager) return 'This order is cancelled.';
  return undefined;
}

export const shipBlock: Feature = {
  id: 'ship-block',
  include: [isShippingPage],
  async init(signal, context) {
    const orderId = orderIdFromUrl(context.url);
    if (!orderId) return;
    const summary = await context.requests.getOrderSummary(orderId);
    if (signal.aborted) return;
    const reason = shipBlockReason(summary);
    if (!reason) return;

    guardClicks({ signal, isGuarded: isShipControl, confirm: () => context.confirm(SHIP_CONFIRM_TEXT) });
    const { host, root } = createShadowHost('ship-block', signal, orderId);
    const open = () => {
      context.requests.openManager(orderId).catch(() => context.warn('ship-block: open-manager failed'));
    };
    root.append(
      h(
        'div',
        { className: 'box block', attrs: { role: 'alert' } },
        h('p', { className: 'title' }, SHIP_BLOCK_TITLE),
        h('p', {}, `${reason} Confirming or buying shipping here would ship a cancelled order.`),
        h(
          'div',
          { className: 'actions' },
          h('button', { attrs: { type: 'button' }, onClick: open }, 'Open in order manager'),
        ),
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
