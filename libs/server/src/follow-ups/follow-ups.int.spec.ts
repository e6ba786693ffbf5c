import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { caseDetailSchema, followUpListSchema, intakeResponseSchema, notificationListSchema, takedownViewSchema } from '@sg/contracts/schemas';
import { Queue } from 'bullmq';
import { DEFAULT_FOLLOW_UP_CADENCE, FollowUpCadence, itemAt } from '@sg/domain';
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
import { loadCaseState } from '../cases/case-detail.reader';
import { FollowUpProcessor } from './follow-up.processor';
import { fireJobId } from './fire-jobs';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { NewCasePlanner } from './new-case-planner.service';

/**
 * Follow-ups end to end on a real PostgreSQL and a real queue backend: planned when things
 * change, fired by the worker at their time (not before), exactly once, through retries, two
 * workers and downtime. The cadence is shortened through configuration.
 */
const SECOND = 1 / 60; // in cadence minutes
const cadence: FollowUpCadence = {
  ...DEFAULT_FOLLOW_UP_CADENCE,
  takedownChaseMinutes: 3 * SECOND,
  takedownEscalationMinutes: 600,
  reappearanceCheckMinutes: [2 * SECOND, 600],
  reportFollowUpMinutes: [600, 1200],
  wellbeingCheckMinutes: [600, 1200],
  caseReviewMinutes: [600, 1200, 1800],
};

