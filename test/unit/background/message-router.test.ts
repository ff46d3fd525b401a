import { createMessageRouter, type Handlers } from '../../../lib/background/message-router';

const self = { id: 'ext', origin: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

function handlers(): Handlers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    'sync-now': async () => {
      calls.push('sync-now');
      return { started: true };
    },
    'test-connection': async () => ({ ok: true as const, message: 'Connected' }),
    'outbox-changed': async () => {
      calls.push('outbox-changed');
      return { ok: true as const };
    },
    'get-order-summary': async ({ orderId }) => {
      calls.push(`get-order-summary ${orderId}`);
      return { stored: false as const, orderId, reason: 'demo' as const };
    },
    'sync-order': async ({ orderId }) => {
      calls.push(`sync-order ${orderId}`);
      return { synced: false as const, reason: 'Order download is turned off in Settings.' };
    },
    'open-options': async () => {
      calls.push('open-options');
      return { ok: true as const };
    },
    'open-manager': async ({ orderId }) => {
      calls.push(`open-manager ${orderId ?? ''}`);
      return { ok: true as const };
    },
    'send-again': async ({ actionId }) => {
      calls.push(`send-again ${actionId}`);
      return { ok: true as const };
    },
    'refresh-order': async ({ orderId }) => {
      calls.push(`refresh-order ${orderId}`);
      return { ok: true as const };
    },
    'full-resync': async () => {
      calls.push('full-resync');
      return { started: true };
    },
    'seller-central-health': async ({ feature, page, placed }) => {
      calls.push(`seller-central-health ${feature} ${page} ${placed}`);
      return { ok: true as const };
    },
    'decline-buyer-request': async ({ orderId, memo }) => {
      calls.push(`decline-buyer-request ${orderId} ${memo}`);
      return { ok: true as const };
    },
    'undo-decline-buyer-request': async ({ orderId }) => {
      calls.push(`undo-decline-buyer-request ${orderId}`);
      return { ok: true as const };
    },
  };
}

describe('message router', () => {
  it('passes a valid request from an allowed sender to its handler', async () => {
    const h = handlers();
    const route = createMessageRouter(h, self);
    expect(await route({ type: 'sync-now' }, popup)).toEqual({ started: true });
    expect(h.calls).toEqual(['sync-now']);
  });

  it('refuses malformed and unknown messages without calling anything', async () => {
    const h = handlers();
    const route = createMessageRouter(h, self);
    expect(await route({ type: 'delete-everything' }, popup)).toEqual({
      error: 'Unknown or malformed request',
    });
    expect(await route({ type: 'open-manager', orderId: '<img src=x>' }, popup)).toHaveProperty('error');
    expect(await route('sync-now', popup)).toHaveProperty('error');
    expect(h.calls).toEqual([]);
  });

  it('refuses a content script asking for a sync', async () => {
    const h = handlers();
    const route = createMessageRouter(h, self);
    const tab = { id: 'ext', url: 'https://sellercentral.amazon.com/orders-v3' };
    expect(await route({ type: 'sync-now' }, tab)).toEqual({
      error: 'Request sync-now is not allowed from this sender',
    });
    expect(await route({ type: 'outbox-changed' }, tab)).toEqual({
      error: 'Request outbox-changed is not allowed from this sender',
    });
    // Both spend SP-API quota or change the outbox: only the extension's own pages may ask.
    expect(await route({ type: 'send-again', actionId: 'a-1' }, tab)).toEqual({
      error: 'Request send-again is not allowed from this sender',
    });
    expect(await route({ type: 'refresh-order', orderId: '111-1234567-1234567' }, tab)).toEqual({
      error: 'Request refresh-order is not allowed from this sender',
    });
    expect(await route({ type: 'open-manager', orderId: '111-1234567-1234567' }, tab)).toEqual({ ok: true });
    expect(await route({ type: 'get-order-summary', orderId: '111-1234567-1234567' }, tab)).toEqual({
      stored: false,
      orderId: '111-1234567-1234567',
      reason: 'demo',
    });
    // The seller's Sync now and Open Settings for an order the manager lacks.
    expect(await route({ type: 'sync-order', orderId: '111-1234567-1234567' }, tab)).toMatchObject({
      synced: false,
    });
    expect(await route({ type: 'open-options' }, tab)).toEqual({ ok: true });
    expect(h.calls).toEqual([
      'open-manager 111-1234567-1234567',
      'get-order-summary 111-1234567-1234567',
      'sync-order 111-1234567-1234567',
      'open-options',
    ]);
  });

  it('turns a failing handler into an error answer', async () => {
    const h = handlers();
    h['sync-now'] = async () => {
      throw new Error('disk full');
    };
    const route = createMessageRouter(h, self);
    expect(await route({ type: 'sync-now' }, popup)).toEqual({ error: 'disk full' });
  });

  it("takes a decline from the extension's pages with its memo trimmed, and refuses it from Seller Central", async () => {
    const h = handlers();
    const route = createMessageRouter(h, self);
    const orderId = '111-0000001-0000001';
    expect(
      await route({ type: 'decline-buyer-request', orderId, memo: '  Shipping today  ' }, popup),
    ).toEqual({
      ok: true,
    });
    expect(await route({ type: 'decline-buyer-request', orderId, memo: '   ' }, popup)).toHaveProperty(
      'error',
    );
    expect(
      await route({ type: 'decline-buyer-request', orderId, memo: 'x'.repeat(501) }, popup),
    ).toHaveProperty('error');
    const tab = { id: 'ext', url: 'https://sellercentral.amazon.com/orders-v3/order/' + orderId };
    expect(await route({ type: 'decline-buyer-request', orderId, memo: 'Shipping today' }, tab)).toEqual({
      error: 'Request decline-buyer-request is not allowed from this sender',
    });
    expect(await route({ type: 'undo-decline-buyer-request', orderId }, tab)).toEqual({
      error: 'Request undo-decline-buyer-request is not allowed from this sender',
    });
    expect(h.calls).toEqual([`decline-buyer-request ${orderId} Shipping today`]);
  });
});
