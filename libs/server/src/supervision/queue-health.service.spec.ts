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
    expect(queries()).toBe(4);
    expect(new Set(results.map((r) => r.generatedAt)).size).toBe(1);
  });

  it('recomputes every time when sharing is off', async () => {
    const { service, queries } = serviceWith(0);
    await service.health();
    await service.health();
    expect(queries()).toBe(8);
  });
});
