/**
 * The S3 side of the Reports and Feeds APIs in the sandbox: document ids, presigned-style URLs that
 * expire 5 minutes after minting on the clock, download grants checked by signature, and the gzip
 * rule for stored documents. Every random draw comes from the owning store's stream, in call order,
 * so ids and signatures stay reproducible per seed.
 */
import { gzipSync, strToU8 } from 'fflate';
import type { Clock } from '../clock';
import { iso } from './order-view';
import { randomAlphanumeric, type Random } from './prng';

/** How long a presigned URL is honoured (X-Amz-Expires=300). */
export const PRESIGNED_URL_LIFETIME_MS = 5 * 60_000;
/** Documents larger than this are served gzip-compressed (compressionAlgorithm GZIP). */
export const GZIP_THRESHOLD_BYTES = 64 * 1024;

/** A stored document body: the bytes as served, and whether they are gzip. */
export interface DocumentBody {
  bytes: Uint8Array;
  gzip: boolean;
}

/** Encodes document text as UTF-8, gzipped when it exceeds GZIP_THRESHOLD_BYTES. */
export function documentBody(text: string): DocumentBody {
  const raw = strToU8(text);
  const gzip = raw.length > GZIP_THRESHOLD_BYTES;
  return { bytes: gzip ? gzipSync(raw) : raw, gzip };
}

/** The getReportDocument / getFeedDocument body: `{[idKey]: id, url}` plus GZIP when compressed. */
export function documentResponse(
  idKey: string,
  documentId: string,
  url: string,
  gzip: boolean,
): Record<string, unknown> {
  const response: Record<string, unknown> = { [idKey]: documentId, url };
  if (gzip) response.compressionAlgorithm = 'GZIP';
  return response;
}

export type DownloadCheck = 'ok' | 'expired' | 'denied';

export class PresignedDocuments {
  readonly #grants = new Map<string, { documentId: string; expiresMs: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  /** A lowercase-hex UUID (8-4-4-4-12) drawn from the store's stream. */
  uuid(): string {
    const hex = () =>
      randomAlphanumeric(this.random, 8)
        .toLowerCase()
        .replace(/[g-z]/g, (c) => ((c.charCodeAt(0) - 103) % 10).toString());
    const h = hex() + hex() + hex() + hex();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  /** A presigned-style URL to origin + path, dated now, and the signature that identifies it. */
  presign(path: string, origin: string, signedHeaders: string): { url: string; signature: string } {
    const now = this.clock.now();
    const signature = randomAlphanumeric(this.random, 32).toLowerCase();
    const amzDate = iso(now).replace(/[-:]/g, '');
    const url =
      `${origin}${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate}` +
      `&X-Amz-SignedHeaders=${encodeURIComponent(signedHeaders)}&X-Amz-Expires=300` +
      `&X-Amz-Credential=SANDBOX%2F${amzDate.slice(0, 8)}%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=${signature}`;
    return { url, signature };
  }

  /** Mints a GET URL for documentId at path and remembers it until it expires. */
  downloadUrl(documentId: string, path: string, origin: string): string {
    const { url, signature } = this.presign(path, origin, 'host');
    this.#grants.set(signature, { documentId, expiresMs: this.clock.now() + PRESIGNED_URL_LIFETIME_MS });
    return url;
  }

  /** Whether a GET with this signature may read documentId: S3 answers 403 to 'expired' and 'denied'. */
  checkDownload(documentId: string, signature: string | null): DownloadCheck {
    const grant = signature ? this.#grants.get(signature) : undefined;
    if (!grant || grant.documentId !== documentId) return 'denied';
    if (this.clock.now() > grant.expiresMs) return 'expired';
    return 'ok';
  }
}
