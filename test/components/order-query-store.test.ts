// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { browserOrderQueryStore, ORDER_LIST_QUERY_KEY } from '../../components/orders/order-query-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('browserOrderQueryStore: sort', () => {
  it('keeps the chosen sort with the filters', async () => {
    await browserOrderQueryStore().save({ text: 'mug', sort: 'ship-by' });
    expect(await browserOrderQueryStore().load()).toEqual({ text: 'mug', sort: 'ship-by' });
  });

  it('reads a sort it does not know as the default and keeps the rest of the query', async () => {
    await fakeBrowser.storage.local.set({
      [ORDER_LIST_QUERY_KEY]: { text: 'mug', subTypes: ['prime'], sort: 'by-colour' },
    });
    const loaded = await browserOrderQueryStore().load();
    expect(loaded).toMatchObject({ text: 'mug', subTypes: ['prime'] });
    expect(loaded?.sort).toBeUndefined();
  });
});
