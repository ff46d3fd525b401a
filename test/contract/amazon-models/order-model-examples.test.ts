import { readFileSync } from 'node:fs';
import path from 'node:path';
import { searchOrdersResponseSchema } from '../../../lib/sp-api/schemas/orders';
import { requireModelsDir } from '../models-location.mjs';

type OrdersModel = {
  paths: Record<string, { get: { responses: Record<string, { 'x-amzn-api-sandbox'?: unknown }> } }>;
};

describe('v2026 order schema against the official model', () => {
  it("accepts the model's own sandbox examples", () => {
    const orders = JSON.parse(
      readFileSync(path.join(requireModelsDir(), 'orders_2026-01-01.json'), 'utf8'),
    ) as OrdersModel;
    const examples = orders.paths['/orders/2026-01-01/orders']!.get.responses['200']![
      'x-amzn-api-sandbox'
    ] as {
      static: { response: unknown }[];
    };
    expect(examples.static.length).toBeGreaterThan(0);
    for (const example of examples.static) {
      expect(searchOrdersResponseSchema.safeParse(example.response).success).toBe(true);
    }
  });
});
