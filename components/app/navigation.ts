import type { ManagerTarget } from '../../lib/manager-route';

export { managerHash, parseManagerHash } from '../../lib/manager-route';
export type { ManagerAction, ManagerTarget } from '../../lib/manager-route';

/** Where the views can send the seller; injected so tests need no browser tabs. */
export interface Navigation {
  openOptions(): void;
  /** Opens the full-tab order manager, optionally at an order or the quarantine list. */
  openManager(target?: ManagerTarget): void;
}
