import { systemClock } from '../clock';
import { OUTBOX_CHANGED_CHANNEL } from '../outbox/outbox-channel';
import type { Sandbox } from '../sandbox';
import type { Settings } from '../settings/settings-schema';
import { loadSettings } from '../settings/settings-store';
import { createOrderDbCache } from '../store/order-db-cache';
import type { BackgroundJobDeps } from './jobs/background-job';
import { demoAnchorMs } from './demo-anchor';
import { createDemoSandbox } from './demo-sandbox';
import { connectionFor, type SpApiConnection } from './sp-api-connection';

/** The deps every job and handler shares, as the extension's worker has them. */
export function extensionBackgroundDeps(): BackgroundJobDeps {
  const clock = systemClock;
  // Built on first demo use; its data is anchored to the moment demo mode was first used.
  let sandbox: Promise<Sandbox> | undefined;
  const demoSandbox = () =>
    (sandbox ??= demoAnchorMs(clock.now()).then((anchorMs) => createDemoSandbox(clock, anchorMs)));

  // One client per settings value, so its access token and rate-limit buckets live across syncs.
  let cached: { key: string; connection: SpApiConnection } | undefined;
  const connection = (settings: Settings): SpApiConnection => {
    const key = JSON.stringify([settings.credentials, settings.endpointOverride]);
    if (cached?.key !== key) {
      cached = {
        key,
        connection: connectionFor(settings, {
          clock,
          fetch: (request) => fetch(request),
          demoTransport: () => async (request) => (await demoSandbox()).fetch(request),
        }),
      };
    }
    return cached.connection;
  };

  // One database per account (region + merchant token) and one for demo: two sellers' orders and
  // actions never share one. The outbox sends only what dbFor(settings) holds, with that account's token.
  const dbs = createOrderDbCache();
  // Views re-read action states when this channel speaks (same-origin BroadcastChannel).
  const outboxChannel = new BroadcastChannel(OUTBOX_CHANGED_CHANNEL);
  return {
    clock,
    loadSettings,
    connection,
    dbFor: dbs.forSettings,
    announceOutboxChange: () => outboxChannel.postMessage({ type: 'outbox-changed' }),
  };
}
