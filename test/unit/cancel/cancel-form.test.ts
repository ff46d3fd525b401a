import {
  cancelForm,
  initialCancelDraft,
  withLineChosen,
  withZeroStock,
  type CancelDraft,
  type CancelFormContext,
} from '../../../components/cancel/cancel-form';
import type { StoredOrderItem } from '../../../lib/domain/order';
import type { CancelAction } from '../../../lib/domain/outbox-action';

const ORDER_ID = '111-2222222-3333333';
const item = (orderItemId: string, sku: string, quantityOrdered: number): StoredOrderItem => ({
  orderId: ORDER_ID,
  orderItemId,
  sku,
  quantityOrdered,
  quantityShipped: 0,
});
const ITEMS = [item('item-0', 'MUG-RED', 3), item('item-1', 'TEA-GRN', 1)];

/** A merchant-fulfilled order of 3 mugs and 1 tea tin, nothing shipped. */
function context(patch: Partial<CancelFormContext> = {}): CancelFormContext {
  return {
    order: { orderId: ORDER_ID, fulfilledBy: 'MERCHANT' },
    items: ITEMS,
    cancellableLines: [
      { orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' },
      { orderItemId: 'item-1', quantity: 1, sku: 'TEA-GRN' },
    ],
    allowZeroStock: false,
    ...patch,
  };
}

function draft(of: CancelFormContext, patch: Partial<CancelDraft> = {}): CancelDraft {
  return { ...initialCancelDraft(of), ...patch };
}

describe('initialCancelDraft', () => {
  it('opens on the whole order with no reason chosen and no stock box checked', () => {
    expect(initialCancelDraft(context())).toEqual({
      scope: 'whole',
      chosen: new Set(),
      reason: '',
      memo: '',
      zeroStockSkus: new Set(),
    });
  });

  it('opens on chosen lines, the only one chosen, when part of the order is being cancelled', () => {
    const partly = context({ cancellableLines: [{ orderItemId: 'item-0', quantity: 3, sku: 'MUG-RED' }] });
    expect(initialCancelDraft(partly)).toMatchObject({ scope: 'lines', chosen: new Set(['item-0']) });
    expect(cancelForm(partly, initialCancelDraft(partly)).wholeAllowed).toBe(false);
  });

  it('suggests "Buyer cancelled" when the buyer asked to cancel the order or a line', () => {
    const order = { orderId: ORDER_ID, fulfilledBy: 'MERCHANT' as const };
    const asked = context({
      order: { ...order, buyerCancelRequest: { firstSeenAt: '2026-11-20T12:00:00Z' } },
    });
    expect(initialCancelDraft(asked).reason).toBe('BuyerCanceled');
    const lineAsked = context({
      items: [{ ...ITEMS[0]!, cancelRequest: { reason: 'Ordered twice' } }, ITEMS[1]!],
    });
    expect(cancelForm(lineAsked, initialCancelDraft(lineAsked)).buyerAsked).toBe(true);
  });

  it('opens an edited cancellation filled from the failed one: its lines, reason, memo and stock SKUs', () => {
    const failed: CancelAction = {
      kind: 'cancel',
      id: 'old',
      orderId: ORDER_ID,
      marketplaceId: 'ATVPDKIKX0DER',
      // An old part-quantity action: the line is offered again, whole.
      lines: [{ orderItemId: 'item-0', quantity: 2, sku: 'MUG-RED', quantityOrdered: 3 }],
      wholeOrder: false,
      reason: 'NoInventory',
      memo: 'Out until March',
      zeroStockSkus: ['MUG-RED'],
      createdAt: '2026-11-21T09:00:00Z',
      status: 'failed',
      updatedAt: '2026-11-21T09:00:00Z',
    };
    const of = context({ allowZeroStock: true });
    const opened = initialCancelDraft(of, failed);
    expect(opened).toEqual({
      scope: 'lines',
      chosen: new Set(['item-0']),
      reason: 'NoInventory',
      memo: 'Out until March',
      zeroStockSkus: new Set(['MUG-RED']),
    });
    expect(cancelForm(of, opened).request).toEqual({
      orderId: ORDER_ID,
      lines: [{ orderItemId: 'item-0', quantity: 3 }],
      reason: 'NoInventory',
      memo: 'Out until March',
      zeroStockSkus: ['MUG-RED'],
    });
  });
});

describe('cancelForm', () => {
  it('is not ready without a reason, and then asks for one', () => {
    const form = cancelForm(context(), draft(context()));
    expect(form).toMatchObject({ ready: false, errors: { reason: 'Choose a reason' } });
    expect(form.request).toBeUndefined();
  });

  it('builds a whole-order request with every cancellable line and the trimmed memo', () => {
    const form = cancelForm(
      context(),
      draft(context(), { reason: 'NoInventory', memo: '  Out until March ' }),
    );
    expect(form.ready).toBe(true);
    expect(form.request).toEqual({
      orderId: ORDER_ID,
      lines: [
        { orderItemId: 'item-0', quantity: 3 },
        { orderItemId: 'item-1', quantity: 1 },
      ],
      reason: 'NoInventory',
      memo: 'Out until March',
    });
  });

  it('asks for at least one line, and cancels each chosen line with all its units', () => {
    const of = context();
    const none = cancelForm(of, draft(of, { scope: 'lines', reason: 'PricingError' }));
    expect(none).toMatchObject({ ready: false, errors: { lines: 'Choose at least one line to cancel' } });

    const chosen = withLineChosen(draft(of, { scope: 'lines', reason: 'PricingError' }), 'item-0', true);
    expect(cancelForm(of, chosen).request).toEqual({
      orderId: ORDER_ID,
      lines: [{ orderItemId: 'item-0', quantity: 3 }],
      reason: 'PricingError',
    });
    expect(withLineChosen(chosen, 'item-0', false).chosen).toEqual(new Set());
  });

  it('does not offer a line part of which has shipped: Amazon cancels only whole lines', () => {
    const of = context({
      items: [{ ...ITEMS[0]!, quantityShipped: 1 }, ITEMS[1]!],
      cancellableLines: [
        { orderItemId: 'item-0', quantity: 2, sku: 'MUG-RED' },
        { orderItemId: 'item-1', quantity: 1, sku: 'TEA-GRN' },
      ],
    });
    const form = cancelForm(of, draft(of, { scope: 'lines', reason: 'PricingError' }));
    expect(form.offeredLines.map((line) => line.orderItemId)).toEqual(['item-1']);
    expect(form.partlyShippedLines.map((line) => line.orderItemId)).toEqual(['item-0']);
    expect(initialCancelDraft(of).chosen).toEqual(new Set(['item-1']));
  });

  it('offers one stock box per merchant SKU being cancelled, off by default; the request carries the checked ones', () => {
    const on = context({ allowZeroStock: true });
    expect(cancelForm(on, draft(on, { reason: 'PricingError' })).offerZeroStock).toBe(false);
    const whole = cancelForm(on, draft(on, { reason: 'NoInventory' }));
    expect(whole).toMatchObject({
      offerZeroStock: true,
      zeroStockChoices: [{ sku: 'MUG-RED' }, { sku: 'TEA-GRN' }],
    });
    expect(whole.request).not.toHaveProperty('zeroStockSkus');

    const teaOnly = withZeroStock(draft(on, { reason: 'NoInventory' }), 'TEA-GRN', true);
    expect(cancelForm(on, teaOnly).request).toMatchObject({ zeroStockSkus: ['TEA-GRN'] });

    // A box checked for a line no longer chosen is not sent.
    const mugLine = withLineChosen(withZeroStock(teaOnly, 'MUG-RED', true), 'item-0', true);
    const form = cancelForm(on, { ...mugLine, scope: 'lines' });
    expect(form.zeroStockChoices).toEqual([{ sku: 'MUG-RED' }]);
    expect(form.request).toMatchObject({ zeroStockSkus: ['MUG-RED'] });
  });

  it('never offers stock to 0 with the setting off, nor for an Amazon-fulfilled order', () => {
    const off = context();
    const offDraft = withZeroStock(draft(off, { reason: 'NoInventory' }), 'MUG-RED', true);
    const offForm = cancelForm(off, offDraft);
    expect(offForm.offerZeroStock).toBe(false);
    expect(offForm.request).not.toHaveProperty('zeroStockSkus');

    const fba = context({ allowZeroStock: true, order: { orderId: ORDER_ID, fulfilledBy: 'AMAZON' } });
    const fbaForm = cancelForm(fba, withZeroStock(draft(fba, { reason: 'NoInventory' }), 'MUG-RED', true));
    expect(fbaForm).toMatchObject({ offerZeroStock: false, zeroStockChoices: [] });
  });

  it("takes a line's SKU from the order's items when the cancellable line has none", () => {
    const of = context({ allowZeroStock: true, cancellableLines: [{ orderItemId: 'item-1', quantity: 1 }] });
    expect(cancelForm(of, draft(of, { reason: 'NoInventory' })).zeroStockChoices).toEqual([
      { sku: 'TEA-GRN' },
    ]);
  });

  it('says a cancellation counts toward the cancellation rate unless the buyer asked', () => {
    const of = context();
    expect(cancelForm(of, draft(of, { reason: 'PricingError' })).countsTowardCancellationRate).toBe(true);
    expect(cancelForm(of, draft(of, { reason: 'BuyerCanceled' })).countsTowardCancellationRate).toBe(false);
    const asked = context({
      order: {
        orderId: ORDER_ID,
        fulfilledBy: 'MERCHANT',
        buyerCancelRequest: { firstSeenAt: '2026-11-20T12:00:00Z' },
      },
    });
    expect(cancelForm(asked, draft(asked, { reason: 'NoInventory' })).countsTowardCancellationRate).toBe(
      false,
    );
  });
});
