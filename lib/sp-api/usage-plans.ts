/**
 * Default usage plans (token buckets) from the "Usage Plan" tables of Amazon's official models in
 * ../shared/sp-api-models, read from the one operation table (operations.ts). The client seeds its
 * limiter from these and the sandbox enforces them.
 */
import { operationSpec, type OperationName, type UsagePlan } from './operations';

export {
  matchOperation,
  OPERATIONS,
  type OperationName,
  type OperationSpec,
  type UsagePlan,
} from './operations';

export function usagePlanOf(operation: OperationName): UsagePlan {
  const { rate, burst } = operationSpec(operation);
  return { rate, burst };
}
