/**
 * The XML processing report of a feed (ProcessingReport.xsd inside an AmazonEnvelope), as in the
 * reference §8: a summary of message counts and one Result per failed or warned message.
 */

/** Result codes the sandbox uses (Amazon's real numbers are unconfirmed; these are documented choices). */
export const RESULT_MESSAGE_CODES = {
  /** A message or the envelope does not match the XSDs. */
  schemaError: 5000,
  /** The document is not well-formed XML, or not an AmazonEnvelope (feed FATAL). */
  fatalParse: 5001,
  orderNotFound: 18101,
  itemNotInOrder: 18102,
  alreadyShipped: 18103,
  missingCancelReason: 18104,
  alreadyCancelled: 18105,
  fulfilledByAmazon: 18106,
  quantityMismatch: 18107,
  notCancellable: 18108,
  duplicateItem: 18109,
  unsupportedFeedType: 90001,
} as const;

export interface ProcessingResult {
  /** MessageID of the message ('0' for the document as a whole). */
  readonly messageId: string;
  readonly resultCode: 'Error' | 'Warning';
  readonly messageCode: number;
  readonly description: string;
  readonly orderId?: string;
  readonly itemCode?: string;
  readonly sku?: string;
}

export interface ProcessingReportInput {
  readonly merchantIdentifier: string;
  readonly feedId: string;
  readonly processed: number;
  readonly successful: number;
  readonly withError: number;
  readonly withWarning: number;
  readonly results: readonly ProcessingResult[];
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function buildProcessingReport(input: ProcessingReportInput): string {
  const results = input.results.map((r) => {
    // AdditionalInfo only carries values that are valid for its XSD types.
    const info: string[] = [];
    if (r.sku) info.push(`<SKU>${escapeXml(r.sku.slice(0, 40))}</SKU>`);
    if (r.orderId && /^\w{3}-\w{7}-\w{7}$/.test(r.orderId))
      info.push(`<AmazonOrderID>${r.orderId}</AmazonOrderID>`);
    if (r.itemCode && /^\d{14}$/.test(r.itemCode))
      info.push(`<AmazonOrderItemCode>${r.itemCode}</AmazonOrderItemCode>`);
    return (
      '\n      <Result>' +
      `\n        <MessageID>${/^\d{1,20}$/.test(r.messageId) ? r.messageId : '0'}</MessageID>` +
      `\n        <ResultCode>${r.resultCode}</ResultCode>` +
      `\n        <ResultMessageCode>${r.messageCode}</ResultMessageCode>` +
      `\n        <ResultDescription>${escapeXml(r.description)}</ResultDescription>` +
      (info.length > 0 ? `\n        <AdditionalInfo>${info.join('')}</AdditionalInfo>` : '') +
      '\n      </Result>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">\n' +
    '  <Header>\n' +
    '    <DocumentVersion>1.02</DocumentVersion>\n' +
    `    <MerchantIdentifier>${escapeXml(input.merchantIdentifier.slice(0, 50))}</MerchantIdentifier>\n` +
    '  </Header>\n' +
    '  <MessageType>ProcessingReport</MessageType>\n' +
    '  <Message>\n' +
    '    <MessageID>1</MessageID>\n' +
    '    <ProcessingReport>\n' +
    `      <DocumentTransactionID>${input.feedId}</DocumentTransactionID>\n` +
    '      <StatusCode>Complete</StatusCode>\n' +
    '      <ProcessingSummary>\n' +
    `        <MessagesProcessed>${input.processed}</MessagesProcessed>\n` +
    `        <MessagesSuccessful>${input.successful}</MessagesSuccessful>\n` +
    `        <MessagesWithError>${input.withError}</MessagesWithError>\n` +
    `        <MessagesWithWarning>${input.withWarning}</MessagesWithWarning>\n` +
    '      </ProcessingSummary>' +
    results.join('') +
    '\n    </ProcessingReport>\n' +
    '  </Message>\n' +
    '</AmazonEnvelope>\n'
  );
}
