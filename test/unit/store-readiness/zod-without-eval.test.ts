import { afterEach, describe, expect, it, vi } from 'vitest';

// MV3's CSP forbids eval, and Mozilla's reviewers flag it: the extension's schemas must never reach
// `Function`, neither when they are built (zod probes for eval then) nor when they parse.
describe('zod through lib/zod.ts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('builds and parses the SP-API order schemas without calling Function', async () => {
    vi.resetModules();
    const realFunction = globalThis.Function;
    const calls: unknown[][] = [];
    vi.stubGlobal(
      'Function',
      new Proxy(realFunction, {
        apply: (target, self, args: unknown[]) => (calls.push(args), Reflect.apply(target, self, args)),
        construct: (target, args: unknown[]) => (calls.push(args), Reflect.construct(target, args)),
      }),
    );
    const { z } = await import('../../../lib/zod');
    const { settingsSchema } = await import('../../../lib/settings/settings-schema');
    const { searchOrdersResponseSchema } = await import('../../../lib/sp-api/schemas/orders');
    const shape = z.object({
      id: z.string(),
      lines: z.array(z.object({ sku: z.string(), units: z.number() })),
    });
    for (let i = 0; i < 50; i++) {
      shape.parse({ id: `o-${i}`, lines: [{ sku: 'A', units: 1 }] });
      expect(settingsSchema.safeParse({}).success).toBe(true);
      searchOrdersResponseSchema.safeParse({ orders: [{ orderId: '114-0000000-0000000' }] });
    }
    expect(calls).toEqual([]);
  });
});
