import { describe, expect, it } from 'vitest';
import { createDevice } from '../../support/sync-devices';

describe('the sync runner', () => {
  it('does nothing and makes no request while sync is off', async () => {
    const device = createDevice(() => null, {
      fetch: () => {
        throw new Error('no request may be made');
      },
    });
    device.local.saveNote('arxiv:1', 'private', '2026-01-01T00:00:00.000Z');
    expect(await device.runner.runSync()).toEqual([]);
    expect(device.local.outbox).toHaveLength(1);
  });

  it('joins the running sync instead of starting a second one', () => {
    const device = createDevice(() => null);
    const first = device.runner.runSync();
    expect(device.runner.runSync()).toBe(first);
  });

  it('waits a few quiet seconds after local writes: each new write restarts the wait', () => {
    const armed: number[] = [];
    const cleared: unknown[] = [];
    const device = createDevice(() => null, {
      debounceMs: 3000,
      timers: {
        set: (_callback, ms) => armed.push(ms),
        clear: (handle) => cleared.push(handle),
      },
    });
    device.runner.scheduleSync();
    device.runner.scheduleSync();
    device.runner.scheduleSync(0);
    expect(armed).toEqual([3000, 3000, 0]);
    expect(cleared).toEqual([1, 2]);
  });
});
