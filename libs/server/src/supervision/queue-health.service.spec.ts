import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QueueHealthService } from './queue-health.service';

/** The sharing rule only; the numbers themselves are checked against PostgreSQL in cases.int.spec. */
describe('QueueHealthService sharing', () => {
  function serviceWith(cacheMs: number) {
    let queries = 0;
    const dataSource = {
      query: async (sql: string) => {
        queries += 1;
        await new Promise((r) => setTimeout(r, 5));
        return sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : [];
      },
    } as unknown as DataSource;
    const service = new QueueHealthService(dataSource, { queueHealthCacheMs: cacheMs } as AppConfig);
    return { service, queries: () => queries };
  }

  it('runs one computation for many simultaneous callers', async () => {
    const { service, queries } = serviceWith(2000);
    const results = await Promise.all(Array.from({ length: 20 }, () => service.health()));
    expect(queries()).toBe(5);
    expect(new Set(results.map((r) => r.generatedAt)).size).toBe(1);
  });

  it('recomputes every time when sharing is off', async () => {
    const { service, queries } = serviceWith(0);
    await service.health();
    await service.health();
    expect(queries()).toBe(10);
  });
});

describe('QueueHealthService refresh', () => {
  it('answers from the previous result while a refresh runs, then from the new one', async () => {
    const waiting: Array<() => void> = [];
    const release = () => waiting.splice(0).forEach((resolve) => resolve());
    let slow = false;
    const dataSource = {
      query: async (sql: string) => {
        if (slow) await new Promise<void>((resolve) => waiting.push(resolve));
        return sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : [];
      },
    } as unknown as DataSource;
    const service = new QueueHealthService(dataSource, { queueHealthCacheMs: 10 } as AppConfig);
    const first = await service.health();
    await new Promise((r) => setTimeout(r, 15));
    slow = true;
    const during = await service.health();
    expect(during.generatedAt).toBe(first.generatedAt);
    slow = false;
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect((await service.health()).generatedAt).not.toBe(first.generatedAt);
  });
});
