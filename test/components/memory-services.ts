import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../lib/settings/settings-schema';
import type { RequestDecisions } from '../../components/requests/request-decisions';
import type { SyncStatus } from '../../lib/sync/sync-status';
import type { AppServices } from '../../components/app/app-services';
import type { ManagerTarget, Navigation } from '../../components/app/navigation';
import { MemoryActionSource } from '../../components/cancel/memory-action-source';
import { MemoryOrderSource } from '../../components/orders/memory-order-source';
import { memoryOrderQueryStore } from '../../components/orders/order-query-store';
import type { SettingsSource, TestConnectionResult } from '../../components/settings/settings-source';
import type { SyncSource } from '../../components/sync/sync-source';

export class MemorySyncSource implements SyncSource {
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  readonly syncNow = vi.fn(async () => ({ started: true }));
  constructor(public status: SyncStatus) {}
  async load() {
    return this.status;
  }
  subscribe(listener: (status: SyncStatus) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  push(status: SyncStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

export class MemorySettingsSource implements SettingsSource {
  readonly saved: Partial<Settings>[] = [];
  testResult: TestConnectionResult = { ok: true, message: 'Marketplaces: Amazon.com' };
  readonly testConnection = vi.fn(async () => this.testResult);
  constructor(public settings: Settings = DEFAULT_SETTINGS) {}
  async load() {
    return this.settings;
  }
  async save(patch: Partial<Settings>) {
    this.saved.push(patch);
    this.settings = settingsSchema.parse({ ...this.settings, ...patch });
    return this.settings;
  }
}

export function memoryNavigation() {
  return {
    openOptions: vi.fn<() => void>(),
    openManager: vi.fn<(target?: ManagerTarget) => void>(),
  } satisfies Navigation;
}

export function memoryServices(parts: Partial<AppServices> = {}): AppServices & {
  navigation: ReturnType<typeof memoryNavigation>;
} {
  const orders = parts.orders ?? new MemoryOrderSource([]);
  return {
    orders,
    sync: new MemorySyncSource({ running: false, demo: false }),
    settings: new MemorySettingsSource(),
    queryStore: memoryOrderQueryStore(),
    // Cancels are checked against the same orders the views show.
    actions: new MemoryActionSource([], { orders }),
    ...parts,
    navigation: memoryNavigation(),
  };
}

/** Declines recorded on the memory order source, as the background writes them; `failNext` refuses once. */
export function memoryRequestDecisions(orders: MemoryOrderSource, now = () => new Date().toISOString()) {
  const decisions = {
    failNext: undefined as string | undefined,
    decline: vi.fn(async (orderId: string, memo: string) => {
      if (decisions.failNext) {
        const message = decisions.failNext;
        decisions.failNext = undefined;
        throw new Error(message);
      }
      orders.update(orderId, (order) => ({
        ...order,
        buyerCancelRequest: order.buyerCancelRequest && {
          ...order.buyerCancelRequest,
          declined: { at: now(), memo },
        },
      }));
    }),
    undoDecline: vi.fn(async (orderId: string) => {
      orders.update(orderId, (order) => {
        if (!order.buyerCancelRequest) return order;
        const { declined: _declined, ...request } = order.buyerCancelRequest;
        return { ...order, buyerCancelRequest: request };
      });
    }),
  };
  return decisions satisfies RequestDecisions;
}
