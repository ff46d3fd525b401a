import { isSenderAllowed } from '../../../lib/background/sender-policy';
import { SELLER_CENTRAL_HOSTS, SELLER_CENTRAL_MATCHES } from '../../../lib/seller-central/hosts';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const from = (host: string) => ({ id: self.id, url: `https://${host}/orders-v3` });

describe('one Seller Central host list', () => {
  it('is where the content script runs and whom the background answers', () => {
    expect(SELLER_CENTRAL_MATCHES).toHaveLength(SELLER_CENTRAL_HOSTS.length);
    for (const host of SELLER_CENTRAL_HOSTS) {
      expect(SELLER_CENTRAL_MATCHES).toContain(`https://${host}/*`);
      expect(isSenderAllowed('get-order-summary', from(host), self)).toBe(true);
    }
  });

  it('lets a content script report where a feature could not be placed, and nothing that acts', () => {
    const page = from('sellercentral.amazon.de');
    expect(isSenderAllowed('seller-central-health', page, self)).toBe(true);
    expect(isSenderAllowed('sync-now', page, self)).toBe(false);
    expect(isSenderAllowed('send-again', page, self)).toBe(false);
  });

  it('answers no host that is not on it', () => {
    for (const host of [
      'sellercentral-europe.amazon.de',
      'sellercentral.amazon.com.evil.example',
      'amazon.com',
    ])
      expect(isSenderAllowed('get-order-summary', from(host), self)).toBe(false);
  });
});
