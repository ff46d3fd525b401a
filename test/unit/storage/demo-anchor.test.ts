import { fakeBrowser } from 'wxt/testing';
import { demoAnchorMs } from '../../../lib/background/demo-anchor';

describe('demo anchor', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores the first start time and returns it on every later start', async () => {
    expect(await demoAnchorMs(1_000)).toBe(1_000);
    expect(await demoAnchorMs(5_000)).toBe(1_000);
    expect((await fakeBrowser.storage.local.get('demoAnchorMs')).demoAnchorMs).toBe(1_000);
  });

  it('reads the anchor an earlier version stored under demoAnchorMs', async () => {
    await fakeBrowser.storage.local.set({ demoAnchorMs: 42 });
    expect(await demoAnchorMs(5_000)).toBe(42);
  });

  it('replaces a stored anchor that is not a number', async () => {
    await fakeBrowser.storage.local.set({ demoAnchorMs: 'yesterday' });
    expect(await demoAnchorMs(5_000)).toBe(5_000);
    expect(await demoAnchorMs(9_000)).toBe(5_000);
  });
});
