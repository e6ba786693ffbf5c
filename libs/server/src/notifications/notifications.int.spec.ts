import { intakeResponseSchema, loginResponseSchema, notificationListSchema } from '@sg/contracts/schemas';
import { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { FollowUpProcessor } from '../follow-ups/follow-up.processor';
import { NewCasePlanner } from '../follow-ups/new-case-planner.service';
import {
  bodyOf,
  createTestDatabase,
  errorOf,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  rowsOf,
  startTestApi,
  startTestWorker,
  TEST_PASSWORD,
  TestApi,
  testConfig,
  TestDatabase,
} from '../testing';
import type { NotificationList } from '@sg/contracts';
import { itemAt } from '@sg/domain';
import * as z from 'zod';

/** What this spec reads of the messages on the case-changes channel. */
const liveMessageSchema = z.looseObject({ type: z.string(), id: z.string().optional(), recipientId: z.string().optional() });

/** Notifications follow the case, tell every bell they were in when done, and leave an audit trail. */
describe('notifications', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let listener: Client;
  let caseworker: string;
  let supervisor: string;
  const events: Array<{ type: string; id?: string; recipientId?: string }> = [];
  const staffId = async (email: string) => (await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE email = $1`, [email])).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url);
    api = await startTestApi(db, config);
    worker = await startTestWorker(config);
    // These tests fire follow-ups they make by hand. The worker's planner, planning a new case when
    // its notification arrives, would cancel them as not in the case's plan: only the sweep plans here.
    worker.get(NewCasePlanner).onModuleDestroy();
    caseworker = await api.tokenFor('caseworker');
    supervisor = await api.tokenFor('supervisor');
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (message) => events.push(liveMessageSchema.parse(JSON.parse(message.payload ?? '{}'))));
    await listener.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  async function claimedCase(): Promise<string> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    expect((await api.request('POST', `/api/cases/${row.id}/claim`, { token: caseworker })).status).toBe(200);
    return row.id;
  }
  async function firedFollowUp(caseId: string, kind: string, audience: string): Promise<string> {
    const row = await firstRowOf<{ id: string }>(
      db.dataSource,
      // Marked as queued (enqueued_revision), so the worker's sweep leaves it to this test to fire.
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at, enqueued_revision) VALUES ($1, $2, 'case', $1, $3, $4, now(), 1) RETURNING id`,
      [caseId, kind, `test-${kind}-${caseId}`, audience],
    );
    expect((await worker.get(FollowUpProcessor).fire(row.id)).fired).toBe(true);
    return row.id;
  }
  const bell = async (token: string, caseId: string) =>
    bodyOf(await api.request('GET', '/api/notifications?status=open', { token }), notificationListSchema).items.filter((n) => n.caseId === caseId);
  const waitFor = async (what: string, probe: () => boolean) => {
    for (let i = 0; i < 50 && !probe(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    if (!probe()) throw new Error(`no ${what}`);
  };

  it('tells the holder when the person comes back and adds information, and the supervisors when nobody holds the case', async () => {
    const intake = async () => bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const caseOf = async (reference: string) =>
      (await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [reference])).id;
    const add = (access: { reference: string; accessCode: string }, note: string) =>
      api.request('POST', '/api/case-access/additions', { body: { reference: access.reference, accessCode: access.accessCode, note } });

    const held = await intake();
    const heldId = await caseOf(held.reference);
    expect((await api.request('POST', `/api/cases/${heldId}/claim`, { token: caseworker })).status).toBe(200);
    expect((await add(held, 'He now says 2 hours.')).status).toBe(200);
    await waitFor('notification for the holder', () => events.some((e) => e.type === 'notification.created'));
    let mine: NotificationList['items'] = [];
    for (let i = 0; i < 50 && !mine.length; i += 1) {
      mine = (await bell(caseworker, heldId)).filter((n) => n.kind === 'person_update');
      if (!mine.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mine).toEqual([expect.objectContaining({ kind: 'person_update', title: 'The person added information' }) as unknown]);
    expect((await bell(supervisor, heldId)).filter((n) => n.kind === 'person_update')).toEqual([]);

    const unheld = await intake();
    const unheldId = await caseOf(unheld.reference);
    expect((await add(unheld, 'Please help, it is getting worse.')).status).toBe(200);
    let theirs: NotificationList['items'] = [];
    for (let i = 0; i < 50 && !theirs.length; i += 1) {
      theirs = (await bell(supervisor, unheldId)).filter((n) => n.kind === 'person_update');
      if (!theirs.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(theirs).toHaveLength(1);
    // A later replan of the case (a claim) neither cancels nor repeats it.
    expect((await api.request('POST', `/api/cases/${unheldId}/claim`, { token: caseworker })).status).toBe(200);
    const [row] = await rowsOf<{ n: number; status: string | null }>(
      db.dataSource,
      `SELECT count(*)::int AS n, min(status) AS status FROM follow_up WHERE case_id = $1 AND kind = 'person_update'`,
      [unheldId],
    );
    expect(row).toEqual({ n: 1, status: 'fired' });
  });

  it("moves the previous holder's open notifications to the new holder when the case is reassigned, and tells both bells", async () => {
    const caseId = await claimedCase();
    const followUpId = await firedFollowUp(caseId, 'wellbeing_check', 'assignee');
    const [mine] = await bell(caseworker, caseId);
    expect(mine).toMatchObject({ kind: 'wellbeing_check' });

    const [first, second] = [await staffId('caseworker@demo.test'), await staffId('caseworker2@demo.test')];
    events.length = 0;
    expect((await api.request('POST', `/api/cases/${caseId}/assign`, { token: supervisor, body: { assigneeId: second } })).status).toBe(200);

    expect(await bell(caseworker, caseId)).toEqual([]);
    const login = await api.request('POST', '/api/auth/login', { body: { email: 'caseworker2@demo.test', password: TEST_PASSWORD } });
    const theirs = await bell(bodyOf(login, loginResponseSchema).accessToken, caseId);
    expect(theirs.map((n) => [n.id, n.kind])).toEqual([[mine?.id, 'wellbeing_check']]);
    expect(await db.dataSource.query(`SELECT recipient_id FROM notification WHERE follow_up_id = $1`, [followUpId])).toEqual([{ recipient_id: second }]);
    await waitFor(
      'hand-over events',
      () =>
        events.some((e) => e.type === 'notification.created' && e.recipientId === second) &&
        events.some((e) => e.type === 'notification.changed' && e.recipientId === first),
    );
  });

  it("tells every other recipient's bell when one of them marks it done, and audits it on the case", async () => {
    const caseId = await claimedCase();
    const followUpId = await firedFollowUp(caseId, 'takedown_escalation', 'assignee_and_supervisors');
    const supervisorId = await staffId('supervisor@demo.test');
    const [forSupervisor] = await bell(supervisor, caseId);
    expect(forSupervisor).toMatchObject({ kind: 'takedown_escalation' });
    const forCaseworker = itemAt(await bell(caseworker, caseId), 0, "the caseworker's notification");

    events.length = 0;
    expect((await api.request('POST', `/api/notifications/${forCaseworker.id}/done`, { token: caseworker })).status).toBe(200);
    await waitFor('a change event for the supervisor', () =>
      events.some((e) => e.type === 'notification.changed' && e.id === forSupervisor?.id && e.recipientId === supervisorId),
    );
    expect(await bell(supervisor, caseId)).toEqual([]);
    const audit = await rowsOf<{ action: string; after: unknown }>(
      db.dataSource,
      `SELECT action, after FROM audit_log WHERE case_id = $1 AND action = 'notification.done'`,
      [caseId],
    );
    expect(audit).toEqual([{ action: 'notification.done', after: { notificationId: forCaseworker.id, followUpId } }]);
  });

  it('sends a follow-up nobody would hear of (no holder, no active supervisor) to the admins', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const { id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    await db.dataSource.query(`UPDATE staff_user SET active = false WHERE role = 'supervisor'`);
    try {
      const followUpId = await firedFollowUp(caseId, 'sla_escalation', 'supervisors');
      const told = await rowsOf<{ role: string }>(
        db.dataSource,
        `SELECT u.role FROM notification n JOIN staff_user u ON u.id = n.recipient_id WHERE n.follow_up_id = $1`,
        [followUpId],
      );
      expect(told).toEqual([{ role: 'admin' }]);
    } finally {
      await db.dataSource.query(`UPDATE staff_user SET active = true WHERE role = 'supervisor'`);
    }
  });

  it("audits reading a case's takedowns, reports and follow-ups: one row per request", async () => {
    const caseId = await claimedCase();
    for (const part of ['takedowns', 'reports', 'follow-ups'])
      expect((await api.request('GET', `/api/cases/${caseId}/${part}`, { token: caseworker })).status).toBe(200);
    const rows = await rowsOf<{ action: string }>(db.dataSource, `SELECT action FROM audit_log WHERE case_id = $1 AND action LIKE '%.read' ORDER BY id`, [
      caseId,
    ]);
    expect(rows.map((r) => r.action)).toEqual(['takedowns.read', 'reports.read', 'follow_ups.read']);
  });

  it('names the parameter it refuses: a notification status, a plan step key', async () => {
    const status = await api.request('GET', '/api/notifications?status=everything', { token: caseworker });
    expect(status.status).toBe(400);
    expect(errorPathsOf(status)).toEqual(['status']);
    const caseId = await claimedCase();
    const step = await api.request('PATCH', `/api/cases/${caseId}/plan-steps/not_a_step`, { token: caseworker, body: { done: true } });
    expect(step.status).toBe(400);
    expect(errorPathsOf(step)).toEqual(['key']);
    expect(errorOf(step).message).toMatch(/^key /);
  });
});
