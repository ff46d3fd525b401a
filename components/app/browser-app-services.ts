import { indexedDbActionSource } from '../cancel/indexeddb-action-source';
import { indexedDbOrderSource } from '../orders/indexeddb-order-source';
import { browserOrderQueryStore } from '../orders/order-query-store';
import { browserSettingsSource } from '../settings/browser-settings-source';
import { browserSyncSource } from '../sync/browser-sync-source';
import type { AppServices } from './app-services';
import { browserNavigation } from './browser-navigation';

export function browserAppServices(): AppServices {
  return {
    orders: indexedDbOrderSource(),
    sync: browserSyncSource(),
    settings: browserSettingsSource(),
    queryStore: browserOrderQueryStore(),
    navigation: browserNavigation(),
    actions: indexedDbActionSource(),
  };
}
