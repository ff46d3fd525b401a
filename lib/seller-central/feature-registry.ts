import type { AnchorReport, SellerCentralFeature } from '../domain/seller-central-health';
import type { OrderLookup, ResponseOf } from '../messaging';
import type { PagePredicate } from './pages';
import type { ManagerAction } from '../manager-route';

/** Names of injected features; each host element carries one as `data-order-manager`. */
export type FeatureId = SellerCentralFeature;

/** The only things a content script may ask of the background. */
export interface SellerCentralRequests {
  /** The manager's summary of the order, or why the manager does not have it. */
  lookUpOrder(orderId: string): Promise<OrderLookup>;
  /** Syncs now and looks the order up again once the sync has ended (or says why it could not start). */
  syncOrder(orderId: string): Promise<ResponseOf<'sync-order'>>;
  /** Opens the manager, on the order when one is given. */
  openManager(orderId?: string, action?: ManagerAction): Promise<void>;
  /** Opens the manager's buyer cancellation requests view. */
  openRequests(): Promise<void>;
  openOptions(): Promise<void>;
  /** Records whether a feature found its anchor, for the options page's "Seller Central changed". */
  reportAnchor(report: AnchorReport): Promise<void>;
}

export interface FeatureContext {
  readonly url: URL;
  readonly document: Document;
  readonly requests: SellerCentralRequests;
  /** Asks the seller; synchronous because a click has to be let through or blocked at once. */
  readonly confirm: (message: string) => boolean;
  /** A short warning; never page content or order data beyond an id. */
  readonly warn: (message: string) => void;
  /** How long a feature waits for its anchor before reporting it missing. */
  readonly anchorWaitMs: number;
}

export interface Feature {
  readonly id: FeatureId;
  /** The feature runs when any of these match the page URL. */
  readonly include: readonly PagePredicate[];
  /** Everything it adds (hosts, listeners, observers) must go when `signal` aborts. */
  init(signal: AbortSignal, context: FeatureContext): void | Promise<void>;
}

export class FeatureRegistry {
  private readonly features = new Map<FeatureId, Feature>();

  /** Registers a feature; adding the same id again replaces it. */
  add(feature: Feature): void {
    this.features.set(feature.id, feature);
  }

  list(): Feature[] {
    return [...this.features.values()];
  }

  matching(url: URL): Feature[] {
    return this.list().filter((feature) =>
      feature.include.some((predicate) => safePredicate(predicate, url)),
    );
  }
}

/** Features register themselves here when their module is imported (see register-features.ts). */
export const featureRegistry = new FeatureRegistry();

function safePredicate(predicate: PagePredicate, url: URL): boolean {
  try {
    return predicate(url);
  } catch {
    return false;
  }
}

/** Runs each feature under the signal; one failing feature never stops the others or the page. */
export async function runFeatures(
  features: readonly Feature[],
  signal: AbortSignal,
  context: FeatureContext,
): Promise<void> {
  await Promise.all(
    features.map(async (feature) => {
      if (signal.aborted) return;
      try {
        await feature.init(signal, context);
      } catch (error) {
        if (!signal.aborted) context.warn(`${feature.id} failed (${errorName(error)})`);
      }
    }),
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
