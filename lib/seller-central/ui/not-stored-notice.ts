import type { NotStoredReason, OrderSummary } from '../../messaging';
import type { FeatureContext } from '../feature-registry';
import { h } from './create-element';

export const NOT_SYNCED_TEXT =
  'This order is not in the order manager yet: it arrives with the next sync, or press Sync now.';
export const DEMO_TEXT =
  'The order manager is in demo mode, so it does not have your Seller Central orders. ' +
  'Connect your account in its Settings to cancel from the order manager.';
export const OTHER_ACCOUNT_TEXT =
  'This order belongs to another seller account than the one connected to the order manager.';
export const SYNCING_TEXT = 'Syncing…';
export const STILL_NOT_SYNCED_TEXT =
  'The sync has ended and this order is still not in the order manager. Amazon can take a few ' +
  'minutes to list a new order: try Sync now again shortly.';
export const NO_ANSWER_TEXT =
  'The order manager did not answer. Reload this page and try again; if it keeps happening, restart the browser.';

const TEXT: Record<NotStoredReason, string> = {
  'not-synced': NOT_SYNCED_TEXT,
  demo: DEMO_TEXT,
  'other-account': `${OTHER_ACCOUNT_TEXT} To work on it there, connect that account in the order manager's Settings.`,
};

export interface NotStoredOptions {
  readonly context: FeatureContext;
  readonly signal: AbortSignal;
  readonly orderId: string;
  /** A sync brought the order in: the feature shows its usual content for this summary. */
  readonly onStored: (summary: OrderSummary) => void;
}

/**
 * Fills `box` with why the manager does not have the order and the way on: Sync now (then the order
 * is checked again), Open the order manager, or Open Settings. Replaces whatever `box` held.
 */
export function showNotStored(box: HTMLElement, reason: NotStoredReason, options: NotStoredOptions): void {
  const { context, signal, orderId, onStored } = options;
  const failed = () => context.warn('open failed');
  const render = (why: NotStoredReason, status?: string, syncing = false) => {
    if (signal.aborted) return;
    const button = (label: string, act: () => void, primary = false) =>
      h('button', { className: primary ? 'primary' : '', attrs: { type: 'button' }, onClick: act }, label);
    box.replaceChildren(h('p', {}, TEXT[why]));
    if (status) box.append(h('p', { className: 'muted', attrs: { role: 'status' } }, status));
    if (!syncing)
      box.append(
        h(
          'div',
          { className: 'actions' },
          ...(why === 'not-synced'
            ? [
                button('Sync now', () => sync(why), true),
                button('Open the order manager', () => void context.requests.openManager().catch(failed)),
              ]
            : [button('Open Settings', () => void context.requests.openOptions().catch(failed), true)]),
        ),
      );
  };
  const sync = (why: NotStoredReason) => {
    render(why, SYNCING_TEXT, true);
    context.requests.syncOrder(orderId).then(
      (answer) => {
        if (signal.aborted) return;
        if (!answer.synced) render(why, answer.reason);
        else if (answer.lookup.stored) onStored(answer.lookup.summary);
        else
          render(
            answer.lookup.reason,
            answer.lookup.reason === 'not-synced' ? STILL_NOT_SYNCED_TEXT : undefined,
          );
      },
      () => render(why, NO_ANSWER_TEXT),
    );
  };
  render(reason);
}
