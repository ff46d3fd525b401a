import type { CancelRequest } from '../../lib/domain/cancel-request';
import type { CancelAction } from '../../lib/domain/outbox-action';
import { buildCancelAction, repeatedCancelRequest } from '../../lib/outbox/build-cancel-action';
import type { OrderSource } from '../orders/order-source';
import type { ActionSource } from './action-source';

export interface MemoryActionSourceOptions {
  /** Where queued cancels find their order and lines; without it every cancel is refused as unknown. */
  readonly orders?: Pick<OrderSource, 'withItems'>;
  readonly now?: () => string;
}

/**
 * An ActionSource over an array: for component tests and previews without IndexedDB. Cancels are
 * checked and built by the outbox's own buildCancelAction, so a rule changed there shows here.
 */
export class MemoryActionSource implements ActionSource {
  private readonly listeners = new Set<() => void>();
  /** The actions enqueueCancel queued, oldest first. */
  readonly enqueued: CancelAction[] = [];
  readonly retried: string[] = [];
  /** The failed actions replaced by an edited cancellation, with what replaced them. */
  readonly replaced: { failedActionId: string; replacement: CancelAction }[] = [];
  readonly resolved: { actionId: string; verdict: 'done' | 'failed' }[] = [];
  readonly sentAgain: string[] = [];
  readonly ordersRead: string[] = [];
  /** What reading an order from Amazon does (by default nothing); a rejection is the background's refusal. */
  readOrder: (orderId: string) => Promise<void> = async () => undefined;
  /** When set, the next enqueueCancel rejects with this message, as the extension's source does for a missing merchant token. */
  rejectNext?: string;
  private sequence = 0;
  private readonly orders: Pick<OrderSource, 'withItems'> | undefined;
  private readonly now: () => string;

  constructor(
    private actions: CancelAction[] = [],
    options: MemoryActionSourceOptions = {},
  ) {
    this.orders = options.orders;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  async forOrder(orderId: string): Promise<CancelAction[]> {
    return newestFirst(this.actions.filter((action) => action.orderId === orderId));
  }

  async all(): Promise<CancelAction[]> {
    return newestFirst(this.actions);
  }

  async enqueueCancel(request: CancelRequest): Promise<CancelAction> {
    if (this.rejectNext) {
      const message = this.rejectNext;
      this.rejectNext = undefined;
      throw new Error(message);
    }
    const id = request.id ?? `memory-${++this.sequence}`;
    const existing = this.actions.find((action) => action.id === id);
    if (existing) return repeatedCancelRequest(existing, request);
    const stored = await this.orders?.withItems(request.orderId);
    const action = buildCancelAction(
      request,
      {
        order: stored?.order,
        items: stored?.items ?? [],
        actions: this.actions.filter((a) => a.orderId === request.orderId),
      },
      { id, now: this.now() },
    );
    this.enqueued.push(action);
    this.actions = [...this.actions, action];
    this.notify();
    return action;
  }

  async replace(failedActionId: string, request: CancelRequest): Promise<CancelAction> {
    const failed = this.actions.find((action) => action.id === failedActionId);
    if (failed?.status !== 'failed' || failed.replacedBy) {
      throw new Error('Only a failed cancellation can be edited: this one may still reach Amazon');
    }
    const id = request.id ?? `memory-${++this.sequence}`;
    const stored = await this.orders?.withItems(request.orderId);
    const built = buildCancelAction(
      request,
      {
        order: stored?.order,
        items: stored?.items ?? [],
        actions: this.actions.filter((a) => a.orderId === request.orderId && a.id !== failedActionId),
      },
      { id, now: this.now() },
    );
    const replacement: CancelAction = { ...built, replaces: failedActionId };
    // As replaceFailedCancel does in one transaction: both change together.
    this.actions = [
      ...this.actions.map((action) =>
        action.id === failedActionId ? { ...action, replacedBy: id, updatedAt: this.now() } : action,
      ),
      replacement,
    ];
    this.replaced.push({ failedActionId, replacement });
    this.notify();
    return replacement;
  }

  async retry(actionId: string): Promise<void> {
    this.retried.push(actionId);
    this.update(actionId, { status: 'pending', resultText: undefined });
  }

  async resolveReview(actionId: string, verdict: 'done' | 'failed'): Promise<void> {
    this.resolved.push({ actionId, verdict });
    this.update(actionId, {
      status: verdict,
      resultText:
        verdict === 'done' ? 'Confirmed cancelled by the seller after review' : 'Marked not cancelled',
    });
  }

  async sendAgain(actionId: string): Promise<void> {
    const action = this.actions.find((a) => a.id === actionId);
    if (action?.status !== 'needs-review' || !action.sendAgainAllowed) {
      throw new Error(
        'This cancellation cannot be sent again: a feed of the order manager may still be on its way at Amazon',
      );
    }
    this.sentAgain.push(actionId);
    this.update(actionId, { status: 'pending', resultText: undefined, sendAgainAllowed: undefined });
  }

  async readOrderFromAmazon(orderId: string): Promise<void> {
    this.ordersRead.push(orderId);
    await this.readOrder(orderId);
  }

  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  }

  /** Changes one action and tells subscribers, as the background's sender would. */
  update(actionId: string, patch: Partial<CancelAction>): void {
    this.actions = this.actions.map((action) =>
      action.id === actionId ? { ...action, ...patch, updatedAt: this.now() } : action,
    );
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function newestFirst(actions: readonly CancelAction[]): CancelAction[] {
  return [...actions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
