import { managerHash, parseManagerHash, type ManagerTarget } from '../../lib/manager-route';

describe('manager route: the requests view', () => {
  it('opens the requests view at #requests, both ways', () => {
    expect(managerHash({ view: 'requests' })).toBe('#requests');
    expect(parseManagerHash('#requests')).toEqual({ view: 'requests' });
  });

  it.each(['accept-request', 'decline-request', 'show-request'] as const)(
    'round-trips the %s action',
    (action) => {
      const target: ManagerTarget = { view: 'order', orderId: '111-0000001-0000001', action };
      expect(managerHash(target)).toBe(`#order=111-0000001-0000001&action=${action}`);
      expect(parseManagerHash(managerHash(target))).toEqual(target);
    },
  );

  it('still drops an unknown action from outside and opens the order', () => {
    expect(parseManagerHash('#order=111-0000001-0000001&action=accept-everything')).toEqual({
      view: 'order',
      orderId: '111-0000001-0000001',
    });
  });
});

describe('open-manager message: the requests view', () => {
  it('accepts the requests view and the accept/decline actions, and nothing else', async () => {
    const { requestSchema } = await import('../../lib/messaging');
    expect(requestSchema.safeParse({ type: 'open-manager', view: 'requests' }).success).toBe(true);
    expect(
      requestSchema.safeParse({
        type: 'open-manager',
        orderId: '111-0000001-0000001',
        action: 'accept-request',
      }).success,
    ).toBe(true);
    expect(requestSchema.safeParse({ type: 'open-manager', view: 'settings' }).success).toBe(false);
  });
});
