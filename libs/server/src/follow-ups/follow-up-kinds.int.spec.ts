import { INestApplicationContext } from '@nestjs/common';
import { caseDetailSchema, followUpListSchema, intakeResponseSchema, reportViewSchema, takedownViewSchema } from '@sg/contracts/schemas';
import { FollowUpCadence, FollowUpKind, entryOf } from '@sg/domain';
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

/**
 * Every kind of follow-up fires at its time (and not before), on each queue backend, with the
 * cadence shortened through configuration to seconds. Every scenario is set up at once and the
 * tests then wait in parallel, so the whole file waits about as long as its slowest follow-up.
 */
const S = 1 / 60; // one second, in cadence minutes
const cadence: FollowUpCadence = {
  wellbeingCheckMinutes: [3 * S, 600],
  deadlineReminderLeadMinutes: 10 * S,
  takedownChaseMinutes: 3 * S,
  takedownEscalationMinutes: 4 * S,
  reappearanceCheckMinutes: [3 * S, 600],
  reportFollowUpMinutes: [3 * S, 9 * S],
  caseReviewMinutes: [3 * S, 600, 1200],
  slaEscalationGraceMinutes: 0,
  closureOfferMinutes: 5 * S,
};
/** First-response targets scaled too: an emergency's 15 minutes become 3 seconds. */
const TIME_SCALE = 1 / 300;
/** Lateness allowed on a shared 2-core machine; the benchmark measures the real figure. */
const LATE_MS = 5000;

interface Row {
  id: string;
  status: string;
  due_at: Date;
  fired_at: Date | null;
  subject_id: string;
  dedupe_key: string;
}

