// Test builds only (see wxt.config.ts): lets `npm run bench` fill the real IndexedDB in Chromium.
import { openOrderDb, writeOrderBatch, countOrders, orderDbNameFor } from '../../lib/store';
import { loadSettings } from '../../lib/settings/settings-store';
import { syntheticOrder } from '../../bench/synthetic-orders';

async function storeSyntheticOrders(
  count: number,
  batchSize = 1000,
): Promise<{ ms: number; stored: number }> {
  // The database the popup shows for the current settings (demo mode in a fresh profile).
  const db = await openOrderDb(await orderDbNameFor(await loadSettings()));
  const now = Date.now();
  const started = performance.now();
  for (let start = 0; start < count; start += batchSize) {
    const orders = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) orders.push(syntheticOrder(i, now));
    await writeOrderBatch(db, { orders });
  }
  const ms = performance.now() - started;
  return { ms, stored: await countOrders(db) };
}

Object.assign(globalThis, { orderManagerBench: { storeSyntheticOrders } });
document.title = 'bench-ready';
