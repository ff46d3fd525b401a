import {
  buildOrderAcknowledgementFeed,
  InvalidFeedInputError,
} from '../../../lib/formats/order-acknowledgement-feed';
import { parseProcessingReport } from '../../../lib/formats/processing-report';

const ORDER = '111-1234567-1234567';

// The same feeds are validated against Amazon's XSDs in
// test/contract/amazon-models/order-acknowledgement-feed-xsd.test.ts.
describe('buildOrderAcknowledgementFeed', () => {
  it('writes the reference §5.3 message', () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1EXAMPLEMERCHANT',
      messages: [
        { messageId: 1, orderId: ORDER, reason: 'NoInventory', lines: [{ orderItemId: '12345678901234' }] },
      ],
    });
    expect(xml).toContain('<MessageType>OrderAcknowledgement</MessageType>');
    expect(xml.replace(/\s+/g, '')).toContain(
      '<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>111-1234567-1234567</AmazonOrderID>' +
        '<StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>' +
        '<CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message>',
    );
  });

  it('writes several messages with partial quantities', () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1EXAMPLEMERCHANT',
      messages: [
        {
          messageId: 1,
          orderId: ORDER,
          reason: 'WeatherDelay',
          lines: [{ orderItemId: '12345678901234', quantity: 2 }, { orderItemId: '12345678901235' }],
        },
        {
          messageId: 2,
          orderId: '702-7654321-7654321',
          reason: 'BuyerCanceled',
          lines: [{ orderItemId: '22345678901234' }],
        },
      ],
    });
    expect(xml).toMatch(/<CancelReason>WeatherDelay<\/CancelReason>\s*<Quantity>2<\/Quantity>/);
  });

  it('escapes merchant text so it can never break the XML', () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1</MerchantIdentifier><x>&\u0001"\'',
      messages: [
        { messageId: 1, orderId: ORDER, reason: 'NoInventory', lines: [{ orderItemId: '12345678901234' }] },
      ],
    });
    expect(xml).toContain(
      '<MerchantIdentifier>A1&lt;/MerchantIdentifier&gt;&lt;x&gt;&amp;&quot;&apos;</MerchantIdentifier>',
    );
  });

  it('refuses input the XSDs would reject', () => {
    const base = {
      messageId: 1,
      orderId: ORDER,
      reason: 'NoInventory' as const,
      lines: [{ orderItemId: '12345678901234' }],
    };
    const build =
      (message: object, merchant = 'A1') =>
      () =>
        buildOrderAcknowledgementFeed({ merchantIdentifier: merchant, messages: [{ ...base, ...message }] });
    expect(build({ orderId: '111-123</AmazonOrderID>' })).toThrow(InvalidFeedInputError);
    expect(build({ lines: [{ orderItemId: '123' }] })).toThrow(/order item code/);
    expect(build({ lines: [] })).toThrow(/no line/);
    expect(build({ lines: [{ orderItemId: '12345678901234', quantity: 0 }] })).toThrow(/positive/);
    expect(build({ reason: 'Nope' })).toThrow(/cancel reason/);
    expect(build({}, '')).toThrow(/merchant identifier/);
    expect(() =>
      buildOrderAcknowledgementFeed({ merchantIdentifier: 'A1', messages: [base, { ...base }] }),
    ).toThrow(/unique/);
  });

  it('parses the processing report summary', () => {
    const report = `<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message><MessageID>1</MessageID><ProcessingReport>
    <DocumentTransactionID>50012345678</DocumentTransactionID><StatusCode>Complete</StatusCode>
    <ProcessingSummary><MessagesProcessed>1</MessagesProcessed><MessagesSuccessful>1</MessagesSuccessful>
      <MessagesWithError>0</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>
  </ProcessingReport></Message>
</AmazonEnvelope>`;
    expect(parseProcessingReport(report).summary).toEqual({
      processed: 1,
      successful: 1,
      withError: 0,
      withWarning: 0,
    });
  });
});
