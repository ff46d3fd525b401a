import { browserRequests } from '../lib/seller-central/browser-requests';
import { SELLER_CENTRAL_MATCHES } from '../lib/seller-central/hosts';
import { startSellerCentral } from '../lib/seller-central/start-seller-central';

export default defineContentScript({
  matches: SELLER_CENTRAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const controller = new AbortController();
    // An extension reload or update invalidates this script: take everything it added off the page.
    ctx.onInvalidated(() => controller.abort());
    const started = performance.now();
    startSellerCentral({ signal: controller.signal, requests: browserRequests });
    // Lets `npm run bench` read what the script costs a page (entries are shared with the page).
    performance.measure('order-manager:start', { start: started });
  },
});
