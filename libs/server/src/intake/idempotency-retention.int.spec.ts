import { INestApplicationContext } from '@nestjs/common';
import { PurgeExpiredJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { Job, Queue } from 'bullmq';
import * as z from 'zod';
import { DEFAULT_JOB_OPTIONS } from '../queue/queue.module';
import { queueConnection } from '../queue/queue-connection';
import { IDEMPOTENCY_REPLAY_HOURS, PURGE_EVERY_MS, PurgeResult } from '../system/retention';
import { bodyOf, createTestDatabase, intakeFixture, rowsOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';

/** What a purge job returns (its `returnvalue`, read back from the queue); no contract has it, so it is checked against PurgeResult here. */
const purgeResultSchema = z.strictObject({ idempotencyRecords: z.number().int(), loginThrottles: z.number().int() }) satisfies z.ZodType<PurgeResult>;

/**
 * A replayable answer holds the access code (sealed). It is kept for the retry window only:
 * replays inside it get the same case; after it the key counts as new; a worker job deletes it.
 */
describe('Idempotency-Key records expire', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let queue: Queue<PurgeExpiredJob>;

  const age = (key: string, hours: number) =>
    db.dataSource.query(`UPDATE idempotency_record SET created_at = now() - make_interval(hours => $2) WHERE key = $1`, [key, hours]);
  const records = async () => (await rowsOf<{ key: string }>(db.dataSource, `SELECT key FROM idempotency_record ORDER BY key`)).map((row) => row.key);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url);
    api = await startTestApi(db, config);
    const { connection, prefix } = queueConnection(config);
    queue = new Queue<PurgeExpiredJob>(QUEUES.system, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    worker = await startTestWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await api?.close();
    await db?.drop();
  });

  it('replays the same case within the window, even near its end', async () => {
    const headers = { 'Idempotency-Key': 'window-test-0001' };
    const first = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    await age('window-test-0001', IDEMPOTENCY_REPLAY_HOURS - 1);
    const again = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    expect(again.status).toBe(201);
    expect(bodyOf(again, intakeResponseSchema).reference).toBe(bodyOf(first, intakeResponseSchema).reference);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('after the window, the same key is a new submission: a new case and code that work, never the old code', async () => {
    const headers = { 'Idempotency-Key': 'expired-test-0001' };
    const first = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    await age('expired-test-0001', IDEMPOTENCY_REPLAY_HOURS + 1);

    const later = await api.request('POST', '/api/intakes', { body: intakeFixture({ paid: true }), headers });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    const firstCase = bodyOf(first, intakeResponseSchema);
    const laterCase = bodyOf(later, intakeResponseSchema);
    expect(laterCase.reference).not.toBe(firstCase.reference);
    expect(laterCase.accessCode).not.toBe(firstCase.accessCode);
    const view = await api.request('POST', '/api/case-access', { body: { reference: laterCase.reference, accessCode: laterCase.accessCode } });
    expect(view.status).toBe(200);
    // The key now holds the new answer, for a new window.
    const retried = await api.request('POST', '/api/intakes', { body: intakeFixture({ paid: true }), headers });
    expect(bodyOf(retried, intakeResponseSchema).reference).toBe(laterCase.reference);
  });

  it('a worker job, scheduled every 15 minutes, deletes expired records (with their sealed access codes) and keeps the rest', async () => {
    for (const key of ['purge-old-0001', 'purge-new-0001']) {
      expect((await api.request('POST', '/api/intakes', { body: intakeFixture(), headers: { 'Idempotency-Key': key } })).status).toBe(201);
    }
    await age('purge-old-0001', IDEMPOTENCY_REPLAY_HOURS + 1);
    await db.dataSource.query(
      `INSERT INTO login_throttle (account_key, attempts, window_started_at, updated_at) VALUES ('old', 3, now() - interval '2 days', now() - interval '2 days'), ('recent', 3, now(), now())`,
    );

    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((scheduler) => scheduler.key === SYSTEM_JOBS.purgeExpired)).toMatchObject({ every: PURGE_EVERY_MS });

    const job = await queue.add(SYSTEM_JOBS.purgeExpired, { requestedAt: new Date().toISOString() });
    const done = await finished(queue, job.id ?? '');
    expect(await done.getState()).toBe('completed');
    const purged = purgeResultSchema.parse(done.returnvalue);
    expect(purged).toMatchObject({ loginThrottles: 1 });
    expect(purged.idempotencyRecords).toBeGreaterThanOrEqual(1);
    const left = await records();
    expect(left).toContain('purge-new-0001');
    expect(left).not.toContain('purge-old-0001');
    expect(await rowsOf<{ account_key: string }>(db.dataSource, `SELECT account_key FROM login_throttle ORDER BY 1`)).toEqual([{ account_key: 'recent' }]);

    // Twice is harmless.
    const again = await finished(queue, (await queue.add(SYSTEM_JOBS.purgeExpired, { requestedAt: new Date().toISOString() })).id ?? '');
    expect(purgeResultSchema.parse(again.returnvalue)).toEqual({ idempotencyRecords: 0, loginThrottles: 0 });
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
