// Where Amazon's official SP-API models are, and which tests need them. Plain JS so that
// scripts/test-all.mjs and vitest.config.ts share one answer.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Amazon's models live beside the checkout (../shared/sp-api-models), not in the repo. */
export const MODELS_DIR = process.env.SP_API_MODELS_DIR
  ? path.resolve(process.env.SP_API_MODELS_DIR)
  : path.resolve(repoRoot, '../shared/sp-api-models');

/** Every test that reads the models sits here; nothing else may read them. */
export const MODEL_TESTS_DIR = 'test/contract/amazon-models';

export function modelsAvailable() {
  return existsSync(path.join(MODELS_DIR, 'orders_2026-01-01.json'));
}

export const MISSING_MODELS_MESSAGE =
  `Amazon's SP-API models were not found at ${MODELS_DIR}. Place Amazon's shared folder beside ` +
  'the checkout (../shared/sp-api-models) or set SP_API_MODELS_DIR to the folder of the models.';

/** The test files that need the models, relative to the repository root. */
export function modelTestFiles() {
  const dir = path.join(repoRoot, MODEL_TESTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => `${MODEL_TESTS_DIR}/${name}`);
}

/** Whether this is a CI run (CI set to anything but empty, 0 or false), where the models must be. */
export function inCi() {
  const ci = (process.env.CI ?? '').trim().toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}

/** The models' folder, or an error that says where to put them. */
export function requireModelsDir() {
  if (!modelsAvailable()) throw new Error(MISSING_MODELS_MESSAGE);
  return MODELS_DIR;
}
