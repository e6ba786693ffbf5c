import { createTestDatabase, rowsOf, startTestWorker, TestDatabase, testConfig } from '../testing';
import { CHURNING_QUEUE_TABLES, QUEUE_TABLE_VACUUM } from './postgres-queue-tuning';

describe('PostgreSQL queue tables upkeep', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const reloptions = async (table: string): Promise<string[]> =>
    (await rowsOf<{ reloptions: string[] | null }>(db.dataSource, `SELECT reloptions FROM pg_class WHERE oid = to_regclass($1)`, [`bullmq.${table}`]))[0]
      ?.reloptions ?? [];

  it("the owner's migrations set aggressive vacuum on BullMQ's churning tables, and workers (as the app role) keep it", async () => {
    for (let start = 0; start < 2; start += 1) {
      const worker = await startTestWorker(testConfig(db.url));
      await worker.close();
      for (const table of CHURNING_QUEUE_TABLES) expect(await reloptions(table)).toEqual(expect.arrayContaining(QUEUE_TABLE_VACUUM.split(',')));
    }
  });
});
