import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from '../zod';

/** One message Amazon reported on (only failed or warned messages get a Result). */
export interface ProcessingReportResult {
  readonly messageId: number;
  readonly resultCode: 'Error' | 'Warning';
  readonly messageCode: string;
  readonly description: string;
  readonly orderId?: string;
  readonly orderItemId?: string;
  readonly sku?: string;
}

export interface ProcessingReport {
  readonly documentTransactionId: string;
  readonly statusCode: 'Complete' | 'Processing' | 'Rejected';
  /** Optional in ProcessingReport.xsd; present on every Complete report Amazon documents. */
  readonly summary?: {
    readonly processed: number;
    readonly successful: number;
    readonly withError: number;
    readonly withWarning: number;
  };
  readonly results: readonly ProcessingReportResult[];
}

/**
 * The processing report is not what ProcessingReport.xsd describes. Never read as success: the
 * outbox marks the actions of the feed "Cancel failed" with this message.
 */
export class ProcessingReportFormatError extends Error {
  override name = 'ProcessingReportFormatError';
  constructor(detail: string) {
    super(`Amazon's processing report could not be read (${detail}), so the result is unknown`);
  }
}

const count = z
  .string()
  .trim()
  .regex(/^\d+$/, 'not a whole number')
  .transform((text) => Number(text));
const text = z.string().trim();

const resultSchema = z.object({
  MessageID: count,
  ResultCode: z.enum(['Error', 'Warning']),
  ResultMessageCode: text.min(1),
  ResultDescription: z.string().default(''),
  AdditionalInfo: z
    .object({
      SKU: text.optional(),
      AmazonOrderID: text.optional(),
      AmazonOrderItemCode: text.optional(),
    })
    .loose()
    .or(z.literal('').transform(() => undefined))
    .optional(),
});

const reportSchema = z.object({
  DocumentTransactionID: text.min(1),
  StatusCode: z.enum(['Complete', 'Processing', 'Rejected']),
  ProcessingSummary: z
    .object({
      MessagesProcessed: count,
      MessagesSuccessful: count,
      MessagesWithError: count,
      MessagesWithWarning: count,
    })
    .optional(),
  Result: z.array(resultSchema).default([]),
});

const ARRAY_PATHS = new Set(['AmazonEnvelope.Message', 'AmazonEnvelope.Message.ProcessingReport.Result']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (_name, jpath) => ARRAY_PATHS.has(String(jpath)),
});

/**
 * Reads a feed processing report (XML, reference §8). Pure and DOM-free: it runs in the MV3 service
 * worker, which has no DOMParser. Anything unexpected throws ProcessingReportFormatError.
 */
export function parseProcessingReport(xml: string): ProcessingReport {
  const source = xml.replace(/^\uFEFF/, '').trim();
  if (!source) throw new ProcessingReportFormatError('the report is empty');
  const wellFormed = XMLValidator.validate(source);
  if (wellFormed !== true) {
    throw new ProcessingReportFormatError(
      `not well-formed XML: ${wellFormed.err.msg} at line ${wellFormed.err.line}`,
    );
  }
  let tree: unknown;
  try {
    tree = parser.parse(source);
  } catch (error) {
    throw new ProcessingReportFormatError(`not readable XML: ${(error as Error).message}`);
  }
  const envelope = (tree as { AmazonEnvelope?: unknown }).AmazonEnvelope;
  if (!envelope || typeof envelope !== 'object') {
    throw new ProcessingReportFormatError('no AmazonEnvelope element');
  }
  const messageType = (envelope as { MessageType?: unknown }).MessageType;
  if (messageType !== 'ProcessingReport') {
    throw new ProcessingReportFormatError(
      `message type is ${JSON.stringify(messageType ?? null)}, not ProcessingReport`,
    );
  }
  const messages = (envelope as { Message?: unknown[] }).Message ?? [];
  const reports = messages
    .map((message) => (message as { ProcessingReport?: unknown } | null)?.ProcessingReport)
    .filter((report) => report !== undefined);
  if (reports.length !== 1) {
    throw new ProcessingReportFormatError(`expected one ProcessingReport, found ${reports.length}`);
  }
  const parsed = reportSchema.safeParse(reports[0]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'ProcessingReport';
    throw new ProcessingReportFormatError(`${where}: ${issue?.message ?? 'unexpected shape'}`);
  }
  const report = parsed.data;
  return {
    documentTransactionId: report.DocumentTransactionID,
    statusCode: report.StatusCode,
    ...(report.ProcessingSummary
      ? {
          summary: {
            processed: report.ProcessingSummary.MessagesProcessed,
            successful: report.ProcessingSummary.MessagesSuccessful,
            withError: report.ProcessingSummary.MessagesWithError,
            withWarning: report.ProcessingSummary.MessagesWithWarning,
          },
        }
      : {}),
    results: report.Result.map((result) => {
      const info = result.AdditionalInfo;
      return {
        messageId: result.MessageID,
        resultCode: result.ResultCode,
        messageCode: result.ResultMessageCode,
        description: result.ResultDescription.trim(),
        ...(info?.AmazonOrderID ? { orderId: info.AmazonOrderID } : {}),
        ...(info?.AmazonOrderItemCode ? { orderItemId: info.AmazonOrderItemCode } : {}),
        ...(info?.SKU ? { sku: info.SKU } : {}),
      };
    }),
  };
}
