import { ManualClock, systemClock } from '../../lib/clock';

describe('systemClock.sleep', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resolves after the time has passed', async () => {
    let done = false;
    const sleeping = systemClock.sleep(120_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(119_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('rejects at once with the reason when its signal aborts mid-sleep, and leaves no timer behind', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(120_000, controller.signal);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('settings changed'));
    await expect(sleeping).rejects.toThrow('settings changed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with an AbortError when the signal was aborted before the sleep', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(systemClock.sleep(1_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('ManualClock.sleep', () => {
  it('moves the clock at once', async () => {
    const clock = new ManualClock(0);
    await clock.sleep(5_000, new AbortController().signal);
    expect(clock.now()).toBe(5_000);
  });

  it('neither waits nor moves time for an aborted signal', async () => {
    const clock = new ManualClock(0);
    const controller = new AbortController();
    controller.abort();
    await expect(clock.sleep(5_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.now()).toBe(0);
  });
});
