import type { SandboxResponseRecord } from '../../lib/sandbox';
import { OPERATIONS } from '../../lib/sp-api/usage-plans';
import { createModelValidator, type ModelValidator } from './model-validator';
import { modelsAvailable } from './models-location.mjs';

/** Faults that break a response on purpose; those bodies are meant to fail the models. */
const DELIBERATELY_BROKEN = new Set(['schema-break', 'unknown-enum', 'malformed-json']);

/**
 * Checks every response a sandbox gives against the official model of its operation, so that any
 * test driving the sandbox also proves its responses would pass as Amazon's. In a clone without
 * Amazon's models the check is not applied (scripts/test-all.mjs lists it as not run); the
 * contract tests in test/contract/amazon-models still cover every operation where they are.
 */
export function createResponseCheck() {
  const validators = new Map<string, ModelValidator>();
  const violations: string[] = [];
  const applied = modelsAvailable();
  let checked = 0;
  return {
    onResponse(record: SandboxResponseRecord): void {
      if (!applied) return;
      if (record.fault && DELIBERATELY_BROKEN.has(record.fault)) return;
      const model = OPERATIONS.find((o) => o.operation === record.operation)?.model;
      if (!model) {
        violations.push(`${record.operation}: no model known for this operation`);
        return;
      }
      let validator = validators.get(model);
      if (!validator) validators.set(model, (validator = createModelValidator(model)));
      if (!validator.hasSchema(record.operation, record.status)) {
        if (record.body !== undefined) {
          violations.push(
            `${record.operation} ${record.status}: the model declares no body, but one was sent`,
          );
        }
        return;
      }
      checked += 1;
      for (const error of validator.validateResponse(record.operation, record.status, record.body)) {
        violations.push(`${record.operation} ${record.status}: ${error}`);
      }
    },
    /** Problems found so far (empty when every response conformed). */
    violations: () => [...violations],
    checked: () => checked,
    /** False where Amazon's models are absent, so nothing was checked. */
    applied: () => applied,
  };
}
