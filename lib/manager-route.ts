/** A dialog the manager opens on arrival, e.g. from Seller Central's "Cancel in order manager". */
export type ManagerAction = 'cancel' | 'accept-request' | 'decline-request' | 'show-request';

/** `show-request`: the requests view with that order's request in view and focused (a notification's click). */
const MANAGER_ACTIONS: readonly ManagerAction[] = [
  'cancel',
  'accept-request',
  'decline-request',
  'show-request',
];

export type ManagerTarget =
  { view: 'order'; orderId: string; action?: ManagerAction } | { view: 'quarantine' } | { view: 'requests' };

/** The manager's URL hash for a target ("#order=111-…", "#order=111-…&action=cancel", "#quarantine", "#requests"). */
export function managerHash(target?: ManagerTarget): string {
  if (!target) return '';
  if (target.view === 'quarantine') return '#quarantine';
  if (target.view === 'requests') return '#requests';
  const order = `#order=${encodeURIComponent(target.orderId)}`;
  return target.action ? `${order}&action=${target.action}` : order;
}

function isManagerAction(value: string | null): value is ManagerAction {
  return MANAGER_ACTIONS.some((action) => action === value);
}

export function parseManagerHash(hash: string): ManagerTarget | undefined {
  if (hash === '#quarantine') return { view: 'quarantine' };
  if (hash === '#requests') return { view: 'requests' };
  if (!hash.startsWith('#order=')) return undefined;
  const params = new URLSearchParams(hash.slice(1));
  const orderId = params.get('order');
  if (!orderId) return undefined;
  // Unknown actions are dropped: the hash can come from outside (a Seller Central page's link).
  const action = params.get('action');
  return isManagerAction(action) ? { view: 'order', orderId, action } : { view: 'order', orderId };
}
