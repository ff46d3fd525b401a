/** A dialog the manager opens on arrival, e.g. from Seller Central's "Cancel in order manager". */
export type ManagerAction = 'cancel';

export type ManagerTarget =
  { view: 'order'; orderId: string; action?: ManagerAction } | { view: 'quarantine' };

/** The manager's URL hash for a target ("#order=111-…", "#order=111-…&action=cancel", "#quarantine"). */
export function managerHash(target?: ManagerTarget): string {
  if (!target) return '';
  if (target.view === 'quarantine') return '#quarantine';
  const order = `#order=${encodeURIComponent(target.orderId)}`;
  return target.action ? `${order}&action=${target.action}` : order;
}

export function parseManagerHash(hash: string): ManagerTarget | undefined {
  if (hash === '#quarantine') return { view: 'quarantine' };
  if (!hash.startsWith('#order=')) return undefined;
  const params = new URLSearchParams(hash.slice(1));
  const orderId = params.get('order');
  if (!orderId) return undefined;
  // Unknown actions are dropped: the hash can come from outside (a Seller Central page's link).
  return params.get('action') === 'cancel'
    ? { view: 'order', orderId, action: 'cancel' }
    : { view: 'order', orderId };
}
