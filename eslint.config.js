import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** An import of lib/<folder> (or a top-level folder) however it is written: relative or through the `@/` aliases. */
const folder = (path) => `^(?:(?:\\.\\./)+|[@~]{1,2}/)${path}(?:/|$)`;

// zod's values come from lib/zod.ts, which turns off its eval-based JIT before any schema is built;
// any entry point of the package (zod, zod/v4, zod/v4/classic, zod/mini…) would skip that.
const zodThroughLib = {
  regex: '^zod(?:/|$)',
  allowTypeImports: true,
  message: "Import z from lib/zod.ts: it configures zod without eval (MV3's CSP) before any schema is built.",
};

// lib is what the views and entrypoints are built on; importing back would tie it to one context's UI.
const libOnly = {
  regex: folder('(?:components|entrypoints)'),
  message: 'lib/ never imports components/ or entrypoints/: they build on lib, not the other way round.',
};
const libLayer = [libOnly, zodThroughLib];

// Pure rules take plain data and return plain data, so they run (and are tested) anywhere.
const domainLayer = [
  ...libLayer,
  {
    regex: '^(?:wxt|webextension-polyfill|@wxt-dev/webextension-polyfill)(?:/|$)',
    message: 'lib/domain is pure rules: no browser APIs (wxt/browser, wxt/utils/storage, the polyfill).',
  },
  { regex: '^idb$', message: 'lib/domain is pure rules: IndexedDB belongs to lib/store.' },
  {
    regex: folder('(?:lib/)?(?:store|storage|sp-api)'),
    message:
      'lib/domain is pure rules: no storage (lib/store, lib/storage) and no SP-API client (lib/sp-api).',
  },
  {
    regex: folder('(?:lib/)?(?:outbox|sync|background|sandbox)'),
    message:
      'lib/domain is the bottom layer: the outbox, the sync and the background build on it, not the reverse.',
  },
];

// The store holds what the outbox and the sync write; importing them back is the cycle issue 8 removed.
const storeLayer = [
  ...libLayer,
  {
    regex: folder('(?:lib/)?(?:outbox|sync|background|sandbox)'),
    message:
      'lib/store is below the outbox, the sync and the background: shared record schemas go in lib/domain.',
  },
];

// The content script runs on every Seller Central page: it stays small and talks to the background in messages.
const sellerCentralLayer = [
  ...libLayer,
  {
    regex: folder('(?:lib/)?(?:settings|sandbox|store)'),
    message:
      'lib/seller-central stays small: no settings, sandbox or store; ask the background in a message (lib/messaging.ts).',
  },
  {
    regex: folder('(?:lib/)?messaging'),
    // Its types are what the content script and the background agree on; its values are zod schemas.
    allowTypeImports: true,
    message: 'lib/seller-central takes only types from lib/messaging: its values are zod schemas.',
  },
];
const sellerCentralPaths = [
  {
    name: 'zod',
    // Types cost nothing in the bundle; zod's code would add its weight to every Seller Central page.
    allowTypeImports: true,
    message:
      'lib/seller-central stays small: no zod values (lib/messaging.ts parses messages in the background).',
  },
];

export default tseslint.config(
  { ignores: ['.output', '.output-test', '.wxt', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [zodThroughLib] }],
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Untrusted text: use textContent or React.' },
        { property: 'outerHTML', message: 'Untrusted text: use textContent or React.' },
        { property: 'insertAdjacentHTML', message: 'Untrusted text: build nodes instead.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Untrusted text: never dangerouslySetInnerHTML.',
        },
        {
          selector: 'ImportExpression[source.value=/^zod(\\/|$)/]',
          message:
            "Import z from lib/zod.ts: it configures zod without eval (MV3's CSP) before any schema is built.",
        },
      ],
    },
  },
  // Layers, one block per folder; a later block replaces the rule for its files, so each repeats the ones above it.
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: libLayer }],
    },
  },
  {
    files: ['lib/domain/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: domainLayer }],
    },
  },
  {
    files: ['lib/store/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: storeLayer }],
    },
  },
  {
    files: ['lib/seller-central/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: sellerCentralPaths, patterns: sellerCentralLayer },
      ],
    },
  },
  // The one place zod is configured; its import is what the rule above points everyone else to.
  {
    files: ['lib/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [libOnly] }],
    },
  },
);
