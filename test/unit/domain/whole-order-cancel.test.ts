import {
  canCancelWholeOrder,
  isWholeOrderCancel,
  wholeOrderCancelLines,
} from '../../../lib/domain/whole-order-cancel';

const items = [
  { orderItemId: 'i1', quantityOrdered: 3 },
  { orderItemId: 'i2', quantityOrdered: 1 },
];

describe('isWholeOrderCancel', () => {
  it('is the whole order when every line is cancelled with every unit ordered, in any order', () => {
    expect(
      isWholeOrderCancel(items, [
        { orderItemId: 'i2', quantity: 1 },
        { orderItemId: 'i1', quantity: 3 },
      ]),
    ).toBe(true);
  });

  it('is chosen lines when a line is left out or cancelled in part', () => {
    expect(isWholeOrderCancel(items, [{ orderItemId: 'i1', quantity: 3 }])).toBe(false);
    expect(
      isWholeOrderCancel(items, [
        { orderItemId: 'i1', quantity: 2 },
        { orderItemId: 'i2', quantity: 1 },
      ]),
    ).toBe(false);
  });

  it('is never the whole order of an order whose lines are not known', () => {
    expect(isWholeOrderCancel([], [{ orderItemId: 'i1', quantity: 1 }])).toBe(false);
  });
});

describe('wholeOrderCancelLines and canCancelWholeOrder', () => {
  it('send every cancellable line with all its units, and allow it when nothing has shipped', () => {
    const cancellable = [
      { orderItemId: 'i1', quantity: 3, sku: 'MUG' },
      { orderItemId: 'i2', quantity: 1 },
    ];
    expect(wholeOrderCancelLines(cancellable)).toEqual([
      { orderItemId: 'i1', quantity: 3 },
      { orderItemId: 'i2', quantity: 1 },
    ]);
    expect(canCancelWholeOrder(items, cancellable)).toBe(true);
  });

  it('refuse the whole order once a unit has shipped or a line is being cancelled', () => {
    // One of three mugs shipped: two remain cancellable.
    expect(
      canCancelWholeOrder(items, [
        { orderItemId: 'i1', quantity: 2 },
        { orderItemId: 'i2', quantity: 1 },
      ]),
    ).toBe(false);
    // The tea tin is covered by a pending cancel, so it is not offered.
    expect(canCancelWholeOrder(items, [{ orderItemId: 'i1', quantity: 3 }])).toBe(false);
  });
});
