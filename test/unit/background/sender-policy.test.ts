import { isSenderAllowed } from '../../../lib/background/sender-policy';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop/' };

describe('who may ask the background for what', () => {
  it('lets the extension’s own pages make any request', () => {
    const popup = { id: self.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' };
    expect(isSenderAllowed('sync-now', popup, self)).toBe(true);
    expect(isSenderAllowed('test-connection', popup, self)).toBe(true);
  });

  it('lets a Seller Central content script only open a view, ask about its order or sync for it', () => {
    for (const host of [
      'sellercentral.amazon.com',
      'sellercentral.amazon.co.uk',
      'sellercentral-europe.amazon.com',
    ]) {
      const tab = { id: self.id, url: `https://${host}/orders-v3/order/111-1234567-1234567` };
      expect(isSenderAllowed('open-manager', tab, self)).toBe(true);
      expect(isSenderAllowed('open-options', tab, self)).toBe(true);
      // Sync now for the page's order: the same single-flight sync, and the order's lookup after it.
      expect(isSenderAllowed('sync-order', tab, self)).toBe(true);
      expect(isSenderAllowed('sync-now', tab, self)).toBe(false);
      expect(isSenderAllowed('full-resync', tab, self)).toBe(false);
      expect(isSenderAllowed('test-connection', tab, self)).toBe(false);
    }
  });

  it('refuses other extensions, other sites and look-alike hosts', () => {
    expect(isSenderAllowed('open-manager', { id: 'other', url: self.origin + 'popup.html' }, self)).toBe(
      false,
    );
    expect(isSenderAllowed('open-manager', { id: self.id, url: 'https://evil.example/' }, self)).toBe(false);
    expect(
      isSenderAllowed(
        'open-manager',
        { id: self.id, url: 'https://sellercentral.amazon.com.evil.example/' },
        self,
      ),
    ).toBe(false);
    expect(
      isSenderAllowed('open-manager', { id: self.id, url: 'http://sellercentral.amazon.com/' }, self),
    ).toBe(false);
    expect(isSenderAllowed('open-manager', { id: self.id }, self)).toBe(false);
  });
});
