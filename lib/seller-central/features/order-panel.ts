import type { OrderLookup, OrderSummary } from '../../messaging';
import { ORDER_STATUS_LABELS } from '../../domain/order-status-label';
import { formatDateTime } from '../../format-time';
import { featureRegistry, type Feature, type FeatureContext } from '../feature-registry';
import {
  cancelledLines,
  cancelledLineText,
  cancelScope,
  nothingLeftToShip,
  openLines,
  openLineText,
} from '../order-lines';
import { orderIdInPage } from '../page-controls';
import { isAnyOrderDetails, orderIdFromUrl } from '../pages';
import { detailsActionBar, orderIdLine, orderIdValue } from '../selectors';
import { h } from '../ui/create-element';
import { NO_ANSWER_TEXT, showNotStored } from '../ui/not-stored-notice';
import { keepPlaced, topOfMainContent, type Spot } from '../ui/placement';
import { createShadowHost } from '../ui/shadow-host';
import {
  everyMinute,
  requestDeadlineText,
  requestStatusText,
  acceptedInManager,
  type RequestSummary,
} from '../buyer-request-text';
import type { ManagerAction } from '../../manager-route';

/** The lines the panel shows for a summary, in order. */
export function panelLines(summary: OrderSummary): string[] {
  const lines: string[] = [];
  if (summary.status)
    lines.push(`Status: ${ORDER_STATUS_LABELS[summary.status]}${summary.demo ? ' (demo data)' : ''}`);
  lines.push(...managerCancelLines(summary));
  if (summary.cancelledOutsideManager) {
    lines.push(
      `Cancelled outside the order manager (seen ${formatDateTime(summary.cancelledOutsideManager.seenAt)})`,
    );
  }
  if (summary.memo) lines.push(`Memo: ${summary.memo}`);
  return lines;
}

/** What the manager's cancels did and are doing, line by line when only some lines are concerned. */
function managerCancelLines(summary: OrderSummary): string[] {
  const lines: string[] = [];
  const cancelled = cancelledLines(summary);
  const all = summary.lines ?? [];
  if (nothingLeftToShip(summary) && cancelled.length === all.length) {
    lines.push('Cancelled in order manager');
  } else if (cancelled.length > 0) {
    lines.push(
      `${cancelled.length} of ${all.length} lines cancelled in the order manager: ` +
        cancelled.map(cancelledLineText).join(', '),
    );
    const open = openLines(summary);
    if (open.length > 0) lines.push(`Still to ship: ${open.map(openLineText).join(', ')}`);
  } else if (summary.cancel?.status === 'done') {
    lines.push('Cancelled in order manager');
  }
  const scope = cancelScope(summary);
  const of = scope ? ` of ${scope}` : '';
  switch (summary.cancel?.status) {
    case 'pending':
      lines.push(`Cancel${of} pending`);
      break;
    case 'failed':
      lines.push(`Cancel${of} failed: ${summary.cancel.resultText ?? 'Amazon gave no reason'}`);
      break;
    case 'needs-review':
      lines.push(`Cancel${of} needs review in the order manager`);
      break;
  }
  return lines;
}

/** Whether "Cancel in order manager" makes sense: something is left to cancel and no cancel is under way. */
export function canOfferCancel(summary: OrderSummary | undefined): boolean {
  if (!summary) return true;
  // An open request is answered with Accept, which cancels through the requests view.
  if (summary.buyerCancelRequest && !summary.buyerCancelRequest.declined) return false;
  if (summary.status === 'CANCELLED' || summary.cancelledOutsideManager) return false;
  if (summary.cancel?.status === 'pending' || nothingLeftToShip(summary)) return false;
  // A line cancel leaves the other lines cancellable; without lines a done cancel was the whole order.
  return summary.lines ? openLines(summary).length > 0 : summary.cancel?.status !== 'done';
}

/** Below the header's action buttons, else after the order id's line, else the top of the content. */
function panelSpot(): Spot | undefined {
  const bar = document.querySelector(detailsActionBar);
  if (bar?.parentElement) return { after: bar };
  const idValue = document.querySelector(orderIdValue);
  const line = idValue?.parentElement?.closest(orderIdLine) ?? idValue?.parentElement;
  if (line?.parentElement) return { after: line };
  return topOfMainContent();
}

type PanelState = { readonly lookup: OrderLookup } | { readonly failed: true } | { readonly loading: true };

