import { buildOrderAcknowledgementFeed } from '../../../lib/formats/order-acknowledgement-feed';
import { validateFeedXml } from '../xsd-validator';

const ORDER = '111-1234567-1234567';

describe("order acknowledgement feeds against Amazon's XSDs", () => {
  it('the reference §5.3 message validates', async () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1EXAMPLEMERCHANT',
      messages: [
        { messageId: 1, orderId: ORDER, reason: 'NoInventory', lines: [{ orderItemId: '12345678901234' }] },
      ],
    });
    expect(await validateFeedXml(xml)).toEqual([]);
  });

  it('validates with several messages, every reason and partial quantities', async () => {
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
    expect(await validateFeedXml(xml)).toEqual([]);
  });

  it('escaped merchant text still validates', async () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1</MerchantIdentifier><x>&\u0001"\'',
      messages: [
        { messageId: 1, orderId: ORDER, reason: 'NoInventory', lines: [{ orderItemId: '12345678901234' }] },
      ],
    });
    expect(await validateFeedXml(xml)).toEqual([]);
  });

  it('the validator really rejects a broken feed', async () => {
    const xml = buildOrderAcknowledgementFeed({
      merchantIdentifier: 'A1',
      messages: [
        { messageId: 1, orderId: ORDER, reason: 'NoInventory', lines: [{ orderItemId: '12345678901234' }] },
      ],
    });
    const errors = await validateFeedXml(xml.replace('NoInventory', 'OutOfStock'));
    expect(errors.join('\n')).toMatch(/CancelReason/);
  });

  it('the processing report fixture used by the parser validates too', async () => {
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
    expect(await validateFeedXml(report)).toEqual([]);
  });
});
