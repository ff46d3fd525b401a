// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { browserNavigation } from '../../components/app/browser-navigation';
import { managerHash, parseManagerHash } from '../../components/app/navigation';
import { browserOrderQueryStore, ORDER_LIST_QUERY_KEY } from '../../components/orders/order-query-store';
import { browserSettingsSource } from '../../components/settings/browser-settings-source';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings-schema';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('browserOrderQueryStore', () => {
  it('keeps the last query in storage.local under orderListQuery', async () => {
    const store = browserOrderQueryStore();
    expect(await store.load()).toBeUndefined();
    await store.save({ text: 'mug', statuses: ['SHIPPED'], subTypes: ['prime', 'business-prime'] });
    expect((await fakeBrowser.storage.local.get(ORDER_LIST_QUERY_KEY))[ORDER_LIST_QUERY_KEY]).toEqual({
      text: 'mug',
      statuses: ['SHIPPED'],
      subTypes: ['prime', 'business-prime'],
    });
    expect(await browserOrderQueryStore().load()).toEqual({
      text: 'mug',
      statuses: ['SHIPPED'],
      subTypes: ['prime', 'business-prime'],
    });
  });

  it('ignores a stored query that does not validate', async () => {
    await fakeBrowser.storage.local.set({ [ORDER_LIST_QUERY_KEY]: { statuses: ['NOT_A_STATUS'] } });
    expect(await browserOrderQueryStore().load()).toBeUndefined();
    await fakeBrowser.storage.local.set({ [ORDER_LIST_QUERY_KEY]: 'mug' });
    expect(await browserOrderQueryStore().load()).toBeUndefined();
  });
});

describe('browserSettingsSource', () => {
  it('saves to storage, which the background watches, without a message that could be lost', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true } as never);
    const saved = await browserSettingsSource().save({ syncIntervalMinutes: 10 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, syncIntervalMinutes: 10 });
    expect(send).not.toHaveBeenCalled();
    expect(await browserSettingsSource().load()).toEqual(saved);
  });

  it('sends the form’s credentials and endpoints to test the connection', async () => {
    const send = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, message: 'Unauthorized', code: 'Unauthorized' } as never);
    const credentials = {
      clientId: 'id',
      clientSecret: 'secret',
      refreshToken: 'Atzr|x',
      region: 'na' as const,
      marketplaceIds: ['ATVPDKIKX0DER'],
    };
    const answer = await browserSettingsSource().testConnection(credentials, null);
    expect(answer).toEqual({ ok: false, message: 'Unauthorized', code: 'Unauthorized' });
    expect(send).toHaveBeenCalledWith({ type: 'test-connection', credentials, endpointOverride: null });
  });
});

describe('browserNavigation', () => {
  it('opens the manager in a new tab and the options page', () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const navigation = browserNavigation();
    navigation.openManager();
    expect(create).toHaveBeenLastCalledWith({ url: fakeBrowser.runtime.getURL('/manager.html') });
    navigation.openManager({ view: 'quarantine' });
    expect(create).toHaveBeenLastCalledWith({
      url: fakeBrowser.runtime.getURL('/manager.html') + '#quarantine',
    });
    navigation.openOptions();
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('round-trips manager targets through the URL hash', () => {
    expect(parseManagerHash('#order=111-0000001-0000001')).toEqual({
      view: 'order',
      orderId: '111-0000001-0000001',
    });
    expect(parseManagerHash('#quarantine')).toEqual({ view: 'quarantine' });
    expect(parseManagerHash('')).toBeUndefined();
    expect(parseManagerHash('#order=111-0000001-0000001&action=cancel')).toEqual({
      view: 'order',
      orderId: '111-0000001-0000001',
      action: 'cancel',
    });
    // An unknown action from outside is dropped, the order still opens.
    expect(parseManagerHash('#order=111-0000001-0000001&action=refund')).toEqual({
      view: 'order',
      orderId: '111-0000001-0000001',
    });
    const target = { view: 'order', orderId: '111-0000001-0000001', action: 'cancel' } as const;
    expect(managerHash(target)).toBe('#order=111-0000001-0000001&action=cancel');
    expect(parseManagerHash(managerHash(target))).toEqual(target);
  });
});
