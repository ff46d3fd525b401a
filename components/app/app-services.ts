import type { ActionSource } from '../cancel/action-source';
import type { OrderQueryStore } from '../orders/order-query-store';
import type { OrderSource } from '../orders/order-source';
import type { RequestDecisions } from '../requests/request-decisions';
import type { SettingsSource } from '../settings/settings-source';
import type { SyncSource } from '../sync/sync-source';
import type { Navigation } from './navigation';

/** Everything the popup and manager read or ask for; tests pass in-memory ones. */
export interface AppServices {
  readonly orders: OrderSource;
  readonly sync: SyncSource;
  readonly settings: SettingsSource;
  readonly queryStore: OrderQueryStore;
  readonly navigation: Navigation;
  /** The outbox of seller actions (cancellations); the browser one wakes the background's sender. */
  readonly actions: ActionSource;
  /** Decline / undo decline of a buyer's request; the background's when absent. */
  readonly requestDecisions?: RequestDecisions;
}
