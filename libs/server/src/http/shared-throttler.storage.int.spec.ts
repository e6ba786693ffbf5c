import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { createTestDatabase, TestDatabase } from '../testing';
import { SharedThrottlerStorage } from './shared-throttler.storage';

const KEY = Buffer.alloc(32, 7);

/** The storage itself, against PostgreSQL: what two processes share, when a count ends, and a database that fails. */
describe('SharedThrottlerStorage', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('two storages on one database count one budget; past it, refused for the block duration', async () => {
    const [a, b] = [new SharedThrottlerStorage(db.dataSource, KEY, new Set(['login'])), new SharedThrottlerStorage(db.dataSource, KEY, new Set(['login']))];
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await (i % 2 ? b : a).increment('client-1', 60_000, 3, 30_000, 'login'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const refused = await b.increment('client-1', 60_000, 3, 30_000, 'login');
    expect(refused).toMatchObject({ isBlocked: true });
    expect(refused.timeToBlockExpire).toBeGreaterThan(25);
    expect(refused.timeToBlockExpire).toBeLessThanOrEqual(30);
    // The first storage has not seen the refusal itself; the database has.
    expect(await a.increment('client-1', 60_000, 3, 30_000, 'login')).toMatchObject({ isBlocked: true });
    // Another client, another count.
    expect(await a.increment('client-2', 60_000, 3, 30_000, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('guesses sent all at once, to two processes, are counted one by one: exactly the limit gets through', async () => {
    const [a, b] = [
      new SharedThrottlerStorage(db.dataSource, KEY, new Set(['case-access'])),
      new SharedThrottlerStorage(db.dataSource, KEY, new Set(['case-access'])),
    ];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).increment('client-6', 60_000, 5, 60_000, 'case-access')));
    expect(results.filter((result) => !result.isBlocked)).toHaveLength(5);
  });

  it('a window that has passed starts again from zero', async () => {
    const storage = new SharedThrottlerStorage(db.dataSource, KEY, new Set(['intake']));
    await storage.increment('client-3', 1000, 1, 1000, 'intake');
    expect(await storage.increment('client-3', 1000, 1, 1000, 'intake')).toMatchObject({ isBlocked: true });
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await storage.increment('client-3', 1000, 1, 1000, 'intake')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('limits not named shared are counted in memory, and never reach the table', async () => {
    const storage = new SharedThrottlerStorage(db.dataSource, KEY, new Set(['login']));
    for (let i = 0; i < 2; i++) await storage.increment('client-4', 60_000, 2, 60_000, 'default');
    expect(await storage.increment('client-4', 60_000, 2, 60_000, 'default')).toMatchObject({ isBlocked: true });
    expect(await db.dataSource.query(`SELECT key FROM rate_limit_counter WHERE key LIKE 'default:%'`)).toEqual([]);
  });

  it('when the database cannot be used, each process still counts in memory', async () => {
    const broken = new DataSource(dataSourceOptions(db.url));
    await broken.initialize();
    await broken.destroy();
    const storage = new SharedThrottlerStorage(broken, KEY, new Set(['case-access']));
    for (let i = 0; i < 2; i++) expect(await storage.increment('client-5', 60_000, 2, 60_000, 'case-access')).toMatchObject({ isBlocked: false });
    expect(await storage.increment('client-5', 60_000, 2, 60_000, 'case-access')).toMatchObject({ isBlocked: true });
  });
});
