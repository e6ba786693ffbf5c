import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { unitConfig } from '../testing/unit-config';
import { TRENDS_SHARE_MS, TrendsService } from './trends.service';

/** The sharing rule only; the figures themselves are checked against PostgreSQL in trends.int.spec. */
describe('TrendsService sharing', () => {
  function serviceWith(options: { fail?: boolean } = {}) {
    let computations = 0;
    // A real DataSource and EntityManager, never connected: the transaction and its queries answer here.
    const dataSource = new DataSource({ type: 'postgres' });
    const manager = new EntityManager(dataSource);
    jest.spyOn(manager, 'query').mockImplementation(async (sql: string) => {
      await new Promise((r) => setTimeout(r, 5));
      if (sql.includes('AS "dayStarts"'))
        return [{ days: ['2026-12-01'], dayStarts: [new Date(0), new Date(1)], weeks: ['2026-11-30'], weekStarts: [new Date(0), new Date(1)] }];
      return [];
    });
    jest.spyOn(dataSource, 'transaction').mockImplementation((_level: IsolationLevel, work: (m: EntityManager) => Promise<unknown>) => {
      computations += 1;
      if (options.fail) return Promise.reject(new Error('database down'));
      return work(manager);
    });
    const service = new TrendsService(dataSource, unitConfig({ followUpTimeScale: 1 }));
    return { service, computations: () => computations };
  }

  afterEach(() => jest.useRealTimers());

  it('runs one computation for many simultaneous callers of the same window and zone', async () => {
    const { service, computations } = serviceWith();
    const results = await Promise.all(Array.from({ length: 20 }, () => service.trends(30, 'UTC')));
    expect(computations()).toBe(1);
    expect(new Set(results.map((r) => r.generatedAt)).size).toBe(1);
  });

  it('computes each window and zone on its own', async () => {
    const { service, computations } = serviceWith();
    await Promise.all([service.trends(30, 'UTC'), service.trends(7, 'UTC'), service.trends(30, 'Europe/London')]);
    expect(computations()).toBe(3);
  });

  it('computes again once the shared result is older than TRENDS_SHARE_MS', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout'] });
    const { service, computations } = serviceWith();
    await service.trends(30, 'UTC');
    jest.setSystemTime(Date.now() + TRENDS_SHARE_MS - 1000);
    await service.trends(30, 'UTC');
    expect(computations()).toBe(1);
    jest.setSystemTime(Date.now() + 2000);
    await service.trends(30, 'UTC');
    expect(computations()).toBe(2);
  });

  it('does not keep a failure: the next caller tries again', async () => {
    const { service, computations } = serviceWith({ fail: true });
    await expect(service.trends(30, 'UTC')).rejects.toThrow('database down');
    await expect(service.trends(30, 'UTC')).rejects.toThrow('database down');
    expect(computations()).toBe(2);
  });
});
