/** Where the views can send the seller; injected so tests need no browser tabs. */
export interface Navigation {
  openOptions(): void;
  /** Opens the full-tab order manager, optionally at an order or the quarantine list. */
  openManager(target?: ManagerTarget): void;
}

export type ManagerTarget = { view: 'order'; orderId: string } | { view: 'quarantine' };

/** The manager's URL hash for a target ("#order=111-…", "#quarantine"). */
export function managerHash(target?: ManagerTarget): string {
  if (!target) return '';
  return target.view === 'order' ? `#order=${encodeURIComponent(target.orderId)}` : '#quarantine';
}

export function parseManagerHash(hash: string): ManagerTarget | undefined {
  if (hash === '#quarantine') return { view: 'quarantine' };
  const match = /^#order=(.+)$/.exec(hash);
  return match?.[1] ? { view: 'order', orderId: decodeURIComponent(match[1]) } : undefined;
}
