import { INestApplicationContext } from '@nestjs/common';
import { PurgeCasesJob, QUEUES, RETENTION_JOBS } from '@sg/contracts';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '../queue/queue.module';
import { queueConnection } from '../queue/queue-connection';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';
import { CASE_PURGE_PATTERN } from './retention.scheduler';

/** The purge through the real queue backend and a real worker: scheduled daily, and a job purges once. */
describe('the daily case purge job', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let queue: Queue<PurgeCasesJob>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url);
    api = await startTestApi(db, config);
    const { connection, prefix } = queueConnection(config);
    queue = new Queue<PurgeCasesJob>(QUEUES.retention, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    worker = await startTestWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await api?.close();
    await db?.drop();
  });

  it('is scheduled daily by the worker, and a job purges an expired case once (a second job finds nothing)', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((scheduler) => scheduler.key === RETENTION_JOBS.purgeCases)).toMatchObject({ pattern: CASE_PURGE_PATTERN });

    const admin = await api.tokenFor('admin');
    expect((await api.request('PUT', '/api/organisation/retention', { token: admin, body: { closedCaseDays: 30 } })).status).toBe(200);
    const created = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const { id } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(created, intakeResponseSchema).reference,
    ]);
    await db.dataSource.query(`UPDATE support_case SET status = 'closed', updated_at = now() - interval '40 days' WHERE id = $1`, [id]);
    await db.dataSource.query(`UPDATE case_event SET at = now() - interval '40 days' WHERE case_id = $1`, [id]);

    const first = await finished(queue, (await queue.add(RETENTION_JOBS.purgeCases, { requestedAt: new Date().toISOString() })).id ?? '');
    expect(await first.getState()).toBe('completed');
    expect(first.returnvalue).toMatchObject({ cases: 1, byRetention: 1, retentionDays: 30 });
    const second = await finished(queue, (await queue.add(RETENTION_JOBS.purgeCases, { requestedAt: new Date().toISOString() })).id ?? '');
    expect(second.returnvalue).toMatchObject({ cases: 0 });
    const audits = await rowsOf<{ after: unknown }>(db.dataSource, `SELECT after FROM audit_log WHERE action = 'retention.purged'`);
    expect(audits).toHaveLength(1);
  });
});

async function finished(queue: Queue, id: string): Promise<Job> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await queue.getJob(id);
    if (job?.finishedOn) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
