/**
 * Import rules checked by `npm run check:cycles` (part of `npm test`). Cycles make a module's
 * meaning depend on load order and hide which layer owns a piece, so none are allowed, type-only
 * imports included. The per-folder layer rules live in eslint.config.js (`no-restricted-imports`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: move the shared piece to the module (or layer) both sides depend on.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports form cycles too: they tie the two modules' meanings together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^node_modules', '^\\.output', '^\\.wxt'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.cjs', '.json'],
    },
  },
};
