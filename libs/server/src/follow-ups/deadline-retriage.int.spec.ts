import { INestApplicationContext } from '@nestjs/common';
import { caseDetailSchema, caseListResponseSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { Priority, entryOf, itemAt } from '@sg/domain';
import { Client } from 'pg';
import * as z from 'zod';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { AppConfig } from '../config/app-config';
import {
  bodyOf,
  createTestDatabase,
  firstRowOf,
  intakeFixture,
  QUEUE_BACKENDS_UNDER_TEST,
  redisAvailable,
  rowsOf,
  startTestApi,
  startTestWorker,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';
import { FollowUpProcessor } from './follow-up.processor';

/**
 * Time moves the priority (issue 10): a case with a deadline is re-triaged 72 h before it, 24 h
 * before it and when it passes, by deadline_retriage follow-ups fired by two workers at once.
 * The thresholds are real hours (triage reads the deadline in real hours), so each scenario puts
 * its deadline a few seconds past one threshold and waits for that one.
 */
const HOUR_MS = 3_600_000;
/** Lateness allowed on a shared 2-core machine. */
const LATE_MS = 5000;

interface RetriageRow {
  id: string;
  status: string;
  due_at: Date;
  fired_at: Date | null;
  revision: number;
  dedupe_key: string;
}

interface CaseRow {
  priority: Priority;
  triage_priority: Priority;
  triage_factors: Array<{ key: string }>;
  first_response_due_at: Date;
}

/** What this spec reads of the messages on the case-changes channel (case changes and notifications). */
const liveMessageSchema = z.looseObject({ type: z.string(), caseId: z.string().optional(), priority: z.string().optional() });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 25_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(150);
  }
}

