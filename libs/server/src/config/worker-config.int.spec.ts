import { DataSource } from 'typeorm';
import * as z from 'zod';
import { queueConnection } from '../queue/queue-connection';
import { createTestDatabase, firstRowOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';
import { workerConfig } from './worker-config';

const synchronousCommit = async (dataSource: DataSource): Promise<string> =>
  (await firstRowOf<{ synchronous_commit: string }>(dataSource, `SHOW synchronous_commit`)).synchronous_commit;

describe('commit durability per process', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('the API waits for the disk; a worker does not, unless WORKER_SYNCHRONOUS_COMMIT is set', async () => {
    expect(await synchronousCommit(api.app.get(DataSource))).toBe('on');
    for (const [workerSetting, expected] of [
      [false, 'off'],
      [true, 'on'],
    ] as const) {
      const worker = await startTestWorker(testConfig(db.url, { workerSynchronousCommit: workerSetting }));
      try {
        expect(await synchronousCommit(worker.get(DataSource))).toBe(expected);
      } finally {
        await worker.close();
      }
    }
  });

  it('gives the PostgreSQL queue backend the same session setting', () => {
    const options = (config: ReturnType<typeof testConfig>) =>
      z.looseObject({ options: z.string().optional() }).parse(queueConnection(config).connection).options;
    expect(options(testConfig(db.url))).toBeUndefined();
    expect(options(workerConfig(testConfig(db.url)))).toBe('-c synchronous_commit=off');
    expect(options(workerConfig(testConfig(db.url, { workerSynchronousCommit: true })))).toBeUndefined();
  });
});
