import { INestApplicationContext } from '@nestjs/common';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { itemAt } from '@sg/domain';
import { AppConfig } from '../config/app-config';
import {
  bodyOf,
  createTestDatabase,
  firstRowOf,
  QUEUE_BACKENDS_UNDER_TEST,
  intakeFixture,
  redisAvailable,
  rowsOf,
  startTestApi,
  startTestWorker,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';
import { FIRE_BATCHING } from './follow-up-fire.handler';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { FollowUpProcessor } from './follow-up.processor';
import { followUpRepository } from './follow-up.repository';

/**
 * Fire jobs a worker holds together fire in one statement (micro-batching). Each job must still
 * get its own follow-up's outcome: a stale, cancelled, early or already fired one does nothing, one
 * another transaction holds neither holds the others back nor is lost, one whose firing fails
 * fails alone, and with two workers firing the same jobs each follow-up fires exactly once.
 */
async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Rejects if `work` has not settled within `ms`: a batch waiting on the held row fails the test, not the run. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether `promise` has settled by now (after letting pending callbacks run). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
}

describe.each(QUEUE_BACKENDS_UNDER_TEST)('follow-ups fired in batches on $backend', ({ backend, enabled }) => {
  if (!enabled) {
    it.skip('needs REDIS_URL pointing at a reachable Redis', () => undefined);
    return;
  }

  let db: TestDatabase;
  let config: AppConfig;
  let api: TestApi;
  let workers: INestApplicationContext[] = [];
  let caseworker: string;
  let caseIds: string[] = [];

  async function claimedCase(): Promise<string> {
    const response = await api.request('POST', '/api/intakes', {
      body: intakeFixture({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false }),
    });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    // Planned by a worker first, so that plan cannot land later and cancel the follow-ups made here by hand.
    await eventually(
      async () => (await rowsOf<unknown>(db.dataSource, `SELECT 1 FROM follow_up WHERE case_id = $1`, [row.id])).length > 0,
      'the new case to be planned',
    );
    const claim = await api.request('POST', `/api/cases/${row.id}/claim`, { token: caseworker });
    expect(claim).toMatchObject({ status: 200, body: { id: row.id } });
    return row.id;
  }

  let made = 0;
  /** A follow-up due now (or at `dueAt`), told to the case's holder; marked as having its job, so no sweep fires it behind the test's back. */
  async function followUp(caseId: string, dueAt = 'now()'): Promise<{ id: string; revision: number }> {
    made += 1;
    const row = await firstRowOf<{ id: string; revision: number }>(
      db.dataSource,
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at, enqueued_revision)
       VALUES ($1, 'case_review', 'case', $1, $2, 'assignee', ${dueAt}, 1) RETURNING id, revision`,
      [caseId, `test-batch-${made}-${caseId}`],
    );
    return { id: row.id, revision: Number(row.revision) };
  }
  const notificationsOf = async (ids: readonly string[]) =>
    rowsOf<{ follow_up_id: string; n: number }>(
      db.dataSource,
      `SELECT follow_up_id, count(*)::int AS n FROM notification WHERE follow_up_id = ANY($1) GROUP BY 1`,
      [ids],
    );
  const timelineEntriesOf = async (ids: readonly string[]) =>
    rowsOf<{ follow_up_id: string; n: number }>(
      db.dataSource,
      `SELECT data->>'followUpId' AS follow_up_id, count(*)::int AS n FROM case_event WHERE kind = 'follow_up_fired' AND data->>'followUpId' = ANY($1) GROUP BY 1`,
      [ids],
    );
  const once = (ids: readonly string[]): unknown => expect.arrayContaining(ids.map((id) => ({ follow_up_id: id, n: 1 })));

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = backend === 'redis' ? await redisAvailable() : undefined;
    config = testConfig(db.url, { redisUrl });
    api = await startTestApi(db, config);
    caseworker = await api.tokenFor('caseworker');
    workers = await Promise.all([startTestWorker(config), startTestWorker(config)]);
    caseIds = [await claimedCase(), await claimedCase(), await claimedCase()];
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await api?.close();
    await db?.drop();
  });

  const processor = (i: number) => itemAt(workers, i, 'worker').get(FollowUpProcessor);
  const caseOf = (i: number) => itemAt(caseIds, i % caseIds.length, 'case');

  it("holds as many jobs as its backend's batching needs (many on Redis, few on BullMQ's PostgreSQL backend)", () => {
    const expected = backend === 'redis' ? { concurrency: 256, maxBatch: 128 } : { concurrency: 16, maxBatch: 8 };
    expect(FIRE_BATCHING[backend]).toMatchObject(expected);
    for (const i of [0, 1]) expect(processor(i).worker.concurrency).toBe(expected.concurrency);
  });

  it('answers each job of one statement with its own follow-up, and leaves one another transaction holds to fire on its own', async () => {
    // Eight jobs in all: one statement's most on the PostgreSQL backend (FIRE_BATCHING), so one statement on both.
    const due = await Promise.all([0, 1, 2].map((i) => followUp(caseOf(i))));
    const stale = await followUp(caseOf(0)); // moved since its job was queued: the job carries the old revision
    await db.dataSource.query(`UPDATE follow_up SET revision = revision + 1 WHERE id = $1`, [stale.id]);
    const cancelled = await followUp(caseOf(1));
    await db.dataSource.query(`UPDATE follow_up SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [cancelled.id]);
    const early = await followUp(caseOf(2), `now() + interval '1 hour'`);
    const firedBefore = await followUp(caseOf(0));
    expect(await processor(0).fire(firedBefore.id, firedBefore.revision)).toEqual({ fired: true, notified: 1 });
    const held = await followUp(caseOf(1));

    // Another transaction holds one follow-up's row (as another worker's fire or a replan would).
    const holder = db.dataSource.createQueryRunner();
    await holder.startTransaction();
    const statements = jest.spyOn(followUpRepository, 'fire');
    try {
      await holder.query(`SELECT 1 FROM follow_up WHERE id = $1 FOR UPDATE`, [held.id]);
      const jobs = [...due, stale, cancelled, early, firedBefore, held];
      // Handed over in one turn of the event loop, as a worker holding these jobs does.
      const outcomes = jobs.map((job) => processor(0).fire(job.id, job.revision));
      const heldOutcome = itemAt(outcomes, outcomes.length - 1, "the held job's outcome");
      const others = await within(10_000, 'the jobs nobody else holds', Promise.all(outcomes.slice(0, -1)));
      expect(others).toEqual([
        ...due.map(() => ({ fired: true, notified: 1 })),
        { fired: false, notified: 0 }, // stale
        { fired: false, notified: 0 }, // cancelled
        { fired: false, notified: 0, notDueUntil: expect.any(Date) as unknown }, // early
        { fired: false, notified: 0 }, // fired before
      ]);
      // All eight in one statement; the held one did not hold the others back, and is still waiting.
      expect(statements.mock.calls.map(([, input]) => input.requests.length)).toEqual([jobs.length, 1]);
      expect(await settled(heldOutcome)).toBe(false);

      await holder.commitTransaction();
      expect(await heldOutcome).toEqual({ fired: true, notified: 1 });
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    const firedIds = [...due, firedBefore, held].map((f) => f.id);
    expect(await notificationsOf([...firedIds, stale.id, cancelled.id, early.id])).toEqual(once(firedIds));
    expect(await notificationsOf([stale.id, cancelled.id, early.id])).toEqual([]);
    expect(await timelineEntriesOf(firedIds)).toEqual(once(firedIds));
    const statuses = await rowsOf<{ id: string; status: string }>(db.dataSource, `SELECT id, status FROM follow_up WHERE id = ANY($1)`, [
      [stale.id, cancelled.id, early.id],
    ]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [stale.id]: 'scheduled',
      [cancelled.id]: 'cancelled',
      [early.id]: 'scheduled',
    });
  });

  it('fails only the job whose firing fails; the rest of its statement fire, and its retry fires it once', async () => {
    const jobs = await Promise.all([0, 1, 2, 3, 4].map((i) => followUp(caseOf(i))));
    const broken = itemAt(jobs, 2, 'the job whose firing fails');
    // Telling anyone about this one follow-up fails (say, a constraint its row breaks).
    await db.dataSource.query(`
      CREATE FUNCTION fail_one_notification() RETURNS trigger AS $$
      BEGIN
        IF NEW.follow_up_id = '${broken.id}' THEN RAISE EXCEPTION 'cannot tell anyone about this one'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_one_notification BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fail_one_notification();`);
    try {
      const outcomes = await Promise.allSettled(jobs.map((job) => processor(0).fire(job.id, job.revision)));
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
        { fired: true, notified: 1 },
        { fired: true, notified: 1 },
        expect.stringMatching(/cannot tell anyone about this one/),
        { fired: true, notified: 1 },
        { fired: true, notified: 1 },
      ]);
      expect((await firstRowOf<{ status: string }>(db.dataSource, `SELECT status FROM follow_up WHERE id = $1`, [broken.id])).status).toBe('scheduled');
    } finally {
      await db.dataSource.query(`DROP TRIGGER fail_one_notification ON notification; DROP FUNCTION fail_one_notification();`);
    }
    // The job is retried (as BullMQ would): now it fires, and nothing fires twice.
    expect(await processor(0).fire(broken.id, broken.revision)).toEqual({ fired: true, notified: 1 });
    const ids = jobs.map((job) => job.id);
    expect(await notificationsOf(ids)).toEqual(once(ids));
    expect(await timelineEntriesOf(ids)).toEqual(once(ids));
  });

  it('fires each follow-up once when two workers each hold a job for every one of them', async () => {
    const jobs = await Promise.all(Array.from({ length: 40 }, (_, i) => followUp(caseOf(i))));
    // Each worker holds all forty jobs at once (duplicates, as a sweep adding them twice would make),
    // in opposite orders, so their statements overlap as much as they can.
    const outcomes = await Promise.all([
      ...jobs.map((job) => processor(0).fire(job.id, job.revision)),
      ...[...jobs].reverse().map((job) => processor(1).fire(job.id, job.revision)),
    ]);
    expect(outcomes.filter((o) => o.fired)).toHaveLength(jobs.length);
    expect(outcomes.filter((o) => !o.fired)).toEqual(jobs.map(() => ({ fired: false, notified: 0 })));
    const ids = jobs.map((job) => job.id);
    expect(await notificationsOf(ids)).toEqual(once(ids));
    expect((await notificationsOf(ids)).length).toBe(ids.length);
    expect(await timelineEntriesOf(ids)).toEqual(once(ids));
    expect((await timelineEntriesOf(ids)).length).toBe(ids.length);
  });

  it('fires queued jobs due at one moment exactly once with two workers running', async () => {
    const jobs = await Promise.all(Array.from({ length: 60 }, (_, i) => followUp(caseOf(i), `now() + interval '1 second'`)));
    const requests = jobs.map((job) => ({ id: job.id, dueAt: new Date(Date.now() + 1000), revision: job.revision }));
    // Added twice, as two sweeps would: the second add of each job id is a no-op.
    await api.app.get(FollowUpScheduler).enqueue(requests);
    await api.app.get(FollowUpScheduler).enqueue(requests);
    const ids = jobs.map((job) => job.id);
    await eventually(
      async () =>
        (await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM follow_up WHERE id = ANY($1) AND status = 'fired'`, [ids])).n ===
        ids.length,
      'every follow-up to fire',
    );
    expect(await notificationsOf(ids)).toEqual(once(ids));
    expect((await notificationsOf(ids)).length).toBe(ids.length);
    expect(await timelineEntriesOf(ids)).toEqual(once(ids));
  });
});