/** Rejects if `work` has not settled within `ms`: a lock wait that never ends fails the test, not the run. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(QUEUE_BACKENDS_UNDER_TEST)('follow-ups on $backend', ({ backend, enabled }) => {
  if (!enabled) {
    it.skip('needs REDIS_URL pointing at a reachable Redis', () => undefined);
    return;
  }

  let db: TestDatabase;
  let config: AppConfig;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let caseworker: string;

  async function claimedCase(): Promise<string> {
    const response = await api.request('POST', '/api/intakes', {
      body: intakeFixture({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false }),
    });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    // A running worker plans a new case when its notification arrives; wait for that, so it cannot
    // land later and cancel a follow-up a test made by hand as not in the case's plan.
    if (worker)
      await eventually(
        async () => (await rowsOf<unknown>(db.dataSource, `SELECT 1 FROM follow_up WHERE case_id = $1`, [row.id])).length > 0,
        'the new case to be planned',
      );
    const claim = await api.request('POST', `/api/cases/${row.id}/claim`, { token: caseworker });
    // Status and body together, so a failure shows why the claim was refused.
    expect(claim).toMatchObject({ status: 200, body: { id: row.id } });
    return row.id;
  }
  const followUps = async (caseId: string) => bodyOf(await api.request('GET', `/api/cases/${caseId}/follow-ups`, { token: caseworker }), followUpListSchema);
  const notificationsFor = async (followUpId: string) =>
    rowsOf<{ recipient_id: string }>(db.dataSource, `SELECT recipient_id FROM notification WHERE follow_up_id = $1`, [followUpId]);

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = backend === 'redis' ? await redisAvailable() : undefined;
    config = testConfig(db.url, { redisUrl, followUpCadence: cadence });
    api = await startTestApi(db, config);
    caseworker = await api.tokenFor('caseworker');
    worker = await startTestWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('plans a new case in the worker, from the intake alone', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    const kinds = await eventually(async () => {
      const rows = await rowsOf<{ kind: string }>(db.dataSource, `SELECT kind FROM follow_up WHERE case_id = $1`, [row.id]);
      return rows.length ? rows.map((r) => r.kind) : undefined;
    }, 'the new case to be planned');
    expect(kinds).toEqual(expect.arrayContaining(['wellbeing_check', 'case_review', 'sla_escalation']));
  });

  it('chases a submitted takedown at its time and not before, telling the caseworker once', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/takedowns`, {
        token: caseworker,
        body: { platform: 'Instagram', url: 'https://instagram.com/p/abc', channel: 'platform_form' },
      }),
      takedownViewSchema,
    );
    expect(takedown.status).toBe('draft');
    expect((await followUps(caseId)).filter((f) => f.kind === 'takedown_chase')).toEqual([]);

    const submitted = bodyOf(
      await api.request('PATCH', `/api/takedowns/${takedown.id}`, { token: caseworker, body: { status: 'submitted', ticketNumber: 'IG-123' } }),
      takedownViewSchema,
    );
    expect(submitted).toMatchObject({ status: 'submitted', ticketNumber: 'IG-123' });
    const chase = (await followUps(caseId)).find((f) => f.kind === 'takedown_chase');
    expect(chase).toMatchObject({ status: 'scheduled', subject: { type: 'takedown', label: 'Instagram: https://instagram.com/p/abc' } });
    const due = new Date(chase?.dueAt ?? 0).getTime();
    expect(due - new Date(submitted.submittedAt ?? 0).getTime()).toBe(3000);

    // Not before its time...
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now() - 1200)));
    const early = await firstRowOf<{ status: string }>(db.dataSource, `SELECT status FROM follow_up WHERE id = $1`, [chase?.id]);
    expect(early.status).toBe('scheduled');
    // ...and at it.
    const fired = await eventually(
      async () =>
        (
          await rowsOf<{ status: string; fired_at: Date }>(db.dataSource, `SELECT status, fired_at FROM follow_up WHERE id = $1 AND status = 'fired'`, [
            chase?.id,
          ])
        )[0],
      'the chase to fire',
    );
    expect(new Date(fired.fired_at).getTime()).toBeGreaterThanOrEqual(due - 1000);
    const bell = bodyOf(await api.request('GET', '/api/notifications?status=open', { token: caseworker }), notificationListSchema);
    const mine = bell.items.filter((n) => n.kind === 'takedown_chase' && n.caseId === caseId);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.title).toBe('Chase the takedown request');
    expect(mine[0]?.caseReference).toMatch(/^SG-/);

    // Marking it done clears it from the bell and marks the follow-up done.
    expect((await api.request('POST', `/api/notifications/${itemAt(mine, 0, 'notification').id}/done`, { token: caseworker })).status).toBe(200);
    expect((await followUps(caseId)).find((f) => f.id === chase?.id)?.status).toBe('done');
  });

  it('cancels the chase when the content is removed and schedules the re-checks', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/takedowns`, {
        token: caseworker,
        body: { platform: 'X', url: 'https://x.com/a/status/1', channel: 'platform_form' },
      }),
      takedownViewSchema,
    );
    await api.request('PATCH', `/api/takedowns/${takedown.id}`, { token: caseworker, body: { status: 'submitted' } });
    const removed = await api.request('PATCH', `/api/takedowns/${takedown.id}`, { token: caseworker, body: { status: 'removed' } });
    expect(bodyOf(removed, takedownViewSchema).status).toBe('removed');
    const list = await followUps(caseId);
    expect(
      list
        .filter((f) => f.subject.id === takedown.id)
        .map((f) => `${f.kind}:${f.status}`)
        .sort(),
    ).toEqual(['reappearance_check:scheduled', 'reappearance_check:scheduled', 'takedown_chase:cancelled', 'takedown_escalation:cancelled']);
    // The first re-check (2 s) fires; the cancelled chase never does.
    await eventually(async () => (await followUps(caseId)).some((f) => f.kind === 'reappearance_check' && f.status === 'fired'), 'the re-check to fire');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await followUps(caseId)).find((f) => f.kind === 'takedown_chase')?.status).toBe('cancelled');
    expect((await api.request('PATCH', `/api/takedowns/${takedown.id}`, { token: caseworker, body: { status: 'submitted' } })).status).toBe(409);
  });

  it('cancels everything pending when the case is closed', async () => {
    const caseId = await claimedCase();
    await api.request('POST', `/api/cases/${caseId}/reports`, {
      token: caseworker,
      body: { agencyKind: 'police', agencyName: 'Metropolitan Police', filedAt: new Date().toISOString() },
    });
    let detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    for (const status of ['resolved', 'closed']) {
      detail = bodyOf(await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: detail.version, status } }), caseDetailSchema);
    }
    const pending = (await followUps(caseId)).filter((f) => f.status === 'scheduled');
    expect(pending).toEqual([]);
  });

  it('fires once however often the job runs: retried after a failure, or run again after it succeeded', async () => {
    const caseId = await claimedCase();
    const followUp = await firstRowOf<{ id: string }>(
      db.dataSource,
      // enqueued_revision = revision: as if its job were queued, so the worker's sweep leaves it to this test.
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at, enqueued_revision)
       VALUES ($1, 'case_review', 'case', $1, $2, 'assignee', now() + interval '1 day', 1) RETURNING id`,
      [caseId, `test-retry-${caseId}`],
    );
    // The first attempt dies half-way (like a worker killed mid-job): it rolls back entirely.
    // A sequence is not transactional, so it counts attempts even when they roll back.
    await db.dataSource.query(`
      CREATE SEQUENCE fail_attempts;
      CREATE FUNCTION fail_first_notification() RETURNS trigger AS $$
      BEGIN
        IF nextval('fail_attempts') = 1 THEN RAISE EXCEPTION 'worker died'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_first_notification BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fail_first_notification();`);
    try {
      await db.dataSource.query(`UPDATE follow_up SET due_at = now() WHERE id = $1`, [followUp.id]);
      const processor = worker?.get(FollowUpProcessor);
      await expect(processor?.fire(followUp.id)).rejects.toThrow(/worker died/);
      expect((await firstRowOf<{ status: string }>(db.dataSource, `SELECT status FROM follow_up WHERE id = $1`, [followUp.id])).status).toBe('scheduled');
      // The retry does it all; a second run after success does nothing.
      expect(await processor?.fire(followUp.id)).toEqual({ fired: true, notified: 1 });
      expect(await processor?.fire(followUp.id)).toEqual({ fired: false, notified: 0 });
      expect(await notificationsFor(followUp.id)).toHaveLength(1);
    } finally {
      await db.dataSource.query(`DROP TRIGGER fail_first_notification ON notification; DROP FUNCTION fail_first_notification(); DROP SEQUENCE fail_attempts;`);
    }
  });

  /**
   * Staff commands hold the case row while they change it and replan. The worker must neither
   * wait for them to fire a follow-up nor deadlock with them while planning a new case (a
   * deadlock aborts one side: a caseworker's claim answered 500).
   */
  async function holdingCase<T>(caseId: string, work: (manager: import('typeorm').EntityManager) => Promise<T>): Promise<T> {
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await loadCaseState(runner.manager, caseId, true); // as claim, update and takedown changes do
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('fires a follow-up at once while a caseworker is changing the same case', async () => {
    const caseId = await claimedCase();
    const followUp = await firstRowOf<{ id: string }>(
      db.dataSource,
      // As if its job were queued (see above): this test, not the worker's sweep, fires it.
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at, enqueued_revision)
       VALUES ($1, 'wellbeing_check', 'case', $1, $2, 'assignee', now(), 1) RETURNING id`,
      [caseId, `test-held-${caseId}`],
    );
    const processor = worker?.get(FollowUpProcessor);
    await holdingCase(caseId, async (manager) => {
      expect(await within(5000, 'firing while the case is held', processor?.fire(followUp.id) ?? Promise.reject(new Error('no worker is running')))).toEqual({
        fired: true,
        notified: 1,
      });
      // The change then replans; the follow-up that fired is left as it is.
      await api.app.get(FollowUpScheduler).replan(manager, caseId);
    });
    expect((await followUps(caseId)).find((f) => f.id === followUp.id)?.status).toBe('fired');
    expect(await notificationsFor(followUp.id)).toHaveLength(1);
  });

  it('plans a new case that is being claimed at that moment, without either failing', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ ageBand: '13_17' }) });
    const { id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    await eventually(
      async () => (await rowsOf<unknown>(db.dataSource, `SELECT 1 FROM follow_up WHERE case_id = $1`, [caseId])).length > 0,
      'the new case to be planned',
    );
    // As if the worker had not planned it yet (its notification was late).
    await db.dataSource.query(`DELETE FROM follow_up WHERE case_id = $1`, [caseId]);
    const planner = worker?.get(NewCasePlanner);
    let planning: Promise<void> | undefined;
    await holdingCase(caseId, async (manager) => {
      planning = planner?.plan(caseId); // the worker's planner arrives while the claim holds the case...
      await new Promise((resolve) => setTimeout(resolve, 300));
      await within(5000, 'the claim replanning', api.app.get(FollowUpScheduler).replan(manager, caseId)); // ...and the claim replans too
    });
    await within(5000, 'the planner', planning ?? Promise.reject(new Error('no worker is running')));
    const rows = await rowsOf<{ kind: string; n: number }>(
      db.dataSource,
      `SELECT kind, count(*)::int AS n FROM follow_up WHERE case_id = $1 AND status = 'scheduled' GROUP BY kind ORDER BY kind`,
      [caseId],
    );
    expect(rows).toEqual([
      { kind: 'case_review', n: 3 },
      { kind: 'closure_offer', n: 1 },
      { kind: 'sla_escalation', n: 1 },
      { kind: 'wellbeing_check', n: 2 },
    ]);
  });

  it('gives one notification per follow-up with two workers racing, and fires what fell due while no worker ran', async () => {
    await worker?.close();
    worker = undefined;
    const caseIds = await Promise.all(Array.from({ length: 6 }, () => claimedCase()));
    const dueSoon = new Date(Date.now() + 1000);
    const ids: string[] = [];
    for (const caseId of caseIds) {
      const row = await firstRowOf<{ id: string }>(
        db.dataSource,
        `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
         VALUES ($1, 'wellbeing_check', 'case', $1, $3, 'assignee', $2) RETURNING id`,
        [caseId, dueSoon, `test-race-${caseId}`],
      );
      ids.push(row.id);
    }
    // Due while everything was stopped: nothing fires...
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await rowsOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM follow_up WHERE id = ANY($1) AND status = 'fired'`, [ids])).toEqual([
      { n: 0 },
    ]);
    // ...until two workers start; each runs the sweep, which enqueues the same jobs twice.
    const [first, second] = await Promise.all([startTestWorker(config), startTestWorker(config)]);
    try {
      await Promise.all([first.get(FollowUpProcessor).sweep(), second.get(FollowUpProcessor).sweep()]);
      await eventually(async () => {
        const row = await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM follow_up WHERE id = ANY($1) AND status = 'fired'`, [ids]);
        return row.n === ids.length;
      }, 'every follow-up to fire');
      // Racing fires of the same follow-up: only one can win.
      await Promise.all(ids.flatMap((id) => [first.get(FollowUpProcessor).fire(id), second.get(FollowUpProcessor).fire(id)]));
      for (const id of ids) expect(await notificationsFor(id)).toHaveLength(1);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    worker = await startTestWorker(config);
  });

  const followUpQueue = () => api.app.get<Queue>(getQueueToken(QUEUES.followUps));
  const statusOf = async (followUpId: string) =>
    (await rowsOf<{ status: string }>(db.dataSource, `SELECT status FROM follow_up WHERE id = $1`, [followUpId]))[0]?.status;
  async function insertFollowUp(caseId: string, dueAt: string, label: string): Promise<{ id: string; revision: number }> {
    return firstRowOf<{ id: string; revision: number }>(
      db.dataSource,
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, 'case_review', 'case', $1, $2, 'assignee', ${dueAt}) RETURNING id, revision`,
      [caseId, `test-${label}-${caseId}`],
    );
  }

  it('fires a follow-up revived at the same due time after its first job ran while it was cancelled', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/takedowns`, {
        token: caseworker,
        body: { platform: 'TikTok', url: 'https://tiktok.com/@x/video/1', channel: 'platform_form' },
      }),
      takedownViewSchema,
    );
    await api.request('PATCH', `/api/takedowns/${takedown.id}`, { token: caseworker, body: { status: 'submitted' } });
    const chase = (await followUps(caseId)).find((f) => f.kind === 'takedown_chase');
    // Closed before the chase is due: it is cancelled, and its job runs at the due time and does nothing.
    let detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    for (const status of ['resolved', 'closed'])
      detail = bodyOf(await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: detail.version, status } }), caseDetailSchema);
    expect(await statusOf(chase?.id ?? '')).toBe('cancelled');
    // (Kept as completed under the old job options, which is what made the revived chase's add a no-op.)
    await eventually(
      async () => ['completed', 'unknown'].includes(await followUpQueue().getJobState(fireJobId({ id: chase?.id ?? '', revision: 1 }))),
      "the cancelled chase's job to run",
    );
    // Reopened: the same chase, same due time (already past), is wanted again and must fire now.
    detail = bodyOf(
      await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: detail.version, status: 'in_progress' } }),
      caseDetailSchema,
    );
    expect(detail.status).toBe('in_progress');
    const revived = (await followUps(caseId)).find((f) => f.id === chase?.id);
    expect(revived?.dueAt).toBe(chase?.dueAt);
    await eventually(async () => (await statusOf(chase?.id ?? '')) === 'fired', 'the revived chase to fire', 10_000);
    expect(await notificationsFor(chase?.id ?? '')).toHaveLength(1);
  });

  it('fires a follow-up whose job failed for good once the sweep runs', async () => {
    await worker?.close();
    worker = undefined;
    const caseId = await claimedCase();
    const followUp = await insertFollowUp(caseId, `now() - interval '1 minute'`, 'failed');
    // Its job runs out of attempts (here: one, failing as if the database were away).
    await db.dataSource.query(`
      CREATE FUNCTION fail_notification_of() RETURNS trigger AS $$
      BEGIN
        IF NEW.follow_up_id = '${followUp.id}' THEN RAISE EXCEPTION 'database away'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_notification_of BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION fail_notification_of();`);
    const jobId = fireJobId(followUp);
    try {
      await followUpQueue().add(
        FOLLOW_UP_JOBS.fire,
        { followUpId: followUp.id, dueAt: new Date().toISOString(), revision: followUp.revision },
        { jobId, attempts: 1 },
      );
      worker = await startTestWorker(config);
      await eventually(async () => (await followUpQueue().getJobState(jobId)) === 'failed', 'the job to fail for good');
    } finally {
      await db.dataSource.query(`DROP TRIGGER fail_notification_of ON notification; DROP FUNCTION fail_notification_of();`);
    }
    expect(await statusOf(followUp.id)).toBe('scheduled');
    // The database is back. The sweep notices the overdue follow-up's failed job and retries it.
    await worker.get(FollowUpProcessor).sweep();
    await eventually(async () => (await statusOf(followUp.id)) === 'fired', 'the follow-up to fire after the sweep', 10_000);
    expect(await notificationsFor(followUp.id)).toHaveLength(1);
  });

  it('adds the job again once overdue when the queue backend lost it after it was added', async () => {
    const caseId = await claimedCase();
    const followUp = await insertFollowUp(caseId, `now() - interval '20 seconds'`, 'lost');
    // Marked as enqueued, but no such job exists (a Redis restarted without persistence, say).
    await db.dataSource.query(`UPDATE follow_up SET enqueued_revision = revision WHERE id = $1`, [followUp.id]);
    expect(await followUpQueue().getJobState(fireJobId(followUp))).toBe('unknown');
    // The worker's own sweep (every 15 s) would do this too; running it now saves the wait.
    await worker?.get(FollowUpProcessor).sweep();
    await eventually(async () => (await statusOf(followUp.id)) === 'fired', 'the lost follow-up to fire', 10_000);
  });

  it("waits and fires at the due time when its job runs early (the worker's clock ahead of the database's)", async () => {
    const caseId = await claimedCase();
    const followUp = await insertFollowUp(caseId, `now() + interval '2 seconds'`, 'early');
    const { due_at: dueAt } = await firstRowOf<{ due_at: Date }>(db.dataSource, `SELECT due_at FROM follow_up WHERE id = $1`, [followUp.id]);
    await followUpQueue().add(
      FOLLOW_UP_JOBS.fire,
      { followUpId: followUp.id, dueAt: new Date(dueAt).toISOString(), revision: followUp.revision },
      { jobId: fireJobId(followUp), delay: 0 },
    );
    const fired = await eventually(
      async () => (await rowsOf<{ fired_at: Date }>(db.dataSource, `SELECT fired_at FROM follow_up WHERE id = $1 AND status = 'fired'`, [followUp.id]))[0],
      `the early job to fire at the due time (job ${await followUpQueue().getJobState(fireJobId(followUp))})`,
      10_000,
    );
    expect(new Date(fired.fired_at).getTime()).toBeGreaterThanOrEqual(new Date(dueAt).getTime() - 1000);
  });

  it('queues the e-mails again when a retried fire finds the follow-up already fired', async () => {
    const mailing = await startTestWorker({ ...config, smtpUrl: 'json' });
    try {
      const caseId = await claimedCase();
      const followUp = await insertFollowUp(caseId, 'now()', 'mail');
      const processor = mailing.get(FollowUpProcessor);
      // As if the worker died after the fire committed and before the e-mail jobs were added.
      await db.dataSource.query(`DELETE FROM notification WHERE follow_up_id = $1`, [followUp.id]);
      await db.dataSource.query(`UPDATE follow_up SET status = 'fired', fired_at = now() WHERE id = $1`, [followUp.id]);
      const { assignee_id: assigneeId } = await firstRowOf<{ assignee_id: string }>(db.dataSource, `SELECT assignee_id FROM support_case WHERE id = $1`, [
        caseId,
      ]);
      await db.dataSource.query(
        `INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title) VALUES ($1, $2, $3, 'case_review', 'Case review')`,
        [assigneeId, followUp.id, caseId],
      );
      expect(await processor.fire(followUp.id, followUp.revision)).toMatchObject({ fired: false, mailQueued: 1 });
      const mail = await followUpQueue().getJob(`mail_${followUp.id}_${assigneeId}`);
      expect(mail?.data).toMatchObject({ caseId, title: expect.stringMatching(/^Case review: SG-/) as unknown });
      // Run again: the same job id, so still one e-mail.
      await processor.fire(followUp.id, followUp.revision);
      expect(
        (await followUpQueue().getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])).filter((j) => j.id === `mail_${followUp.id}_${assigneeId}`),
      ).toHaveLength(1);
    } finally {
      await mailing.close();
    }
  });
});
