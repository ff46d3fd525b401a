/**
 * Node-only: serves the sandbox over HTTP with @hono/node-server (control routes on). Kept apart
 * from lib/sandbox/index.ts so the extension bundle never pulls in Node modules.
 */
import { serve, type HttpBindings } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { ManualClock, systemClock, type Clock } from '../clock';
import {
  createSandbox,
  SandboxConnectionDropped,
  type FeedTiming,
  type ReportTiming,
  type Sandbox,
  type SandboxOptions,
} from './index';
import { matchOperation } from '../sp-api/usage-plans';

export interface SandboxServerOptions {
  port?: number;
  seed?: number;
  orders?: number;
  manualClock?: boolean;
  host?: string;
  /** Origin put into report document URLs (default: the request's own origin). */
  documentOrigin?: string;
  enforceRateLimits?: boolean;
  /** Start time of a manual clock (default: now). */
  startMs?: number;
  /** Sees every SP-API response (see SandboxOptions.onResponse). */
  onResponse?: SandboxOptions['onResponse'];
  /** Report queue and processing times; end-to-end tests shorten Amazon's minutes to seconds. */
  reportTiming?: ReportTiming;
  /** Feed queue and processing times; end-to-end tests shorten them the same way. */
  feedTiming?: FeedTiming;
  /** Buyers ask to cancel as the clock advances (off unless given; see SandboxOptions). */
  buyerCancellationRequests?: SandboxOptions['buyerCancellationRequests'];
}

export interface SandboxServer {
  url: string;
  close(): Promise<void>;
  sandbox: Sandbox;
  clock: Clock;
}

/** How long a connection dropped before the sandbox saw it keeps dropping that operation. */
const OUTAGE_MS = 2_000;

export function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const outages = new Map<string, number>();
  const clock: Clock = options.manualClock ? new ManualClock(options.startMs ?? Date.now()) : systemClock;
  const sandbox = createSandbox({
    clock,
    seed: options.seed ?? 1,
    orderCount: options.orders ?? 300,
    control: true,
    documentOrigin: options.documentOrigin,
    enforceRateLimits: options.enforceRateLimits ?? true,
    reportTiming: options.reportTiming,
    onResponse: options.onResponse,
    feedTiming: options.feedTiming,
    buyerCancellationRequests: options.buyerCancellationRequests,
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: async (request, env) => {
          const { incoming } = env as HttpBindings;
          const operation = matchOperation(request.method, new URL(request.url).pathname)?.operation;
          // A request that never reaches Amazon: a browser's resend of it on a new connection (it
          // resends when a kept-alive connection closes unanswered) is lost the same way.
          if (operation && (outages.get(operation) ?? 0) > Date.now()) {
            incoming.socket.destroy();
            return new Response(null, { status: 502 });
          }
          try {
            return await sandbox.fetch(request);
          } catch (error) {
            if (!(error instanceof SandboxConnectionDropped)) throw error;
            if (error.phase === 'before') outages.set(error.operation, Date.now() + OUTAGE_MS);
            if (error.phase === 'after') {
              // The answer begins, then the connection is cut: no browser resends after that.
              // Written on the socket itself, so the server framework never sends a second answer.
              const partial =
                'HTTP/1.1 202 Accepted\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n{"feedId":';
              incoming.socket.write(partial, () => incoming.socket.destroy());
              return new Response(null, { status: 502 });
            }
            // 'before' and 'unanswered': cut the TCP connection with no answer at all.
            incoming.socket.destroy();
            return new Response(null, { status: 502 });
          }
        },
        port: options.port ?? 8787,
        hostname: host,
      },
      (info: AddressInfo) => {
        const shownHost = host.includes(':') ? `[${host}]` : host;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          sandbox,
          clock,
          close: () =>
            new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
        });
      },
    );
    server.once('error', reject);
  });
}
