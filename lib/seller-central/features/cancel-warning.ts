import { composedClosest, composedHost, observeElements } from '../element-observer';
import { featureRegistry, type Feature, type FeatureContext } from '../feature-registry';
import {
  isCancelControl,
  isSubmitControl,
  orderIdForControl,
  orderIdInPage,
  showsUnshippedOrders,
} from '../page-controls';
import { isAnyOrderDetails, isCancelOrderPage, isManageOrders, orderIdFromUrl } from '../pages';
import type { SellerCentralPageKind } from '../../domain/seller-central-health';
import { watchAnchor } from '../anchor-watch';
import {
  auiControlBox,
  cancelControlCandidates,
  cancelFormInput,
  submitInput,
  submitLabel,
  warningScope,
} from '../selectors';
import { guardClicks } from '../ui/click-guard';
import { h } from '../ui/create-element';
import { showNotStored } from '../ui/not-stored-notice';
import { keepPlaced, topOfMainContent } from '../ui/placement';
import { ANY_HOST_SELECTOR, createShadowHost, hostSelector } from '../ui/shadow-host';

export const CANCEL_WARNING_TEXT =
  'A cancellation made here is not recorded by the order manager and cannot be reconciled.';
export const CANCEL_CONFIRM_TEXT =
  'A cancellation made in Seller Central is not recorded by the order manager and cannot be reconciled.\n\n' +
  'Cancel in Seller Central anyway?';

const HOST = hostSelector('cancel-warning');

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
  const box = h('div', { className: compact ? 'box compact' : 'box', attrs: { role: 'note' } });
  const showWarning = () =>
    box.replaceChildren(
      ...(compact ? [] : [h('p', { className: 'title' }, 'Cancel in the order manager instead')]),
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
    );
  showWarning();
  root.append(box);
  // An order the manager does not have gets the way on instead of a manager that cannot cancel it.
  // Without an answer the warning stays: it holds whatever the manager knows.
  context.requests.lookUpOrder(orderId).then(
    (lookup) => {
      if (!lookup.stored)
        showNotStored(box, lookup.reason, { context, signal, orderId, onStored: showWarning });
    },
    () => context.warn('cancel-warning: order lookup failed'),
  );
  return host;
}

/** Tells the background whether the warning found its anchor on this kind of page; returns `found`. */
function watchWarningAnchor(
  signal: AbortSignal,
  context: FeatureContext,
  page: SellerCentralPageKind,
  expected: () => boolean,
): () => void {
  return watchAnchor({
    signal,
    waitMs: context.anchorWaitMs,
    expected,
    report: (placed) => {
      context.requests
        .reportAnchor({ feature: 'cancel-warning', page, placed })
        .catch(() => context.warn('cancel-warning: anchor report failed'));
    },
  });
}

/**
 * On the cancel page: one banner above the content, and a confirmation before Submit. Its anchor is
 * the Submit: without one the confirmation guards nothing.
 */
function initCancelPage(signal: AbortSignal, context: FeatureContext): void {
  guardClicks({ signal, isGuarded: isSubmitControl, confirm: () => context.confirm(CANCEL_CONFIRM_TEXT) });
  // Expected only where the page asks for a reason or memo: an order Amazon no longer lets the
  // seller cancel shows no form, and no Submit, without Seller Central having changed.
  const found = watchWarningAnchor(signal, context, 'cancel-order', () =>
    Boolean(context.document.querySelector(cancelFormInput)),
  );
  observeElements(
    `${submitInput}, ${submitLabel.candidates}`,
    (control) => {
      if (isSubmitControl(control)) found();
    },
    { signal, ignore: ANY_HOST_SELECTOR },
  );
  const orderId = orderIdFromUrl(context.url) ?? orderIdInPage(context.document);
  if (!orderId) return;
  keepPlaced(warningBox(context, signal, orderId, false), topOfMainContent, signal);
}

/**
 * On lists and details: a warning next to each "Cancel order" control, and a confirmation on it. On
 * Manage Orders the anchor is a placed warning, expected once the page shows an Unshipped order;
 * details pages are not reported (a shipped order's page rightly has no cancel control).
 */
function initCancelControls(signal: AbortSignal, context: FeatureContext): void {
  guardClicks({ signal, isGuarded: isCancelControl, confirm: () => context.confirm(CANCEL_CONFIRM_TEXT) });
  const compact = isManageOrders(context.url);
  const placed = compact
    ? watchWarningAnchor(signal, context, 'manage-orders', () => showsUnshippedOrders(context.document))
    : () => undefined;
  observeElements(
    cancelControlCandidates,
    (control) => {
      if (!isCancelControl(control)) return;
      const orderId = orderIdForControl(control, context.url);
      if (!orderId) return;
      const lightControl = composedHost(control);
      const anchor = lightControl.closest(auiControlBox) ?? lightControl;
      const scope = composedClosest(anchor, warningScope) ?? anchor.parentElement;
      if (!scope) return;
      if (!scope.querySelector(HOST)) anchor.after(warningBox(context, signal, orderId, compact));
      placed();
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
