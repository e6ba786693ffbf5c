import { DataSource } from 'typeorm';
import { createTestDatabase, rowsOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';
import { FollowUpScheduler } from './follow-up-scheduler.service';

/** As PostgreSQL reports a transaction it aborted to break a deadlock. */
const DEADLOCK = `DO $$ BEGIN RAISE EXCEPTION 'deadlock detected (as PostgreSQL reports it)' USING ERRCODE = '40P01'; END $$`;

/**
 * The transaction every case change runs in (`CaseFollowUps.transaction`): the person's additions
 * and messages, staff sends. A deadlock (the cluster triggers lock a case's identifiers) aborts the
 * whole transaction, so running it again is safe, and the person's words must not be lost to a 500.
 */
describe('the case-change transaction and transient conflicts', () => {
  let db: TestDatabase;
  let api: TestApi;
  let scheduler: FollowUpScheduler;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    scheduler = api.app.get(FollowUpScheduler);
    dataSource = db.dataSource;
    await dataSource.query(`CREATE TABLE retry_probe (attempt integer NOT NULL)`);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const probe = async (): Promise<number[]> =>
    (await rowsOf<{ attempt: number }>(dataSource, `SELECT attempt FROM retry_probe ORDER BY attempt`)).map((r) => r.attempt);

  beforeEach(async () => {
    await dataSource.query(`DELETE FROM retry_probe`);
  });

  it('runs the work again when PostgreSQL aborted it for a deadlock; the aborted attempt leaves nothing', async () => {
    let attempts = 0;
    const result = await scheduler.transaction(dataSource, async (manager) => {
      attempts += 1;
      await manager.query(`INSERT INTO retry_probe (attempt) VALUES ($1)`, [attempts]);
      if (attempts === 1) await manager.query(DEADLOCK);
      return 'written';
    });
    expect(result).toBe('written');
    expect(attempts).toBe(2);
    expect(await probe()).toEqual([2]);
  });

  it('gives up after three deadlocks in a row, and never retries any other error', async () => {
    let attempts = 0;
    await expect(
      scheduler.transaction(dataSource, async (manager) => {
        attempts += 1;
        await manager.query(DEADLOCK);
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toBe(3);

    attempts = 0;
    await expect(
      scheduler.transaction(dataSource, async (manager) => {
        attempts += 1;
        await manager.query(`INSERT INTO retry_probe (attempt) VALUES (NULL)`);
      }),
    ).rejects.toMatchObject({ code: '23502' });
    expect(attempts).toBe(1);
    expect(await probe()).toEqual([]);
  });
});
