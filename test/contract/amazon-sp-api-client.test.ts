/**
 * The independent `amazon-sp-api` client against the sandbox. The client only speaks HTTPS to
 * Amazon host names, so an https.Agent routes every connection to a local TLS listener (cert made
 * with openssl at test time, trusted through the agent's `ca` only) that forwards to the sandbox.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { SellingPartner } from 'amazon-sp-api';
import type { ManualClock } from '../../lib/clock';
import { SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { startSandboxServer, type SandboxServer } from '../../lib/sandbox/node-server';

const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
const DOCUMENT_HOST = 'tortuga-prod-na.s3-external-1.amazonaws.com';
const HOSTS = ['api.amazon.com', 'sellingpartnerapi-na.amazon.com', DOCUMENT_HOST];

let server: SandboxServer;
let relay: tls.Server;
let agent: https.Agent;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sandbox-tls-'));
  const config = [
    '[req]',
    'distinguished_name=dn',
    'x509_extensions=ext',
    'prompt=no',
    '[dn]',
    'CN=sandbox.local',
    '[ext]',
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=digitalSignature,keyEncipherment,keyCertSign',
    'extendedKeyUsage=serverAuth',
    `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
  ].join('\n');
  writeFileSync(path.join(tmp, 'openssl.cnf'), config);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      path.join(tmp, 'key.pem'),
      '-out',
      path.join(tmp, 'cert.pem'),
      '-config',
      path.join(tmp, 'openssl.cnf'),
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(path.join(tmp, 'key.pem'));
  const cert = readFileSync(path.join(tmp, 'cert.pem'));

  server = await startSandboxServer({
    port: 0,
    manualClock: true,
    startMs: ANCHOR,
    orders: 500,
    documentOrigin: `https://${DOCUMENT_HOST}`,
  });
  const target = new URL(server.url);
  relay = tls.createServer({ key, cert }, (socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayPort = (relay.address() as net.AddressInfo).port;
  agent = new https.Agent({ ca: cert });
  // Every Amazon host name resolves to the local relay; TLS still verifies the name against the cert.
  agent.createConnection = (options: tls.ConnectionOptions) =>
    tls.connect({
      ...options,
      host: '127.0.0.1',
      port: relayPort,
      servername: options.servername ?? String(options.host),
      ca: cert,
    });
});

afterAll(async () => {
  agent?.destroy();
  await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function client() {
  return new SellingPartner({
    region: 'na',
    refresh_token: SANDBOX_CREDENTIALS.refreshToken,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: SANDBOX_CREDENTIALS.clientId,
      SELLING_PARTNER_APP_CLIENT_SECRET: SANDBOX_CREDENTIALS.clientSecret,
    },
    options: { https_proxy_agent: agent, auto_request_throttled: false },
  });
}

describe('amazon-sp-api client against the sandbox', () => {
  it('exchanges the refresh token and pages through searchOrders v2026-01-01', async () => {
    const sp = client();
    await sp.refreshAccessToken();
    expect(server.sandbox.stats().other.lwaToken).toBeGreaterThanOrEqual(1);
    const ids: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const res = (await sp.callAPI({
        operation: 'searchOrders',
        endpoint: 'orders',
        query: {
          createdAfter: new Date(ANCHOR - 10 * 86_400_000).toISOString(),
          maxResultsPerPage: 40,
          includedData: ['BUYER', 'FULFILLMENT'],
          ...(nextToken ? { paginationToken: nextToken } : {}),
        },
        options: { version: '2026-01-01' },
      })) as {
        orders: { orderId: string; fulfillment: { fulfillmentStatus: string } }[];
        pagination?: { nextToken: string };
      };
      ids.push(...res.orders.map((o) => o.orderId));
      for (const o of res.orders) expect(o.fulfillment.fulfillmentStatus).toBeTruthy();
      nextToken = res.pagination?.nextToken;
      pages += 1;
    } while (nextToken);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(80);
    const one = (await sp.callAPI({
      operation: 'getOrder',
      endpoint: 'orders',
      path: { orderId: ids[0]! },
      options: { version: '2026-01-01' },
    })) as { order: { orderId: string } };
    expect(one.order.orderId).toBe(ids[0]);
  });

  it('runs a full report cycle and downloads the document through the same agent', async () => {
    const sp = client();
    const clock = server.clock as ManualClock;
    const { reportId } = (await sp.callAPI({
      operation: 'createReport',
      endpoint: 'reports',
      body: {
        reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
        marketplaceIds: ['ATVPDKIKX0DER', 'A1PA6795UKMFR9'],
        dataStartTime: new Date(ANCHOR - 7 * 86_400_000).toISOString(),
      },
    })) as { reportId: string };
    let report: { processingStatus: string; reportDocumentId?: string } = { processingStatus: 'IN_QUEUE' };
    for (let i = 0; i < 12 && report.processingStatus !== 'DONE'; i++) {
      clock.advance(20_000);
      report = (await sp.callAPI({
        operation: 'getReport',
        endpoint: 'reports',
        path: { reportId },
      })) as typeof report;
    }
    expect(report.processingStatus).toBe('DONE');
    const doc = (await sp.callAPI({
      operation: 'getReportDocument',
      endpoint: 'reports',
      path: { reportDocumentId: report.reportDocumentId! },
    })) as { url: string; compressionAlgorithm?: string };
    expect(new URL(doc.url).host).toBe(DOCUMENT_HOST);
    const rows = (await sp.download(doc, { json: true })) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toContain('amazon-order-id');
    expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(['USD', 'EUR']));
    expect(server.sandbox.stats().other.documentDownload).toBe(1);
  });
});
