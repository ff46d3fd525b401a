import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import {
  MISSING_MODELS_MESSAGE,
  MODEL_TESTS_DIR,
  inCi,
  modelsAvailable,
  modelTestFiles,
} from './test/contract/models-location.mjs';

// Tests that read Amazon's models run wherever the models are. A clone without them leaves those
// files out and names them; CI (CI set) keeps them in, so they fail saying where the models belong.
const leaveOutModelTests = !modelsAvailable() && !inCi();
if (leaveOutModelTests) {
  console.warn(
    `${MISSING_MODELS_MESSAGE}\nNot run (they need the models):\n` +
      modelTestFiles()
        .map((file) => `  - ${file}`)
        .join('\n') +
      "\nNot applied: the check of every sandbox response against Amazon's models (test/unit/sync, e2e).",
  );
}

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['test/unit/**/*.test.ts', 'test/components/**/*.test.tsx', 'test/contract/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(leaveOutModelTests ? [`${MODEL_TESTS_DIR}/**`] : [])],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
  },
});
