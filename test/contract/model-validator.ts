/**
 * Validates response bodies against the response schemas declared in Amazon's Swagger 2.0 models
 * (../shared/sp-api-models beside the checkout, or SP_API_MODELS_DIR), with ajv. Without the
 * models it throws a message that says where to put them.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requireModelsDir } from './models-location.mjs';

type Operation = { operationId?: string; responses?: Record<string, { schema?: unknown }> };
type Model = { paths: Record<string, Record<string, Operation>>; definitions: Record<string, unknown> };

export interface ModelValidator {
  /** Errors as readable strings; empty when the body conforms. */
  validateResponse(operationId: string, status: number, body: unknown): string[];
  /** Whether the model declares a schema for that operation and status. */
  hasSchema(operationId: string, status: number): boolean;
}

export function createModelValidator(modelFile: string): ModelValidator {
  const model = JSON.parse(readFileSync(path.join(requireModelsDir(), modelFile), 'utf8')) as Model;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'model', definitions: model.definitions });
  const operations = new Map<string, Operation>();
  for (const methods of Object.values(model.paths)) {
    for (const op of Object.values(methods))
      if (op && typeof op === 'object' && op.operationId) operations.set(op.operationId, op);
  }
  const cache = new Map<string, ValidateFunction | null>();
  const validatorFor = (operationId: string, status: number): ValidateFunction | null => {
    const key = `${operationId}:${status}`;
    if (!cache.has(key)) {
      const schema = operations.get(operationId)?.responses?.[String(status)]?.schema;
      const rewritten = schema
        ? JSON.parse(JSON.stringify(schema).replace(/"#\/definitions\//g, '"model#/definitions/'))
        : null;
      cache.set(key, rewritten ? ajv.compile(rewritten as object) : null);
    }
    return cache.get(key)!;
  };
  return {
    hasSchema: (operationId, status) => validatorFor(operationId, status) !== null,
    validateResponse(operationId, status, body) {
      if (!operations.has(operationId)) return [`${modelFile} has no operation ${operationId}`];
      const validate = validatorFor(operationId, status);
      if (!validate) return [`${operationId} declares no schema for status ${status}`];
      if (validate(body)) return [];
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
    },
  };
}