/** What the minute tick refreshes: the countdown of the request on show, if any. */
interface Ticker {
  update?: () => void;
}

/** The buyer's request: reason (as text), countdown, deadline in the seller's zone, Accept and Decline. */
function requestSection(
  request: RequestSummary,
  ticker: Ticker,
  open: (action?: ManagerAction) => () => void,
  accepted: boolean,
): HTMLElement {
  const status = h('p', { className: 'title', attrs: { role: 'status' } });
  const deadline = h('p', { className: 'muted' });
  const update = () => {
    const now = new Date();
    status.textContent = requestStatusText(request, now, accepted);
    deadline.textContent = requestDeadlineText(request, now, accepted);
  };
  update();
  ticker.update = update;
  return h(
    'div',
    { className: 'request', attrs: { role: 'group', 'aria-label': 'Buyer cancellation request' } },
    h('p', {}, 'The buyer asked to cancel this order.'),
    request.reason && h('p', {}, `Reason: ${request.reason}`),
    status,
    deadline,
    !request.declined &&
      !accepted &&
      h(
        'div',
        { className: 'actions' },
        h(
          'button',
          { className: 'primary', attrs: { type: 'button' }, onClick: open('accept-request') },
          'Accept (cancel the order)',
        ),
        h('button', { attrs: { type: 'button' }, onClick: open('decline-request') }, 'Decline'),
      ),
  );
}

function render(
  root: ShadowRoot,
  signal: AbortSignal,
  context: FeatureContext,
  orderId: string,
  state: PanelState,
  ticker: Ticker = {},
): void {
  ticker.update = undefined;
  const open = (action?: ManagerAction) => () => {
    context.requests
      .openManager(orderId, action)
      .catch(() => context.warn('order-panel: open-manager failed'));
  };
  const box = h(
    'div',
    { className: 'box info', attrs: { role: 'region', 'aria-label': 'Order manager' } },
    h('p', { className: 'title' }, 'Order manager'),
  );
  root.querySelector('.box')?.remove();
  root.append(box);
  if ('lookup' in state && !state.lookup.stored) {
    const body = h('div');
    box.append(body);
    showNotStored(body, state.lookup.reason, {
      context,
      signal,
      orderId,
      onStored: (summary) =>
        render(root, signal, context, orderId, { lookup: { stored: true, summary } }, ticker),
    });
    return;
  }
  const summary = 'lookup' in state && state.lookup.stored ? state.lookup.summary : undefined;
  const lines = summary ? panelLines(summary) : ['failed' in state ? NO_ANSWER_TEXT : 'Loading…'];
  box.append(
    h('ul', {}, ...lines.map((line) => h('li', {}, line))),
    ...(summary?.buyerCancelRequest
      ? [requestSection(summary.buyerCancelRequest, ticker, open, acceptedInManager(summary))]
      : []),
    h(
      'div',
      { className: 'actions' },
      h('button', { attrs: { type: 'button' }, onClick: open() }, 'Open in order manager'),
      canOfferCancel(summary) &&
        h(
          'button',
          { className: 'primary', attrs: { type: 'button' }, onClick: open('cancel') },
          'Cancel in order manager',
        ),
    ),
  );
}

export const orderPanel: Feature = {
  id: 'order-panel',
  include: [isAnyOrderDetails],
  async init(signal, context) {
    const orderId = orderIdFromUrl(context.url) ?? orderIdInPage(context.document);
    if (!orderId) return;
    const { host, root } = createShadowHost('order-panel', signal);
    const ticker: Ticker = {};
    everyMinute(signal, () => ticker.update?.());
    render(root, signal, context, orderId, { loading: true }, ticker);
    keepPlaced(host, panelSpot, signal);
    try {
      const lookup = await context.requests.lookUpOrder(orderId);
      if (!signal.aborted) render(root, signal, context, orderId, { lookup }, ticker);
    } catch (error) {
      if (!signal.aborted) render(root, signal, context, orderId, { failed: true }, ticker);
      throw error;
    }
  },
};

featureRegistry.add(orderPanel);

/*
Test URLs:
https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567
https://sellercentral.amazon.com/orders-v3/order/113-4567890-1234567?ref=orders
https://sellercentral.amazon.co.uk/gp/orders-v2/details?orderID=203-1234567-7654321
*/