describe.each(QUEUE_BACKENDS_UNDER_TEST)('deadline re-triage on $backend', ({ backend, enabled }) => {
  if (!enabled) {
    it.skip('needs REDIS_URL pointing at a reachable Redis', () => undefined);
    return;
  }

  let db: TestDatabase;
  let config: AppConfig;
  let api: TestApi;
  let workers: INestApplicationContext[] = [];
  let caseworker: string;
  let ids: Record<'caseworker' | 'supervisor', string>;
  const scenario: Record<string, string> = {};
  const moments: Record<string, number> = {};
  const before: Record<string, CaseRow> = {};
  /** Everything announced on the live channel, as open dashboards hear it. */
  const announced: Array<z.output<typeof liveMessageSchema>> = [];
  let listener: Client | undefined;

  /** An adult with nothing pressing but the deadline: standard, or what the deadline makes it. */
  const calm = { ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, paid: false, contentPosted: 'no' } as const;

  async function intake(deadlineAt: number): Promise<string> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ ...calm, deadlineAt: new Date(deadlineAt).toISOString() }) });
    expect(response.status).toBe(201);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    // The workers plan a new case when its notification arrives: wait, so nothing lands later.
    await eventually(async () => (await retriages(row.id)).length > 0, 'the new case to be planned');
    return row.id;
  }
  async function claimed(deadlineAt: number): Promise<string> {
    const caseId = await intake(deadlineAt);
    const claim = await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker });
    expect(claim).toMatchObject({ status: 200, body: { id: caseId } });
    return caseId;
  }
  async function patch(caseId: string, body: Record<string, unknown>): Promise<void> {
    const detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    const response = await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: detail.version, ...body } });
    expect(response.status).toBe(200);
  }
  const retriages = (caseId: string): Promise<RetriageRow[]> =>
    rowsOf<RetriageRow>(
      db.dataSource,
      `SELECT id, status, due_at, fired_at, revision, dedupe_key FROM follow_up WHERE case_id = $1 AND kind = 'deadline_retriage' ORDER BY due_at, dedupe_key`,
      [caseId],
    );
  const caseRow = async (caseId: string): Promise<CaseRow> =>
    firstRowOf<CaseRow>(db.dataSource, `SELECT priority, triage_priority, triage_factors, first_response_due_at FROM support_case WHERE id = $1`, [caseId]);
  const entries = (caseId: string) =>
    rowsOf<{ actor_kind: string; data: Record<string, unknown> }>(
      db.dataSource,
      `SELECT actor_kind, data FROM case_event WHERE case_id = $1 AND kind = 'case_retriaged' ORDER BY at`,
      [caseId],
    );
  const recipients = async (followUpId: string) =>
    rowsOf<{ recipient_id: string; title: string }>(
      db.dataSource,
      `SELECT recipient_id, title FROM notification WHERE follow_up_id = $1 ORDER BY recipient_id`,
      [followUpId],
    );

  /** Fired: `done` at once when it told nobody (nothing to act on), `fired` until the people told mark it done. */
  const happened = (row: RetriageRow) => row.status === 'fired' || row.status === 'done';

  /** Waits for the re-triage whose key ends with `threshold` to fire; checks it fired on time and that it is the only one fired. */
  async function firesOnTime(caseId: string, threshold: string): Promise<RetriageRow> {
    const row = await eventually(
      async () => (await retriages(caseId)).find((r) => happened(r) && r.dedupe_key.endsWith(`:${threshold}`)),
      `${threshold} re-triage of ${caseId}`,
    );
    const late = new Date(row.fired_at ?? 0).getTime() - new Date(row.due_at).getTime();
    expect(late).toBeGreaterThanOrEqual(-1000);
    expect(late).toBeLessThan(LATE_MS);
    // Give a second worker, a retry or a sweep the time to fire it again (they must not).
    await sleep(1500);
    expect((await retriages(caseId)).filter(happened).map((r) => r.id)).toEqual([row.id]);
    return row;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = backend === 'redis' ? await redisAvailable() : undefined;
    config = testConfig(db.url, { redisUrl });
    api = await startTestApi(db, config);
    caseworker = await api.tokenFor('caseworker');
    const staff = await rowsOf<{ id: string; email: string }>(db.dataSource, `SELECT id, email FROM staff_user`);
    ids = {
      caseworker: staff.find((s) => s.email === 'caseworker@demo.test')?.id ?? '',
      supervisor: staff.find((s) => s.email === 'supervisor@demo.test')?.id ?? '',
    };
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (message) => announced.push(liveMessageSchema.parse(JSON.parse(message.payload ?? '{}'))));
    await listener.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
    // Two workers on the same queue: each fire has two takers.
    workers = await Promise.all([startTestWorker(config), startTestWorker(config)]);

    // Each deadline is a few seconds short of crossing one threshold, counted from when its case
    // is made (each waits to be planned). What each case was before is kept to compare.
    const soon = (hoursBefore: number, seconds: number) => Date.now() + hoursBefore * HOUR_MS + seconds * 1000;
    moments['within72h'] = soon(72, 8);
    scenario['within72h'] = await intake(entryOf(moments, 'within72h'));
    moments['within24h'] = soon(24, 8);
    scenario['within24h'] = await claimed(entryOf(moments, 'within24h'));
    moments['passed'] = soon(0, 8);
    scenario['passed'] = await intake(entryOf(moments, 'passed'));
    moments['override'] = soon(24, 9);
    scenario['override'] = await claimed(entryOf(moments, 'override'));
    await patch(entryOf(scenario, 'override'), { priorityOverride: { priority: 'standard', reason: 'Spoke to them: the threatener has gone quiet.' } });
    // Moved: first 24 h + 8 s away, then 24 h + 14 s (still high), before the first 24 h threshold.
    moments['movedFrom'] = soon(24, 8);
    scenario['moved'] = await claimed(entryOf(moments, 'movedFrom'));
    moments['movedTo'] = soon(24, 14);
    await patch(entryOf(scenario, 'moved'), { deadlineAt: new Date(entryOf(moments, 'movedTo')).toISOString() });
    for (const [name, caseId] of Object.entries(scenario)) before[name] = await caseRow(caseId);
  }, 90_000);

  afterAll(async () => {
    await listener?.end();
    await Promise.all(workers.map((worker) => worker.close()));
    await api?.close();
    await db?.drop();
  });

  it('plans one re-triage per threshold still ahead, keyed by the deadline', async () => {
    const keys = (await retriages(entryOf(scenario, 'within72h'))).map((r) => [r.dedupe_key, new Date(r.due_at).getTime()]);
    const deadline = new Date(entryOf(moments, 'within72h')).toISOString();
    expect(keys).toEqual([
      [`deadline_retriage:${entryOf(scenario, 'within72h')}:${deadline}:within_72h`, entryOf(moments, 'within72h') - 72 * HOUR_MS],
      [`deadline_retriage:${entryOf(scenario, 'within72h')}:${deadline}:within_24h`, entryOf(moments, 'within72h') - 24 * HOUR_MS],
      [`deadline_retriage:${entryOf(scenario, 'within72h')}:${deadline}:passed`, entryOf(moments, 'within72h')],
    ]);
    // 24 h + 9 s away at intake: already high, so the 72 h threshold is not planned.
    expect((await retriages(entryOf(scenario, 'within24h'))).map((r) => r.dedupe_key.split(':').pop())).toEqual(['within_24h', 'passed']);
  });

  it('72 h before the deadline: standard becomes high, once, on the timeline and live, telling nobody', async () => {
    const caseId = entryOf(scenario, 'within72h');
    expect(entryOf(before, 'within72h').priority).toBe('standard');
    const row = await firesOnTime(caseId, 'within_72h');
    expect(await caseRow(caseId)).toMatchObject({ priority: 'high', triage_priority: 'high', triage_factors: [{ key: 'deadline_within_72h' }] });
    expect(await entries(caseId)).toEqual([
      { actor_kind: 'system', data: { from: 'standard', to: 'high', factors: ['deadline_within_72h'], reason: 'The deadline is less than 72 hours away' } },
    ]);
    // Open queues and case pages hear of it.
    expect(announced).toContainEqual(expect.objectContaining({ type: 'case.updated', caseId, priority: 'high' }));
    // Raised to high, not urgent: no notification, no follow_up_fired entry, and nothing left
    // waiting for someone (so the case is not in Overdue for it).
    expect(await recipients(row.id)).toEqual([]);
    expect(row.status).toBe('done');
    expect(
      await rowsOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'follow_up_fired'`, [caseId]),
    ).toEqual([{ n: 0 }]);
  });

  it('24 h before the deadline: high becomes urgent, the target comes sooner, and the holder and supervisors are told once', async () => {
    const caseId = entryOf(scenario, 'within24h');
    expect(entryOf(before, 'within24h').priority).toBe('high');
    const row = await firesOnTime(caseId, 'within_24h');
    const after = await caseRow(caseId);
    expect(after).toMatchObject({ priority: 'urgent', triage_priority: 'urgent', triage_factors: [{ key: 'deadline_within_24h' }] });
    expect(new Date(after.first_response_due_at).getTime()).toBeLessThan(new Date(entryOf(before, 'within24h').first_response_due_at).getTime());
    expect(await entries(caseId)).toEqual([
      { actor_kind: 'system', data: { from: 'high', to: 'urgent', factors: ['deadline_within_24h'], reason: 'The deadline is less than 24 hours away' } },
    ]);
    // Told people: it waits, like any follow-up, for one of them to mark it done.
    expect(row.status).toBe('fired');
    const told = await recipients(row.id);
    expect(told.map((t) => t.recipient_id)).toEqual([ids.caseworker, ids.supervisor].sort());
    expect(told[0]?.title).toBe('Now urgent: the deadline is less than 24 hours away');
    // The bells hear of each notification, the queues of the case.
    expect(announced.filter((e) => e.type === 'notification.created').length).toBeGreaterThanOrEqual(2);
    expect(announced).toContainEqual(expect.objectContaining({ type: 'case.updated', caseId, priority: 'urgent' }));
    // Urgent cases get wellbeing checks: the re-triage replanned the case.
    expect(
      await rowsOf<{ n: number }>(
        db.dataSource,
        `SELECT count(*)::int AS n FROM follow_up WHERE case_id = $1 AND kind = 'wellbeing_check' AND status = 'scheduled'`,
        [caseId],
      ),
    ).toEqual([{ n: 2 }]);
  });

  it('when the deadline passes: deadline_passed, still urgent (never emergency), on the timeline, telling nobody', async () => {
    const caseId = entryOf(scenario, 'passed');
    expect(entryOf(before, 'passed').priority).toBe('urgent');
    const row = await firesOnTime(caseId, 'passed');
    expect(await caseRow(caseId)).toMatchObject({ priority: 'urgent', triage_priority: 'urgent', triage_factors: [{ key: 'deadline_passed' }] });
    expect(await entries(caseId)).toEqual([
      { actor_kind: 'system', data: { from: 'urgent', to: 'urgent', factors: ['deadline_passed'], reason: 'The deadline has passed' } },
    ]);
    expect(await recipients(row.id)).toEqual([]);
    // Nothing left to plan for this deadline.
    expect((await retriages(caseId)).map((r) => r.status)).toEqual(['done']);
  });

  it("a caseworker's override stands; the computed priority is on the timeline beside it", async () => {
    const caseId = entryOf(scenario, 'override');
    const row = await firesOnTime(caseId, 'within_24h');
    expect(await caseRow(caseId)).toMatchObject({ priority: 'standard', triage_priority: 'urgent', triage_factors: [{ key: 'deadline_within_24h' }] });
    const [entry] = (await entries(caseId)).filter((e) => e.data['reason'] === 'The deadline is less than 24 hours away');
    expect(entry?.data).toMatchObject({ from: 'high', to: 'urgent', override: 'standard' });
    // The priority in force did not rise: nobody is called.
    expect(await recipients(row.id)).toEqual([]);
  });

  it('a changed deadline moves the re-triages: the old ones are cancelled and never fire, the new one fires at its time', async () => {
    const caseId = entryOf(scenario, 'moved');
    const from = new Date(entryOf(moments, 'movedFrom')).toISOString();
    const to = new Date(entryOf(moments, 'movedTo')).toISOString();
    const row = await firesOnTime(caseId, 'within_24h');
    expect(row.dedupe_key).toBe(`deadline_retriage:${caseId}:${to}:within_24h`);
    expect(new Date(row.due_at).getTime()).toBe(entryOf(moments, 'movedTo') - 24 * HOUR_MS);
    const all = await retriages(caseId);
    expect(all.filter((r) => r.dedupe_key.includes(from)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    // Raised to urgent, so the holder and supervisors were told: fired until one of them marks it done.
    expect(all.filter((r) => r.dedupe_key.includes(to)).map((r) => r.status)).toEqual(['fired', 'scheduled']);
    expect((await entries(caseId)).filter((e) => e.data['reason'] === 'The deadline is less than 24 hours away')).toHaveLength(1);
  });

  it('fires exactly once when both workers fire it at the same moment as its queued job', async () => {
    const caseId = await intake(Date.now() + 72 * HOUR_MS + 3_000);
    scenario['race'] = caseId;
    const pending = itemAt(
      (await retriages(caseId)).filter((r) => r.dedupe_key.endsWith(':within_72h')),
      0,
      'the 72-hour re-triage',
    );
    await sleep(Math.max(0, new Date(pending.due_at).getTime() - Date.now()));
    const fire = (worker: INestApplicationContext) => worker.get(FollowUpProcessor).fire(pending.id, pending.revision);
    const outcomes = await Promise.all(workers.flatMap((worker) => [fire(worker), fire(worker)]));
    expect(outcomes.filter((o) => o.fired).length).toBeLessThanOrEqual(1);
    await firesOnTime(caseId, 'within_72h');
    expect(await entries(caseId)).toHaveLength(1);
    expect((await caseRow(caseId)).priority).toBe('high');
    // Fired again afterwards (a retried job): nothing more.
    for (const worker of workers) expect(await fire(worker)).toMatchObject({ fired: false });
    expect(await entries(caseId)).toHaveLength(1);
  });

  it('queue rows carry the deadline, for the countdown', async () => {
    const page = bodyOf(await api.request('GET', '/api/cases?queue=mine', { token: caseworker }), caseListResponseSchema);
    const row = page.items.find((item) => item.id === entryOf(scenario, 'within24h'));
    expect(row?.deadlineAt).toBe(new Date(entryOf(moments, 'within24h')).toISOString());
    const unassigned = bodyOf(await api.request('GET', '/api/cases?queue=unassigned', { token: caseworker }), caseListResponseSchema);
    expect(unassigned.items.find((item) => item.id === entryOf(scenario, 'passed'))?.deadlineAt).toBe(new Date(entryOf(moments, 'passed')).toISOString());
  });

  it('time never made any of these cases an emergency', async () => {
    const rows = await rowsOf<{ priority: string; triage_priority: string }>(
      db.dataSource,
      `SELECT priority, triage_priority FROM support_case WHERE id = ANY($1)`,
      [Object.values(scenario)],
    );
    expect(rows.length).toBe(Object.keys(scenario).length);
    for (const row of rows) expect([row.priority, row.triage_priority]).not.toContain('emergency');
  });
});
