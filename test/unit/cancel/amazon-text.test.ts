import { describe, expect, it } from 'vitest';
import { sellerFacingAmazonText } from '../../../components/cancel/amazon-text';
import type { StoredOrderItem } from '../../../lib/domain/order';

function item(orderItemId: string, sku: string, title: string): StoredOrderItem {
  return {
    orderId: '111-2222222-3333333',
    orderItemId,
    sku,
    title,
    quantityOrdered: 1,
    quantityShipped: 0,
  } as StoredOrderItem;
}

describe('sellerFacingAmazonText', () => {
  it("keeps a buyer's or seller's '$' in a SKU or title as it is (no replacement patterns)", () => {
    const text = 'Item 61568591528109 cannot be cancelled (Amazon code 18107)';
    const items = [item('61568591528109', "SKU-$'", 'Mug $& $` $1 <img src=x onerror=alert(1)>')];
    expect(sellerFacingAmazonText(text, items)).toBe(
      "SKU SKU-$' (“Mug $& $` $1 <img src=x onerror=alert(1)>”) cannot be cancelled",
    );
  });

  it('names each line once even when a SKU reads like another line’s item id', () => {
    const text = 'Item 111 and item 222 were refused';
    const items = [item('111', '222', 'First'), item('222', 'B', 'Second')];
    expect(sellerFacingAmazonText(text, items)).toBe('SKU 222 (“First”) and SKU B (“Second”) were refused');
  });

  it('takes odd ids as plain text, not as a pattern', () => {
    const items = [item('(a+)+$', 'S', 'T'), item('.*', 'X', 'Y')];
    const text = `item ${'a'.repeat(40)}! refused`;
    expect(sellerFacingAmazonText(text, items)).toBe(text);
  });
});
