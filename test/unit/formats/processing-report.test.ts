import { parseProcessingReport, ProcessingReportFormatError } from '../../../lib/formats/processing-report';

const envelope = (body: string, messageType = 'ProcessingReport') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1EXAMPLEMERCHANT</MerchantIdentifier></Header>
  <MessageType>${messageType}</MessageType>
  <Message><MessageID>1</MessageID><ProcessingReport>${body}</ProcessingReport></Message>
</AmazonEnvelope>`;

const summary = (processed: number, ok: number, err: number, warn = 0) =>
  `<ProcessingSummary><MessagesProcessed>${processed}</MessagesProcessed><MessagesSuccessful>${ok}</MessagesSuccessful>` +
  `<MessagesWithError>${err}</MessagesWithError><MessagesWithWarning>${warn}</MessagesWithWarning></ProcessingSummary>`;

describe('parseProcessingReport', () => {
  it('reads a clean report', () => {
    const report = parseProcessingReport(
      envelope(
        `<DocumentTransactionID>50012345678</DocumentTransactionID><StatusCode>Complete</StatusCode>${summary(3, 3, 0)}`,
      ),
    );
    expect(report).toEqual({
      documentTransactionId: '50012345678',
      statusCode: 'Complete',
      summary: { processed: 3, successful: 3, withError: 0, withWarning: 0 },
      results: [],
    });
  });

  it('reads error and warning results with their additional info and entities', () => {
    const report = parseProcessingReport(
      '\uFEFF' +
        envelope(
          `<DocumentTransactionID>50012345678</DocumentTransactionID><StatusCode>Complete</StatusCode>${summary(2, 0, 1, 1)}
          <Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18028</ResultMessageCode>
            <ResultDescription>Order 111-7654321-7654321 has shipped &amp; cannot be cancelled &lt;sic&gt;</ResultDescription>
            <AdditionalInfo><AmazonOrderID>111-7654321-7654321</AmazonOrderID><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode></AdditionalInfo></Result>
          <Result><MessageID>1</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>5001</ResultMessageCode>
            <ResultDescription>Reason mapped</ResultDescription></Result>`,
        ),
    );
    expect(report.results).toEqual([
      {
        messageId: 2,
        resultCode: 'Error',
        messageCode: '18028',
        description: 'Order 111-7654321-7654321 has shipped & cannot be cancelled <sic>',
        orderId: '111-7654321-7654321',
        orderItemId: '12345678901234',
      },
      { messageId: 1, resultCode: 'Warning', messageCode: '5001', description: 'Reason mapped' },
    ]);
  });

  it.each([
    ['empty text', ''],
    ['not XML', 'Service Unavailable'],
    [
      'broken XML',
      envelope('<DocumentTransactionID>1</DocumentTransactionID').replace('</ProcessingReport>', ''),
    ],
    ['an HTML error page', '<html><body>503</body></html>'],
    [
      'another message type',
      envelope(
        '<DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode>',
        'OrderReport',
      ),
    ],
    ['no DocumentTransactionID', envelope('<StatusCode>Complete</StatusCode>')],
    [
      'an unknown status',
      envelope('<DocumentTransactionID>1</DocumentTransactionID><StatusCode>Great</StatusCode>'),
    ],
    [
      'a non-numeric count',
      envelope(
        `<DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode>${summary(1, 1, 0).replace('<MessagesProcessed>1', '<MessagesProcessed>one')}`,
      ),
    ],
    [
      'an unknown result code',
      envelope(
        '<DocumentTransactionID>1</DocumentTransactionID><StatusCode>Complete</StatusCode><Result><MessageID>1</MessageID><ResultCode>Fatal</ResultCode><ResultMessageCode>1</ResultMessageCode><ResultDescription>x</ResultDescription></Result>',
      ),
    ],
  ])('throws ProcessingReportFormatError for %s', (_label, xml) => {
    expect(() => parseProcessingReport(xml)).toThrow(ProcessingReportFormatError);
    expect(() => parseProcessingReport(xml)).toThrow(/processing report could not be read/);
  });
});