describe.each(QUEUE_BACKENDS_UNDER_TEST)('each kind of follow-up on $backend', ({ backend, enabled }) => {
  if (!enabled) {
    it.skip('needs REDIS_URL pointing at a reachable Redis', () => undefined);
    return;
  }

  let db: TestDatabase;
  let config: AppConfig;
  let api: TestApi;
  let worker: INestApplicationContext;
  let caseworker: string;
  let ids: Record<'caseworker' | 'supervisor', string>;
  const scenario: Record<string, string> = {};
  const moments: Record<string, number> = {};

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function intake(changes: Parameters<typeof intakeFixture>[0] = {}): Promise<string> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture(changes) });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    return row.id;
  }
  async function claimed(changes: Parameters<typeof intakeFixture>[0] = {}): Promise<string> {
    const caseId = await intake(changes);
    const claim = await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker });
    expect(claim).toMatchObject({ status: 200, body: { id: caseId } });
    return caseId;
  }
  const rows = (caseId: string, kind: FollowUpKind) =>
    rowsOf<Row>(db.dataSource, `SELECT id, status, due_at, fired_at, subject_id, dedupe_key FROM follow_up WHERE case_id = $1 AND kind = $2 ORDER BY due_at`, [
      caseId,
      kind,
    ]);
  const recipients = async (followUpId: string) =>
    (
      await rowsOf<{ recipient_id: string }>(db.dataSource, `SELECT recipient_id FROM notification WHERE follow_up_id = $1 ORDER BY recipient_id`, [followUpId])
    ).map((r) => r.recipient_id);

  /** Waits for the first follow-up of `kind` on the case (optionally matching) to fire; checks it was on time. */
  async function firesOnTime(caseId: string, kind: FollowUpKind, match: (row: Row) => boolean = () => true): Promise<Row> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const row = (await rows(caseId, kind)).find((r) => r.status === 'fired' && match(r));
      if (row?.fired_at) {
        const late = new Date(row.fired_at).getTime() - new Date(row.due_at).getTime();
        // Not before its time (the fire allows 1 s of clock difference), and not long after.
        expect(late).toBeGreaterThanOrEqual(-1000);
        expect(late).toBeLessThan(LATE_MS);
        return row;
      }
      if (Date.now() > deadline) throw new Error(`${kind} on ${caseId} did not fire: ${JSON.stringify(await rows(caseId, kind))}`);
      await sleep(150);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = backend === 'redis' ? await redisAvailable() : undefined;
    config = testConfig(db.url, { redisUrl, followUpCadence: cadence, followUpTimeScale: TIME_SCALE });
    api = await startTestApi(db, config);
    caseworker = await api.tokenFor('caseworker');
    const staff = await rowsOf<{ id: string; email: string }>(db.dataSource, `SELECT id, email FROM staff_user`);
    ids = {
      caseworker: staff.find((s) => s.email === 'caseworker@demo.test')?.id ?? '',
      supervisor: staff.find((s) => s.email === 'supervisor@demo.test')?.id ?? '',
    };
    worker = await startTestWorker(config);

    // Every scenario at once; the tests below then wait for theirs.
    const adult = { ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false } as const;
    const personIntake = await api.request('POST', '/api/intakes', { body: intakeFixture(adult) });
    const person = bodyOf(personIntake, intakeResponseSchema);
    const { id: closureByPerson } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [person.reference]);
    expect((await api.request('POST', `/api/cases/${closureByPerson}/claim`, { token: caseworker })).status).toBe(200);
    const [wellbeing, deadline, takedowns, report, review, closure, closureNoted, sla] = await Promise.all([
      claimed(),
      claimed({ deadlineAt: new Date(Date.now() + 14_000).toISOString() }),
      claimed(),
      claimed(),
      claimed({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false }),
      claimed({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false }),
      claimed({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false }),
      intake({ selfHarm: 'plan_or_intent' }),
    ]);
    Object.assign(scenario, { wellbeing, deadline, takedowns, report, review, closure, closureNoted, closureByPerson, sla });

    const post = (path: string, body: unknown) => api.request('POST', path, { token: caseworker, body });
    const patch = (path: string, body: unknown) => api.request('PATCH', path, { token: caseworker, body });
    const chased = bodyOf(
      await post(`/api/cases/${takedowns}/takedowns`, { platform: 'Instagram', url: 'https://instagram.com/p/chase', channel: 'platform_form' }),
      takedownViewSchema,
    );
    const removed = bodyOf(
      await post(`/api/cases/${takedowns}/takedowns`, { platform: 'Instagram', url: 'https://instagram.com/p/removed', channel: 'platform_form' }),
      takedownViewSchema,
    );
    const submitted = bodyOf(await patch(`/api/takedowns/${chased.id}`, { status: 'submitted' }), takedownViewSchema);
    await patch(`/api/takedowns/${removed.id}`, { status: 'submitted' });
    const done = bodyOf(await patch(`/api/takedowns/${removed.id}`, { status: 'removed' }), takedownViewSchema);
    Object.assign(scenario, { chased: chased.id, removed: removed.id });
    moments['submitted'] = new Date(submitted.submittedAt ?? 0).getTime();
    moments['removed'] = new Date(done.removedAt ?? 0).getTime();

    const filed = bodyOf(
      await post(`/api/cases/${report}/reports`, { agencyKind: 'police', agencyName: 'Local police', filedAt: new Date().toISOString() }),
      reportViewSchema,
    );
    scenario['filed'] = filed.id;
    moments['filed'] = new Date(filed.filedAt ?? 0).getTime();

    // A new deadline: the reminder moves with it.
    const detail = bodyOf(await api.request('GET', `/api/cases/${deadline}`, { token: caseworker }), caseDetailSchema);
    moments['newDeadline'] = Date.now() + 18_000;
    const moved = await patch(`/api/cases/${deadline}`, { version: detail.version, deadlineAt: new Date(entryOf(moments, 'newDeadline')).toISOString() });
    expect(moved.status).toBe(200);

    // Activity two seconds in moves the closure offer: a takedown (which replans), a note (which does
    // not), and the person adding information through their reference and access code.
    await sleep(2000);
    await post(`/api/cases/${closure}/takedowns`, { platform: 'X', url: 'https://x.com/a/status/2', channel: 'platform_form' });
    expect((await post(`/api/cases/${closureNoted}/notes`, { body: 'Called the person; they are safe and want to keep the case open.' })).status).toBe(201);
    const added = await api.request('POST', '/api/case-access/additions', {
      body: { reference: person.reference, accessCode: person.accessCode, note: 'They messaged again from a new account.' },
    });
    expect(added.status).toBe(200);
    moments['activity'] = Date.now();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('wellbeing_check: 3 s after intake, to the caseworker', async () => {
    const { created_at: createdAt } = await firstRowOf<{ created_at: Date }>(db.dataSource, `SELECT created_at FROM support_case WHERE id = $1`, [
      entryOf(scenario, 'wellbeing'),
    ]);
    const row = await firesOnTime(entryOf(scenario, 'wellbeing'), 'wellbeing_check');
    expect(new Date(row.due_at).getTime() - new Date(createdAt).getTime()).toBe(3000);
    expect(await recipients(row.id)).toEqual([ids.caseworker]);
  });

  it('deadline_reminder: 10 s before the deadline; a new deadline moves it and the old one never fires', async () => {
    const row = await firesOnTime(entryOf(scenario, 'deadline'), 'deadline_reminder', (r) =>
      r.dedupe_key.endsWith(new Date(entryOf(moments, 'newDeadline')).toISOString()),
    );
    expect(new Date(row.due_at).getTime()).toBe(entryOf(moments, 'newDeadline') - 10_000);
    const all = await rows(entryOf(scenario, 'deadline'), 'deadline_reminder');
    expect(all.map((r) => r.status)).toEqual(['cancelled', 'fired']);
    expect(await recipients(row.id)).toEqual([ids.caseworker]);
  });

  it('takedown_chase: 3 s after submission, to the caseworker', async () => {
    const row = await firesOnTime(entryOf(scenario, 'takedowns'), 'takedown_chase', (r) => r.subject_id === entryOf(scenario, 'chased'));
    expect(new Date(row.due_at).getTime() - entryOf(moments, 'submitted')).toBe(3000);
    expect(await recipients(row.id)).toEqual([ids.caseworker]);
  });

  it('takedown_escalation: 4 s after submission, to the caseworker and the supervisors', async () => {
    const row = await firesOnTime(entryOf(scenario, 'takedowns'), 'takedown_escalation', (r) => r.subject_id === entryOf(scenario, 'chased'));
    expect(new Date(row.due_at).getTime() - entryOf(moments, 'submitted')).toBe(4000);
    expect(await recipients(row.id)).toEqual([ids.caseworker, ids.supervisor].sort());
  });

  it('reappearance_check: 3 s after removal; the chase of the removed request never fires', async () => {
    const row = await firesOnTime(entryOf(scenario, 'takedowns'), 'reappearance_check', (r) => r.subject_id === entryOf(scenario, 'removed'));
    expect(new Date(row.due_at).getTime() - entryOf(moments, 'removed')).toBe(3000);
    expect(
      (await rows(entryOf(scenario, 'takedowns'), 'takedown_chase')).filter((r) => r.subject_id === entryOf(scenario, 'removed')).map((r) => r.status),
    ).toEqual(['cancelled']);
  });

  it('report_follow_up: 3 s after filing; recording the reference stops the next one', async () => {
    const first = await firesOnTime(entryOf(scenario, 'report'), 'report_follow_up');
    expect(new Date(first.due_at).getTime() - entryOf(moments, 'filed')).toBe(3000);
    expect(
      (await api.request('PATCH', `/api/reports/${entryOf(scenario, 'filed')}`, { token: caseworker, body: { referenceNumber: 'CR-2026-77' } })).status,
    ).toBe(200);
    expect((await rows(entryOf(scenario, 'report'), 'report_follow_up')).map((r) => r.status)).toEqual(['fired', 'cancelled']);
  });

  it('case_review: 3 s after intake, to the caseworker', async () => {
    const row = await firesOnTime(entryOf(scenario, 'review'), 'case_review', (r) => r.dedupe_key.endsWith(':1'));
    expect(await recipients(row.id)).toEqual([ids.caseworker]);
  });

  it('sla_escalation: an unheld emergency past its (scaled) 15-minute target goes to the supervisors', async () => {
    const { first_response_due_at: dueAt } = await firstRowOf<{ first_response_due_at: Date }>(
      db.dataSource,
      `SELECT first_response_due_at FROM support_case WHERE id = $1`,
      [entryOf(scenario, 'sla')],
    );
    const row = await firesOnTime(entryOf(scenario, 'sla'), 'sla_escalation');
    expect(new Date(row.due_at).getTime()).toBe(new Date(dueAt).getTime());
    expect(await recipients(row.id)).toEqual([ids.supervisor]);
  });

  it('closure_offer: 5 s after the last activity (staff or the person), moved by later activity, with its title', async () => {
    for (const caseId of [entryOf(scenario, 'closure'), entryOf(scenario, 'closureNoted'), entryOf(scenario, 'closureByPerson')]) {
      const row = await firesOnTime(caseId, 'closure_offer');
      // Counted from the activity two seconds in, not from the claim.
      expect(new Date(row.fired_at ?? 0).getTime()).toBeGreaterThanOrEqual(entryOf(moments, 'activity') + 5000 - 1500);
      const [told] = await rowsOf<{ recipient_id: string; title: string }>(
        db.dataSource,
        `SELECT recipient_id, title FROM notification WHERE follow_up_id = $1`,
        [row.id],
      );
      expect(told).toEqual({ recipient_id: ids.caseworker, title: 'Offer to close the case: no activity for 90 days' });
    }
    const list = bodyOf(await api.request('GET', `/api/cases/${entryOf(scenario, 'closure')}/follow-ups`, { token: caseworker }), followUpListSchema);
    expect(list.find((f) => f.kind === 'closure_offer')?.label).toBe('Offer to close the case: no activity for 90 days');
  });
});
