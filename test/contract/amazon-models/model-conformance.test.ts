import { ManualClock } from '../../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS } from '../../../lib/sandbox';
import { createModelValidator } from '../model-validator';
import { validateFeedXml } from '../xsd-validator';

const ANCHOR = Date.parse('2026-11-20T12:00:00Z');
const orders = createModelValidator('orders_2026-01-01.json');
const reports = createModelValidator('reports_2021-06-30.json');
const feeds = createModelValidator('feeds_2021-06-30.json');
const listings = createModelValidator('listingsItems_2021-08-01.json');
const ALL_DATA =
  'BUYER,RECIPIENT,PROCEEDS,EXPENSE,PROMOTION,CANCELLATION,FULFILLMENT,PACKAGES,TAX,PAYMENT,FULFILLMENT_ORDERS';

async function setup(enforceRateLimits = false) {
  const clock = new ManualClock(ANCHOR);
  const sandbox = createSandbox({ clock, orderCount: 1500, enforceRateLimits });
  const res = await sandbox.fetch(
    new Request('https://api.amazon.com/auth/o2/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: SANDBOX_CREDENTIALS.clientId,
        client_secret: SANDBOX_CREDENTIALS.clientSecret,
        refresh_token: SANDBOX_CREDENTIALS.refreshToken,
      }),
    }),
  );
  const token = ((await res.json()) as { access_token: string }).access_token;
  const call = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const r = await sandbox.fetch(
      new Request('https://sellingpartnerapi-na.amazon.com' + path, {
        method,
        headers: { 'x-amz-access-token': token, 'content-type': contentType },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { clock, sandbox, call };
}

function expectValid(
  validator: ReturnType<typeof createModelValidator>,
  op: string,
  res: { status: number; body: unknown },
) {
  expect({ op, status: res.status, errors: validator.validateResponse(op, res.status, res.body) }).toEqual({
    op,
    status: res.status,
    errors: [],
  });
}

describe('sandbox responses conform to the official models', () => {
  it('searchOrders pages with every includedData, getOrder and order errors', async () => {
    const { call } = await setup();
    const sets = ['', ...ALL_DATA.split(','), ALL_DATA];
    let checked = 0;
    for (const set of sets) {
      let next: string | undefined;
      let pages = 0;
      do {
        const q = `createdAfter=2026-10-01T00:00:00Z${set ? `&includedData=${set}` : ''}${next ? `&paginationToken=${encodeURIComponent(next)}` : ''}`;
        const res = await call('GET', `/orders/2026-01-01/orders?${q}`);
        expect(res.status).toBe(200);
        expectValid(orders, 'searchOrders', res);
        const body = res.body as { orders: { orderId: string }[]; pagination?: { nextToken: string } };
        checked += body.orders.length;
        next = body.pagination?.nextToken;
        pages += 1;
      } while (next && pages < 20);
    }
    expect(checked).toBeGreaterThan(1000);
    const list = (
      await call(
        'GET',
        `/orders/2026-01-01/orders?lastUpdatedAfter=2026-11-15T00:00:00Z&includedData=${ALL_DATA}`,
      )
    ).body as {
      orders: { orderId: string }[];
    };
    for (const o of list.orders.slice(0, 30))
      expectValid(
        orders,
        'getOrder',
        await call('GET', `/orders/2026-01-01/orders/${o.orderId}?includedData=${ALL_DATA}`),
      );
    expectValid(orders, 'searchOrders', await call('GET', '/orders/2026-01-01/orders'));
    expectValid(orders, 'getOrder', await call('GET', '/orders/2026-01-01/orders/bad'));
    expectValid(orders, 'getOrder', await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999'));
  });

  it('403, 429, 500 and 503 error bodies', async () => {
    const { sandbox, call } = await setup(true);
    for (let i = 0; i < 21; i++) {
      const res = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-19T00:00:00Z');
      if (i === 20) {
        expect(res.status).toBe(429);
        expectValid(orders, 'searchOrders', res);
      }
    }
    sandbox.injectFault({ kind: '500' });
    sandbox.injectFault({ kind: '503' });
    const e500 = await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999');
    expect(e500.status).toBe(500);
    expectValid(orders, 'getOrder', e500);
    const e503 = await call('GET', '/reports/2021-06-30/reports/1');
    expect(e503.status).toBe(503);
    expectValid(reports, 'getReport', e503);
    sandbox.revokeRefreshToken();
    const denied = await call('GET', '/orders/2026-01-01/orders/999-9999999-9999999');
    expect(denied.status).toBe(403);
    expectValid(orders, 'getOrder', denied);
  });

  it('createReport, getReport(s), getReportDocument and report errors', async () => {
    const { clock, call } = await setup();
    const created = await call('POST', '/reports/2021-06-30/reports', {
      reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      marketplaceIds: ['ATVPDKIKX0DER'],
      dataStartTime: '2026-11-01T00:00:00Z',
    });
    expect(created.status).toBe(202);
    expectValid(reports, 'createReport', created);
    const { reportId } = created.body as { reportId: string };
    let report: { processingStatus: string; reportDocumentId?: string } = { processingStatus: '' };
    for (let i = 0; i < 20 && report.processingStatus !== 'DONE'; i++) {
      const res = await call('GET', `/reports/2021-06-30/reports/${reportId}`);
      expectValid(reports, 'getReport', res);
      report = res.body as typeof report;
      clock.advance(20_000);
    }
    expect(report.processingStatus).toBe('DONE');
    expectValid(
      reports,
      'getReports',
      await call(
        'GET',
        '/reports/2021-06-30/reports?reportTypes=GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL',
      ),
    );
    expectValid(
      reports,
      'getReportDocument',
      await call('GET', `/reports/2021-06-30/documents/${report.reportDocumentId}`),
    );
    expectValid(reports, 'getReportDocument', await call('GET', '/reports/2021-06-30/documents/unknown'));
    expectValid(
      reports,
      'createReport',
      await call('POST', '/reports/2021-06-30/reports', {
        reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2',
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
    );
    expectValid(reports, 'getReports', await call('GET', '/reports/2021-06-30/reports'));
    expectValid(reports, 'cancelReport', await call('DELETE', `/reports/2021-06-30/reports/${reportId}`));
  });

  it('Feeds API responses and the processing report (XSD) conform', async () => {
    const { clock, sandbox, call } = await setup();
    const now = clock.now();
    const open = sandbox.dataset.plans.find(
      (p) =>
        p.fulfilledBy === 'MERCHANT' &&
        p.createdMs < now &&
        p.paidMs < now &&
        p.shippedMs > now + 600_000 &&
        !(p.cancelledMs < now + 600_000),
    )!;
    const xml = (orderId: string, code: string, reason: string) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
      '<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>A1SANDBOXSELLER</MerchantIdentifier></Header>' +
      '<MessageType>OrderAcknowledgement</MessageType>' +
      `<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${orderId}</AmazonOrderID><StatusCode>Failure</StatusCode>` +
      `<Item><AmazonOrderItemCode>${code}</AmazonOrderItemCode><CancelReason>${reason}</CancelReason></Item></OrderAcknowledgement></Message>` +
      `<Message><MessageID>2</MessageID><OrderAcknowledgement><AmazonOrderID>999-9999999-9999999</AmazonOrderID><StatusCode>Failure</StatusCode>` +
      `<Item><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message>` +
      '</AmazonEnvelope>';
    const { plannedItems } = await import('../../../lib/sandbox/order-items');
    const code = plannedItems(sandbox.dataset.seed, open, sandbox.dataset.catalog)[0]!.orderItemId;
    const input = xml(open.orderId, code, 'NoInventory');
    expect(await validateFeedXml(input)).toEqual([]);
    expect((await validateFeedXml(xml(open.orderId, code, 'Nope'))).join()).toMatch(/CancelReason/);

    const docRes = await call('POST', '/feeds/2021-06-30/documents', {
      contentType: 'text/xml; charset=UTF-8',
    });
    expect(docRes.status).toBe(201);
    expectValid(feeds, 'createFeedDocument', docRes);
    expectValid(feeds, 'createFeedDocument', await call('POST', '/feeds/2021-06-30/documents', {}));
    const doc = docRes.body as { feedDocumentId: string; url: string };
    const put = await sandbox.fetch(
      new Request(doc.url, {
        method: 'PUT',
        headers: { 'content-type': 'text/xml; charset=UTF-8' },
        body: input,
      }),
    );
    expect(put.status).toBe(200);
    const created = await call('POST', '/feeds/2021-06-30/feeds', {
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.feedDocumentId,
    });
    expect(created.status).toBe(202);
    expectValid(feeds, 'createFeed', created);
    expectValid(feeds, 'createFeed', await call('POST', '/feeds/2021-06-30/feeds', { feedType: 'X' }));
    const { feedId } = created.body as { feedId: string };
    let feed: { processingStatus: string; resultFeedDocumentId?: string } = { processingStatus: '' };
    for (let i = 0; i < 12 && feed.processingStatus !== 'DONE'; i++) {
      const res = await call('GET', `/feeds/2021-06-30/feeds/${feedId}`);
      expectValid(feeds, 'getFeed', res);
      feed = res.body as typeof feed;
      clock.advance(15_000);
    }
    expect(feed.processingStatus).toBe('DONE');
    expectValid(feeds, 'getFeed', await call('GET', '/feeds/2021-06-30/feeds/1'));
    expectValid(
      feeds,
      'getFeeds',
      await call('GET', '/feeds/2021-06-30/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA'),
    );
    expectValid(feeds, 'getFeeds', await call('GET', '/feeds/2021-06-30/feeds'));
    const resultDoc = await call('GET', `/feeds/2021-06-30/documents/${feed.resultFeedDocumentId}`);
    expectValid(feeds, 'getFeedDocument', resultDoc);
    expectValid(feeds, 'getFeedDocument', await call('GET', '/feeds/2021-06-30/documents/none'));
    expectValid(feeds, 'cancelFeed', await call('DELETE', `/feeds/2021-06-30/feeds/${feedId}`));
    const report = await (await sandbox.fetch(new Request((resultDoc.body as { url: string }).url))).text();
    expect(report).toMatch(/<MessagesWithError>1<\/MessagesWithError>/);
    expect(await validateFeedXml(report)).toEqual([]);

    // FATAL, envelope-error, per-message-error and unsupported-type reports are valid ProcessingReports too.
    const others: [string, string][] = [
      ['POST_ORDER_ACKNOWLEDGEMENT_DATA', '<AmazonEnvelope><Header></AmazonEnvelope>'],
      ['POST_ORDER_ACKNOWLEDGEMENT_DATA', '<Orders/>'],
      ['POST_ORDER_ACKNOWLEDGEMENT_DATA', input.replace('<DocumentVersion>1.01</DocumentVersion>', '')],
      [
        'POST_ORDER_ACKNOWLEDGEMENT_DATA',
        xml(open.orderId, code, 'Nope').replace(/<MessageID>2/, '<MessageID>x'),
      ],
      ['POST_ORDER_ACKNOWLEDGEMENT_DATA', input],
      ['POST_ORDER_FULFILLMENT_DATA', input.replace(/OrderAcknowledgement/g, 'OrderFulfillment')],
      ['POST_FLAT_FILE_ORDER_ACKNOWLEDGEMENT_DATA', 'order-id\tamazon-order-item-code\n'],
    ];
    for (const [feedType, text] of others) {
      const d = (
        await call('POST', '/feeds/2021-06-30/documents', { contentType: 'text/xml; charset=UTF-8' })
      ).body as { feedDocumentId: string; url: string };
      await sandbox.fetch(
        new Request(d.url, {
          method: 'PUT',
          headers: { 'content-type': 'text/xml; charset=UTF-8' },
          body: text,
        }),
      );
      const res = await call('POST', '/feeds/2021-06-30/feeds', {
        feedType,
        marketplaceIds: ['ATVPDKIKX0DER'],
        inputFeedDocumentId: d.feedDocumentId,
      });
      expect(res.status).toBe(202);
    }
    clock.advance(100_000);
    const records = sandbox.feeds();
    expect(records.map((r) => r.processingStatus)).toEqual([
      'DONE',
      'FATAL',
      'FATAL',
      'DONE',
      'DONE',
      'DONE',
      'DONE',
      'DONE',
    ]);
    for (const record of records) expect(await validateFeedXml(record.processingReport!)).toEqual([]);
  });

  it('the sandbox accepts and rejects order acknowledgement XML as xmllint does', async () => {
    const { orderAcknowledgementSchemaProblems } = await import('../../../lib/sandbox/order-acknowledgement');
    const head =
      '<AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>M</MerchantIdentifier></Header><MessageType>OrderAcknowledgement</MessageType>';
    const msg = (inner: string, id = '1') =>
      `<Message><MessageID>${id}</MessageID><OrderAcknowledgement>${inner}</OrderAcknowledgement></Message>`;
    const order = '<AmazonOrderID>111-1234567-1234567</AmazonOrderID>';
    const item = (inner: string) => `<Item>${inner}</Item>`;
    const code = '<AmazonOrderItemCode>12345678901234</AmazonOrderItemCode>';
    const docs = [
      head +
        msg(
          `${order}<StatusCode>Failure</StatusCode>${item(code + '<CancelReason>NoInventory</CancelReason>')}`,
        ) +
        '</AmazonEnvelope>',
      head +
        msg(`${order}<StatusCode>Success</StatusCode>`) +
        msg(
          `${order}<StatusCode>Failure</StatusCode>${item(code + '<CancelReason>WeatherDelay</CancelReason><Quantity>2</Quantity>')}`,
          '2',
        ) +
        '</AmazonEnvelope>',
      head +
        msg(
          `${order}<MerchantOrderID>A-1</MerchantOrderID><StatusCode>Failure</StatusCode>${item(code + '<MerchantOrderItemID>x</MerchantOrderItemID>')}`,
        ) +
        '</AmazonEnvelope>',
      head +
        msg(`${order}<StatusCode>Failure</StatusCode>${item(code + '<CancelReason>Nope</CancelReason>')}`) +
        '</AmazonEnvelope>',
      head + msg(`${order}<StatusCode>failure</StatusCode>`) + '</AmazonEnvelope>',
      head +
        msg(`<AmazonOrderID>111-123-1</AmazonOrderID><StatusCode>Success</StatusCode>`) +
        '</AmazonEnvelope>',
      head +
        msg(
          `${order}<StatusCode>Failure</StatusCode>${item('<AmazonOrderItemCode>123</AmazonOrderItemCode>')}`,
        ) +
        '</AmazonEnvelope>',
      head +
        msg(`${order}<StatusCode>Failure</StatusCode>${item(code + '<Quantity>0</Quantity>')}`) +
        '</AmazonEnvelope>',
      head +
        msg(
          `${order}<StatusCode>Failure</StatusCode>${item('<CancelReason>NoInventory</CancelReason>' + code)}`,
        ) +
        '</AmazonEnvelope>',
      head + msg(`<StatusCode>Success</StatusCode>${order}`) + '</AmazonEnvelope>',
      head + msg(`${order}<StatusCode>Success</StatusCode>`, '0') + '</AmazonEnvelope>',
      head + '</AmazonEnvelope>',
      head.replace('1.01', 'v1') + msg(`${order}<StatusCode>Success</StatusCode>`) + '</AmazonEnvelope>',
      head + msg(`${order}<StatusCode>Success</StatusCode><Extra/>`) + '</AmazonEnvelope>',
    ];
    for (const doc of docs) {
      const xmllint = await validateFeedXml(doc);
      const sandboxProblems = orderAcknowledgementSchemaProblems(doc);
      expect({ doc, valid: sandboxProblems.length === 0 }).toEqual({ doc, valid: xmllint.length === 0 });
    }
  });

  it('Listings Items responses conform', async () => {
    const { sandbox, call } = await setup();
    const sku = sandbox.dataset.catalog[0]!.sku;
    const base = `/listings/2021-08-01/items/${SANDBOX_CREDENTIALS.sellerId}`;
    const body = (channel: string) => ({
      productType: 'HOME',
      patches: [
        {
          op: 'replace',
          path: '/attributes/fulfillment_availability',
          value: [{ fulfillment_channel_code: channel, quantity: 0 }],
        },
      ],
    });
    for (const [path, payload] of [
      [`${base}/${sku}?marketplaceIds=ATVPDKIKX0DER`, body('DEFAULT')],
      [
        `${base}/${sku}?marketplaceIds=ATVPDKIKX0DER&mode=VALIDATION_PREVIEW&includedData=identifiers,issues`,
        body('DEFAULT'),
      ],
      [`${base}/${sku}?marketplaceIds=ATVPDKIKX0DER`, body('AMAZON_NA')],
      [`${base}/UNKNOWN?marketplaceIds=ATVPDKIKX0DER`, body('DEFAULT')],
      [`${base}/${sku}`, body('DEFAULT')],
      [`/listings/2021-08-01/items/A2OTHER/${sku}?marketplaceIds=ATVPDKIKX0DER`, body('DEFAULT')],
    ] as const) {
      expectValid(listings, 'patchListingsItem', await call('PATCH', path, payload));
    }
    const all = 'summaries,attributes,issues,fulfillmentAvailability,productTypes';
    expectValid(
      listings,
      'getListingsItem',
      await call('GET', `${base}/${sku}?marketplaceIds=ATVPDKIKX0DER&includedData=${all}`),
    );
    expectValid(listings, 'getListingsItem', await call('GET', `${base}/NOPE?marketplaceIds=ATVPDKIKX0DER`));
  });

  it('the validator catches the sandbox fault bodies', async () => {
    const { sandbox, call } = await setup();
    sandbox.injectFault({ operation: 'searchOrders', kind: 'schema-break' });
    const broken = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-01T00:00:00Z');
    expect(orders.validateResponse('searchOrders', 200, broken.body).join()).toMatch(/orderId/);
    sandbox.injectFault({ operation: 'searchOrders', kind: 'unknown-enum' });
    const odd = await call('GET', '/orders/2026-01-01/orders?createdAfter=2026-11-01T00:00:00Z');
    expect(orders.validateResponse('searchOrders', 200, odd.body).join()).toMatch(/allowed values/);
  });
});
