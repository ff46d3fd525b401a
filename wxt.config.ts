import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { parseStoreListing } from './scripts/store-listing';
import { apiHostPermissions } from './lib/sp-api/hosts';

// A test build (ORDER_MANAGER_TEST_BUILD=1) may reach the local SP-API sandbox; the store build may not.
const testBuild = process.env.ORDER_MANAGER_TEST_BUILD === '1';

export default defineConfig({
  hooks: {
    // The benchmark page only ships in test builds.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (testBuild) return;
      const index = entrypoints.findIndex((e) => e.name === 'bench');
      if (index >= 0) entrypoints.splice(index, 1);
    },
    // The content script needs only runtime.sendMessage, promise-based natively in Chrome MV3 and
    // Firefox: WXT's own browser shim instead of webextension-polyfill keeps ~3 KB gzip off every
    // Seller Central page (README "Performance").
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [native, ...alias]
          : [native, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }))],
      };
    },
  },
  // The endpoint policy (lib/sp-api/endpoints.ts) lets only the test build use the local sandbox.
  vite: () => ({ define: { __ORDER_MANAGER_TEST_BUILD__: JSON.stringify(testBuild) } }),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDir: testBuild ? '.output-test' : '.output',
  // The sources zip Firefox's reviewers rebuild from: the tracked sources, not what a test run leaves.
  zip: {
    excludeSources: [
      'test-results/**',
      '.bench-results/**',
      '.output-test/**',
      '**/*.log',
      '.env*',
      '.ci/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'Order Manager for Seller Central',
    // One text for the manifest and both stores' listings (npm run store-assets), at most 132 characters.
    description: parseStoreListing(readFileSync(new URL('./store/listing.md', import.meta.url), 'utf8'))
      .short,
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    // SP-API, LWA and Amazon's report/feed document hosts; one list with the endpoint policy. Seller
    // Central is not here: the content script's own `matches` let it run there, and the background
    // never requests Seller Central pages (with the seller's cookies), so it does not ask to.
    host_permissions: apiHostPermissions(testBuild),
    // The toolbar icon; WXT lists public/icon/<size>.png as the extension's icons by itself.
    action: {
      default_title: 'Order Manager',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    // Firefox needs a stable id for storage and for MV3 host permissions; Chrome warns on the key.
    // Firefox 140 is the first with the built-in data consent that data_collection_permissions declares.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'order-manager@seller-tools.invalid',
              strict_min_version: '140.0',
              // Mozilla counts anything handled outside the add-on: the SP-API app's credentials go to
              // Login with Amazon, and the seller's order actions to the SP-API. Only to Amazon, never to
              // us or anyone else (PRIVACY.md, README "Permissions").
              data_collection_permissions: { required: ['authenticationInfo', 'financialAndPaymentInfo'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
