/**
 * What zod's jitless mode (lib/zod.ts, required by MV3's CSP) costs on parse, beside zod's eval fast
 * path measured in the same run. zod picks the fast path per object schema when the schema is built,
 * so each mode runs in its own child process with a fresh module graph:
 *   tsx bench/zod-parse-speed.ts --mode jitless|jit   (prints one JSON line)
 * bench/run.ts calls zodParseSpeedFigures(), which runs the children in turns and compares them.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODES = ['jitless', 'jit'] as const;
type Mode = (typeof MODES)[number];

const WARM_UP_RUNS = 3;
const TIMED_RUNS = 7;
const SP_API_ORDERS = 1_000;
const STORED_ORDERS = 10_000;
const SETTINGS_READS = 10_000;

interface Workload {
  name: 'spApiOrders' | 'storedOrders' | 'settings';
  runOnce: () => void;
}

/** One child's answer: per-run milliseconds per workload, and how often Function was called. */
interface ModeResult {
  mode: Mode;
  functionCalls: number;
  runsMs: Record<Workload['name'], number[]>;
  pageSize: number;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Counts every call of the global Function: zod probes for eval with it and compiles its fast path
 * with it, so the count tells whether the measured mode really is the one it claims to be.
 */
function countFunctionCalls(): () => number {
  let calls = 0;
  const realFunction = globalThis.Function;
  globalThis.Function = new Proxy(realFunction, {
    apply: (target, self, args: unknown[]) => ((calls += 1), Reflect.apply(target, self, args)),
    construct: (target, args: unknown[]) => ((calls += 1), Reflect.construct(target, args)),
  });
  return () => calls;
}

/** searchOrders pages as the sandbox sends them (raw JSON), until `wanted` orders are collected. */
async function sandboxPages(wanted: number): Promise<{ pages: { orders: unknown[] }[]; pageSize: number }> {
  const { ManualClock } = await import('../lib/clock');
  const { createSandbox } = await import('../lib/sandbox');
  const { benchClient } = await import('./bench-client');
  const anchor = Date.parse('2026-11-20T12:00:00Z');
  const clock = new ManualClock(anchor);
  const sandbox = createSandbox({ clock, seed: 7, orderCount: Math.ceil(wanted * 1.6), anchorMs: anchor });
  const pages: { orders: unknown[] }[] = [];
  const client = benchClient(sandbox, clock, async (request) => {
    const response = await sandbox.fetch(request);
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object' && Array.isArray((body as { orders?: unknown }).orders)) {
      pages.push(body as { orders: unknown[] });
    }
    return response;
  });
  let nextToken: string | undefined;
  let collected = 0;
  do {
    const page = await client.searchOrders(
      nextToken
        ? { paginationToken: nextToken }
        : { createdAfter: new Date(anchor - 30 * 86_400_000).toISOString(), maxResultsPerPage: 100 },
    );
    collected += page.orders.length;
    nextToken = page.nextToken;
  } while (nextToken && collected < wanted);
  if (collected < wanted) throw new Error(`the sandbox gave ${collected} orders, ${wanted} wanted`);
  // Keep exactly `wanted` orders: whole pages, the last one cut.
  let left = wanted;
  const kept = pages.map((page) => {
    const orders = page.orders.slice(0, left);
    left -= orders.length;
    return { ...page, orders };
  });
  return { pages: kept.filter((page) => page.orders.length > 0), pageSize: pages[0]!.orders.length };
}

async function measure(mode: Mode): Promise<ModeResult> {
  const functionCalls = countFunctionCalls();
  // lib/zod.ts sets jitless as every extension context does; the baseline then switches it back off
  // before any schema module is evaluated, so its schemas get zod's compiled fast path.
  await import('../lib/zod');
  if (mode === 'jit') {
    // The eval baseline only: it undoes lib/zod.ts's jitless, which nothing shipped may do.
    // eslint-disable-next-line no-restricted-syntax
    const zod = await import('zod');
    zod.config({ jitless: false });
  }
  const { searchOrdersEnvelopeSchema, v2026OrderSchema } = await import('../lib/sp-api/schemas/orders');
  const { storedOrderProblem } = await import('../lib/store/stored-order-schema');
  const { settingsSchema, DEFAULT_SETTINGS } = await import('../lib/settings/settings-schema');
  const { syntheticOrder } = await import('./synthetic-orders');

  const { pages, pageSize } = await sandboxPages(SP_API_ORDERS);
  const nowMs = Date.parse('2026-11-20T12:00:00Z');
  const stored = Array.from({ length: STORED_ORDERS }, (_, i) => syntheticOrder(i, nowMs));
  // A settings record as storage gives it back: a plain copy, not the object the schema made.
  const storedSettings: unknown = JSON.parse(JSON.stringify(DEFAULT_SETTINGS));

  const workloads: Workload[] = [
    {
      name: 'spApiOrders',
      // What the client does with each page: the envelope, then every order on its own.
      runOnce: () => {
        for (const page of pages) {
          const envelope = searchOrdersEnvelopeSchema.parse(page);
          for (const raw of envelope.orders) {
            if (!v2026OrderSchema.safeParse(raw).success) throw new Error('a sandbox order did not parse');
          }
        }
      },
    },
    {
      name: 'storedOrders',
      // What each sync page and store batch does before writing: storedOrderProblem per order.
      runOnce: () => {
        for (const entry of stored) {
          const problem = storedOrderProblem(entry);
          if (problem) throw new Error(`a synthetic order is not storable: ${problem}`);
        }
      },
    },
    {
      name: 'settings',
      runOnce: () => {
        for (let i = 0; i < SETTINGS_READS; i++) settingsSchema.parse(storedSettings);
      },
    },
  ];
  const runsMs = { spApiOrders: [], storedOrders: [], settings: [] } as ModeResult['runsMs'];
  for (const workload of workloads) {
    for (let i = 0; i < WARM_UP_RUNS; i++) workload.runOnce();
    for (let i = 0; i < TIMED_RUNS; i++) {
      const started = performance.now();
      workload.runOnce();
      runsMs[workload.name].push(performance.now() - started);
    }
  }
  return { mode, functionCalls: functionCalls(), runsMs, pageSize };
}

