import type { OrderLookup, OrderSummary } from '../../messaging';
import {
  everyMinute,
  NOT_SEEN_TEXT,
  requestStatusText,
  acceptedInManager,
  STILL_NOT_SEEN_TEXT,
  type RequestSummary,
} from '../buyer-request-text';
import { composedClosest, observeElements } from '../element-observer';
import { featureRegistry, type Feature, type FeatureContext } from '../feature-registry';
import { orderIdOfRow } from '../page-controls';
import { isManageOrders } from '../pages';
import { buyerRequestMarker, orderRow } from '../selectors';
import { h } from '../ui/create-element';
import { NO_ANSWER_TEXT, showNotStored, SYNCING_TEXT } from '../ui/not-stored-notice';
import { ANY_HOST_SELECTOR, createShadowHost, hostSelector } from '../ui/shadow-host';

const HOST = hostSelector('buyer-request-rows');

type Note = { readonly lookup: OrderLookup } | { readonly failed: true } | { readonly loading: true };

/**
 * Beside Seller Central's "buyer requested cancel" mark on a Manage Orders row: the time left to
 * answer from the order manager's own record, and the way to answer there. A request the manager has
 * not recorded is said so, with Sync now; the note never invents a deadline from the page.
 */
function noteFor(
  context: FeatureContext,
  signal: AbortSignal,
  orderId: string,
  ticks: Set<() => void>,
  lookUp: (orderId: string) => Promise<OrderLookup>,
): HTMLElement {
  const { host, root } = createShadowHost('buyer-request-rows', signal);
  const box = h('div', { className: 'box compact info note', attrs: { role: 'note' } });
  root.append(box);
  let tick: (() => void) | undefined;
  const failed = () => context.warn('buyer-request-rows: open failed');

  const showRequest = (request: RequestSummary, accepted: boolean) => {
    const status = h('span', {});
    tick = () => (status.textContent = requestStatusText(request, new Date(), accepted));
    tick();
    box.replaceChildren(
      status,
      ' · ',
      h(
        'button',
        {
          attrs: { type: 'button' },
          onClick: () => void context.requests.openRequests().catch(failed),
        },
        'Answer in order manager',
      ),
    );
  };

  const showNotSeen = (status?: string, syncing = false) => {
    box.replaceChildren(h('span', {}, NOT_SEEN_TEXT));
    if (status) box.append(h('span', { className: 'muted', attrs: { role: 'status' } }, status));
    if (!syncing)
      box.append(h('button', { className: 'primary', attrs: { type: 'button' }, onClick: sync }, 'Sync now'));
  };

  const showSummary = (summary: OrderSummary, afterSync = false) => {
    if (summary.buyerCancelRequest) showRequest(summary.buyerCancelRequest, acceptedInManager(summary));
    else showNotSeen(afterSync ? STILL_NOT_SEEN_TEXT : undefined);
  };

  const sync = () => {
    tick = undefined;
    showNotSeen(SYNCING_TEXT, true);
    context.requests.syncOrder(orderId).then(
      (answer) => {
        if (signal.aborted) return;
        if (!answer.synced) showNotSeen(answer.reason);
        else show({ lookup: answer.lookup }, true);
      },
      () => !signal.aborted && showNotSeen(NO_ANSWER_TEXT),
    );
  };

  const show = (note: Note, afterSync = false) => {
    tick = undefined;
    if ('loading' in note)
      box.replaceChildren(h('span', { className: 'muted' }, 'Checking the order manager…'));
    else if ('failed' in note) box.replaceChildren(h('span', {}, NO_ANSWER_TEXT));
    else if (note.lookup.stored) showSummary(note.lookup.summary, afterSync);
    // Not synced yet is the same as a request not seen: Sync now brings both in.
    else if (note.lookup.reason === 'not-synced') showNotSeen(afterSync ? STILL_NOT_SEEN_TEXT : undefined);
    else
      showNotStored(box, note.lookup.reason, { context, signal, orderId, onStored: (s) => showSummary(s) });
  };

  // A row the list has re-rendered away stops ticking.
  const entry = () => (host.isConnected ? tick?.() : ticks.delete(entry));
  ticks.add(entry);
  show({ loading: true });
  lookUp(orderId).then(
    (lookup) => !signal.aborted && show({ lookup }),
    () => {
      if (signal.aborted) return;
      show({ failed: true });
      context.warn('buyer-request-rows: order lookup failed');
    },
  );
  return host;
}

export const buyerRequestRows: Feature = {
  id: 'buyer-request-rows',
  include: [isManageOrders],
  init(signal, context) {
    const ticks = new Set<() => void>();
    everyMinute(signal, () => ticks.forEach((tick) => tick()));
    // One lookup per order while the page is open, however often the list re-renders its rows.
    const lookups = new Map<string, Promise<OrderLookup>>();
    const lookUp = (orderId: string) => {
      let lookup = lookups.get(orderId);
      if (!lookup) {
        lookup = context.requests.lookUpOrder(orderId);
        lookups.set(orderId, lookup);
        // A failed lookup is asked again by the next row that shows the order.
        lookup.catch(() => lookups.delete(orderId));
      }
      return lookup;
    };
    observeElements(
      buyerRequestMarker,
      (marker) => {
        const row = composedClosest(marker, orderRow);
        const orderId = row ? orderIdOfRow(row) : undefined;
        if (!row || !orderId || row.querySelector(HOST)) return;
        marker.after(noteFor(context, signal, orderId, ticks, lookUp));
      },
      { signal, ignore: ANY_HOST_SELECTOR },
    );
  },
};

featureRegistry.add(buyerRequestRows);

/*
Test URLs (fixtures in test/fixtures/seller-central/):
https://sellercentral.amazon.com/orders-v3/mfn/unshipped
*/
