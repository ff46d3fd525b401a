import {
  cancelForm,
  initialCancelDraft,
  withLineChosen,
  type CancelDraft,
  type CancelFormContext,
} from '../../../components/cancel/cancel-form';
import type { StoredOrderItem } from '../../../lib/domain/order';

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
  it('opens on the whole order with no reason chosen and every quantity in full', () => {
    expect(initialCancelDraft(context())).toEqual({
      scope: 'whole',
      chosen: new Set(),
      quantities: { 'item-0': '3', 'item-1': '1' },
      reason: '',
      memo: '',
      zeroStock: false,
    });
  });

  it('opens on chosen lines, the only one chosen, when part of the order has shipped', () => {
    const partly = context({ cancellableLines: [{ orderItemId: 'item-0', quantity: 2, sku: 'MUG-RED' }] });
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

  it('asks for at least one line, and for a whole number within what may be cancelled', () => {
    const of = context();
    const none = cancelForm(of, draft(of, { scope: 'lines', reason: 'PricingError' }));
    expect(none).toMatchObject({ ready: false, errors: { lines: 'Choose at least one line to cancel' } });

    const chosen = withLineChosen(draft(of, { scope: 'lines', reason: 'PricingError' }), 'item-0', true);
    for (const typed of ['4', '0', '1.5', '', 'two']) {
      const form = cancelForm(of, { ...chosen, quantities: { ...chosen.quantities, 'item-0': typed } });
      expect(form.ready).toBe(false);
      expect(form.errors.quantities.get('item-0')).toBe('Choose a quantity from 1 to 3');
    }
    const two = cancelForm(of, { ...chosen, quantities: { ...chosen.quantities, 'item-0': ' 2 ' } });
    expect(two.request).toEqual({
      orderId: ORDER_ID,
      lines: [{ orderItemId: 'item-0', quantity: 2 }],
      reason: 'PricingError',
    });
  });

  it('checks only the quantities of chosen lines', () => {
    const of = context();
    const chosen = withLineChosen(draft(of, { scope: 'lines', reason: 'PricingError' }), 'item-1', true);
    const form = cancelForm(of, { ...chosen, quantities: { ...chosen.quantities, 'item-0': 'x' } });
    expect(form.ready).toBe(true);
    expect(withLineChosen(chosen, 'item-1', false).chosen).toEqual(new Set());
  });

  it('offers stock to 0 with the setting on and reason No inventory, for the SKUs being cancelled', () => {
    const on = context({ allowZeroStock: true });
    expect(cancelForm(on, draft(on, { reason: 'PricingError' })).offerZeroStock).toBe(false);
    const whole = cancelForm(on, draft(on, { reason: 'NoInventory' }));
    expect(whole).toMatchObject({ offerZeroStock: true, zeroStockSkus: ['MUG-RED', 'TEA-GRN'] });
    expect(whole.request).not.toHaveProperty('zeroStockSkus');

    const tea = withLineChosen(
      draft(on, { scope: 'lines', reason: 'NoInventory', zeroStock: true }),
      'item-1',
      true,
    );
    const form = cancelForm(on, tea);
    expect(form.zeroStockSkus).toEqual(['TEA-GRN']);
    expect(form.request).toMatchObject({ zeroStockSkus: ['TEA-GRN'] });
  });

  it('never offers stock to 0 with the setting off, nor for an Amazon-fulfilled order', () => {
    const off = context();
    const offForm = cancelForm(off, draft(off, { reason: 'NoInventory', zeroStock: true }));
    expect(offForm.offerZeroStock).toBe(false);
    expect(offForm.request).not.toHaveProperty('zeroStockSkus');

    const fba = context({ allowZeroStock: true, order: { orderId: ORDER_ID, fulfilledBy: 'AMAZON' } });
    const fbaForm = cancelForm(fba, draft(fba, { reason: 'NoInventory', zeroStock: true }));
    expect(fbaForm).toMatchObject({ offerZeroStock: false, zeroStockSkus: [] });
  });

  it("takes a line's SKU from the order's items when the cancellable line has none", () => {
    const of = context({ allowZeroStock: true, cancellableLines: [{ orderItemId: 'item-1', quantity: 1 }] });
    expect(cancelForm(of, draft(of, { reason: 'NoInventory' })).zeroStockSkus).toEqual(['TEA-GRN']);
  });
});
