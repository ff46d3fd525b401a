import { composedClosest, composedHost, observeElements } from '../element-observer';
import { featureRegistry, type Feature, type FeatureContext } from '../feature-registry';
import {
  CANCEL_CONTROL_CANDIDATES,
  isCancelControl,
  isSubmitControl,
  orderIdForControl,
  orderIdInPage,
} from '../page-controls';
import { isAnyOrderDetails, isCancelOrderPage, isManageOrders, orderIdFromUrl } from '../pages';
import { guardClicks } from '../ui/click-guard';
import { h } from '../ui/create-element';
import { keepPlaced, topOfMainContent } from '../ui/placement';
import { ANY_HOST_SELECTOR, createShadowHost, hostSelector } from '../ui/shadow-host';

export const CANCEL_WARNING_TEXT =
  'A cancellation made here is not recorded by the order manager and cannot be reconciled.';
export const CANCEL_CONFIRM_TEXT =
  'A cancellation made in Seller Central is not recorded by the order manager and cannot be reconciled.\n\n' +
  'Cancel in Seller Central anyway?';

const HOST = hostSelector('cancel-warning');
// One warning per Manage Orders row or details action bar, however many cancel controls it has.
const WARNING_SCOPE = 'tr, [data-test-id="order-details-header-action-buttons"]';
// Insert after the whole AUI button, not inside it.
const CONTROL_BOX = '.a-button, .a-declarative';

function warningBox(
  context: FeatureContext,
  signal: AbortSignal,
  orderId: string,
  compact: boolean,
): HTMLElement {
  const { host, root } = createShadowHost('cancel-warning', signal);
  const open = () => {
    context.requests
      .openManager(orderId, 'cancel')
      .catch(() => context.warn('cancel-warning: open-manager failed'));
  };
  root.append(
    h(
      'div',
      { className: compact ? 'box compact' : 'box', attrs: { role: 'note' } },
      compact ? null : h('p', { className: 'title' }, 'Cancel in the order manager instead'),
      h('p', {}, CANCEL_WARNING_TEXT),
      h(
        'div',
        { className: 'actions' },
        h(
          'button',
          { className: 'primary', attrs: { type: 'button' }, onClick: open },
          'Cancel in order manager',
        ),
      ),
    ),
  );
  return host;
}

/** On the cancel page: one banner above the content, and a confirmation before Submit. */
function initCancelPage(signal: AbortSignal, context: FeatureContext): void {
  guardClicks({ signal, isGuarded: isSubmitControl, confirm: () => context.confirm(CANCEL_CONFIRM_TEXT) });
  const orderId = orderIdFromUrl(context.url) ?? orderIdInPage(context.document);
  if (!orderId) return;
  keepPlaced(warningBox(context, signal, orderId, false), topOfMainContent, signal);
}

/** On lists and details: a warning next to each "Cancel order" control, and a confirmation on it. */
function initCancelControls(signal: AbortSignal, context: FeatureContext): void {
  guardClicks({ signal, isGuarded: isCancelControl, confirm: () => context.confirm(CANCEL_CONFIRM_TEXT) });
  const compact = isManageOrders(context.url);
  observeElements(
    CANCEL_CONTROL_CANDIDATES,
    (control) => {
      if (!isCancelControl(control)) return;
      const orderId = orderIdForControl(control, context.url);
      if (!orderId) return;
      const lightControl = composedHost(control);
      const anchor = lightControl.closest(CONTROL_BOX) ?? lightControl;
      const scope = composedClosest(anchor, WARNING_SCOPE) ?? anchor.parentElement;
      if (!scope || scope.querySelector(HOST)) return;
      anchor.after(warningBox(context, signal, orderId, compact));
    },
    { signal, ignore: ANY_HOST_SELECTOR },
  );
}

export const cancelWarning: Feature = {
  id: 'cancel-warning',
  include: [isCancelOrderPage, isManageOrders, isAnyOrderDetails],
  init(signal, context) {
    if (isCancelOrderPage(context.url)) initCancelPage(signal, context);
    else initCancelControls(signal, context);
  },
};

featureRegistry.add(cancelWarning);

/*
Test URLs (fixtures in test/fixtures/seller-central/):
https://sellercentral.amazon.com/orders-v3/mfn/unshipped
https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567
https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567/cancel-order
*/
