import {
  MARKETPLACES,
  marketplaceById,
  marketplaceCode,
  marketplacesInRegion,
  sellerCentralOrderUrl,
} from '../../../lib/domain/marketplaces';

describe('marketplaces table', () => {
  it('lists the 23 SP-API marketplaces with unique ids and codes', () => {
    expect(MARKETPLACES).toHaveLength(23);
    expect(new Set(MARKETPLACES.map((mp) => mp.id)).size).toBe(23);
    expect(new Set(MARKETPLACES.map((mp) => mp.code)).size).toBe(23);
  });

  it('groups marketplaces by SP-API region', () => {
    expect(marketplacesInRegion('na').map((mp) => mp.code)).toEqual(['US', 'CA', 'MX', 'BR']);
    expect(marketplacesInRegion('fe').map((mp) => mp.code)).toEqual(['JP', 'AU', 'SG']);
    const eu = marketplacesInRegion('eu').map((mp) => mp.code);
    expect(eu).toHaveLength(16);
    expect(eu).toEqual(expect.arrayContaining(['UK', 'DE', 'IN', 'ZA', 'TR', 'AE', 'SA', 'EG']));
  });

  it('knows each marketplace currency', () => {
    expect(marketplaceById('ATVPDKIKX0DER')?.currency).toBe('USD');
    expect(marketplaceById('A1F83G8C2ARO7P')?.currency).toBe('GBP');
    expect(marketplaceById('A1PA6795UKMFR9')?.currency).toBe('EUR');
    expect(marketplaceById('A1VC38T7YXB528')?.currency).toBe('JPY');
    expect(marketplaceById('A2NODRKZP88ZB9')?.currency).toBe('SEK');
  });

  it('shows the code, or the raw id for an unknown marketplace', () => {
    expect(marketplaceCode('A2EUQ1WTGCTBG2')).toBe('CA');
    expect(marketplaceCode('XYZ')).toBe('XYZ');
  });
});

describe('sellerCentralOrderUrl', () => {
  it.each([
    ['ATVPDKIKX0DER', 'sellercentral.amazon.com'],
    ['A2EUQ1WTGCTBG2', 'sellercentral.amazon.ca'],
    ['A1AM78C64UM0Y8', 'sellercentral.amazon.com.mx'],
    ['A2Q3Y263D00KWC', 'sellercentral.amazon.com.br'],
    ['A1F83G8C2ARO7P', 'sellercentral.amazon.co.uk'],
    ['A1PA6795UKMFR9', 'sellercentral.amazon.de'],
    ['A13V1IB3VIYZZH', 'sellercentral.amazon.fr'],
    ['APJ6JRA9NG5V4', 'sellercentral.amazon.it'],
    ['A1RKKUPIHCS9HS', 'sellercentral.amazon.es'],
    ['A1805IZSGTT6HS', 'sellercentral.amazon.nl'],
    ['A2NODRKZP88ZB9', 'sellercentral.amazon.se'],
    ['A1C3SOZRARQ6R3', 'sellercentral.amazon.pl'],
    ['AMEN7PMS3EDWL', 'sellercentral.amazon.com.be'],
    ['A28R8C7NBKEWEA', 'sellercentral.amazon.ie'],
    ['A33AVAJ2PDY3EV', 'sellercentral.amazon.com.tr'],
    ['A2VIGQ35RCS4UG', 'sellercentral.amazon.ae'],
    ['A17E79C6D8DWNP', 'sellercentral.amazon.sa'],
    ['ARBP9OOSHTCHU', 'sellercentral.amazon.eg'],
    ['A21TJRUUN4KGV', 'sellercentral.amazon.in'],
    ['AE08WJ6YKNBMC', 'sellercentral.amazon.co.za'],
    ['A1VC38T7YXB528', 'sellercentral.amazon.co.jp'],
    ['A39IBJ37TRP1C6', 'sellercentral.amazon.com.au'],
    ['A19VAU5U5O7RUS', 'sellercentral.amazon.sg'],
  ])('links %s orders to %s', (marketplaceId, host) => {
    expect(sellerCentralOrderUrl(marketplaceId, '111-1234567-1234567')).toBe(
      `https://${host}/orders-v3/order/111-1234567-1234567`,
    );
  });

  it('falls back to the US host for an unknown marketplace and escapes the order id', () => {
    expect(sellerCentralOrderUrl('NOPE', 'a/b')).toBe(
      'https://sellercentral.amazon.com/orders-v3/order/a%2Fb',
    );
  });
});
