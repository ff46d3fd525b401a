import { browser } from 'wxt/browser';
import { managerHash, type Navigation } from './navigation';

export function browserNavigation(): Navigation {
  return {
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    openManager(target) {
      void browser.tabs.create({ url: browser.runtime.getURL('/manager.html') + managerHash(target) });
    },
  };
}