const here = fileURLToPath(import.meta.url);

function runChild(mode: Mode): ModeResult {
  const tsx = resolve(here, '..', '..', 'node_modules', '.bin', 'tsx');
  const output = execFileSync(tsx, [here, '--mode', mode], { encoding: 'utf8', timeout: 120_000 });
  const last = output.trim().split('\n').at(-1)!;
  return JSON.parse(last) as ModeResult;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const runsText = (values: readonly number[]) => values.map((v) => v.toFixed(1)).join(', ');

/** Children per mode, taken in turns, so load from other work on the machine falls on both modes alike. */
const ROUNDS = 3;

/** Rows for npm run bench: each workload jitless as shipped beside the eval fast path, same run. */
export function zodParseSpeedFigures(): [string, string][] {
  const results: ModeResult[] = [];
  for (let round = 0; round < ROUNDS; round++) results.push(runChild('jitless'), runChild('jit'));
  const pooled = (mode: Mode): ModeResult => {
    const ofMode = results.filter((result) => result.mode === mode);
    return {
      mode,
      // The worst case of each: any Function call in a jitless child, or a baseline child without one.
      functionCalls: (mode === 'jitless' ? Math.max : Math.min)(
        ...ofMode.map((result) => result.functionCalls),
      ),
      pageSize: ofMode[0]!.pageSize,
      runsMs: {
        spApiOrders: ofMode.flatMap((result) => result.runsMs.spApiOrders),
        storedOrders: ofMode.flatMap((result) => result.runsMs.storedOrders),
        settings: ofMode.flatMap((result) => result.runsMs.settings),
      },
    };
  };
  const jitless = pooled('jitless');
  const jit = pooled('jit');
  const rows: [string, string][] = [];
  if (jitless.functionCalls !== 0) {
    rows.push([
      'zod parse speed',
      `not measured: jitless mode called Function ${jitless.functionCalls} times; check that lib/zod.ts sets jitless before any schema is built`,
    ]);
    return rows;
  }
  if (jit.functionCalls === 0) {
    rows.push([
      'zod parse speed',
      'not measured: the baseline never used the eval fast path (0 Function calls); check that the jit child turns jitless off before importing the schemas',
    ]);
    return rows;
  }
  const labels: Record<Workload['name'], string> = {
    spApiOrders: `Parse ${SP_API_ORDERS.toLocaleString('en-US')} SP-API orders (searchOrders pages of ${jitless.pageSize} from the sandbox, the client's schemas)`,
    storedOrders: `Check ${STORED_ORDERS.toLocaleString('en-US')} orders before storing them (storedOrderProblem, as each sync page does)`,
    settings: `Parse stored settings ${SETTINGS_READS.toLocaleString('en-US')} times`,
  };
  for (const name of ['spApiOrders', 'storedOrders', 'settings'] as const) {
    const slow = median(jitless.runsMs[name]);
    const fast = median(jit.runsMs[name]);
    rows.push([
      labels[name],
      `jitless as shipped ${ms(slow)}; zod's eval fast path (not allowed in MV3), same run: ${ms(fast)}; ` +
        `${(slow / fast).toFixed(2)}x (medians of ${TIMED_RUNS * ROUNDS} runs in ${ROUNDS} child processes per mode, taken in turns; jitless runs ${runsText(jitless.runsMs[name])}; ` +
        `eval runs ${runsText(jit.runsMs[name])}; Function calls ${jitless.functionCalls} / ${jit.functionCalls})`,
    ]);
  }
  return rows;
}

const modeIndex = process.argv.indexOf('--mode');
if (modeIndex >= 0) {
  const mode = process.argv[modeIndex + 1];
  if (!MODES.includes(mode as Mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
  console.log(JSON.stringify(await measure(mode as Mode)));
} else if (process.argv[1] && resolve(process.argv[1]) === here) {
  for (const [what, figure] of zodParseSpeedFigures()) console.log(`${what}: ${figure}`);
}
