import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  let storage: FixedWindowThrottlerStorage;
  let now: number;
  const hit = (key = 'client-a', name = 'default') => storage.increment(key, 60_000, 3, 60_000, name);

  beforeEach(() => {
    storage = new FixedWindowThrottlerStorage();
    now = 1_000_000;
    storage.now = () => now;
  });

  it('counts up to the limit, then blocks for the block duration with the seconds left', async () => {
    for (let i = 1; i <= 3; i++) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false, timeToBlockExpire: 0 });
    now += 10_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    // Refused requests do not extend the block.
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now += 30_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts a new window once the old one has passed', async () => {
    await hit();
    await hit();
    now += 60_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
  });

  it('counts each client and each named limit apart', async () => {
    for (let i = 0; i < 4; i++) await hit('client-a');
    expect((await hit('client-b')).isBlocked).toBe(false);
    expect((await hit('client-a', 'intake')).isBlocked).toBe(false);
    expect((await hit('client-a')).isBlocked).toBe(true);
  });

  it('forgets windows that have passed, so memory follows the clients seen lately', async () => {
    for (let i = 0; i < 9_999; i++) await hit(`client-${i}`);
    expect(storage.size).toBe(9_999);
    now += 61_000;
    await hit('late');
    expect(storage.size).toBe(1);
  });
});
