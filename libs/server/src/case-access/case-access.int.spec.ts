import { IntakeRequest, IntakeResponse } from '@sg/contracts';
import { caseAccessViewSchema, caseDetailSchema, conversationSessionSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { Client } from 'pg';
import * as z from 'zod';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, TestDatabase, testConfig, TestResponse } from '../testing';

/** What this spec reads of the messages on the case-changes channel (case changes, and whatever else is sent there). */
const liveMessageSchema = z.looseObject({ type: z.string(), caseId: z.string().optional() });

const viewOf = (response: TestResponse) => bodyOf(response, caseAccessViewSchema);

/** Coming back to a case with the reference and access code, against a real PostgreSQL. */
describe('case access with reference and access code', () => {
  let db: TestDatabase;
  let api: TestApi;
  let created: IntakeResponse;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    // An adult, nothing pressing: standard priority, so a new deadline visibly raises it.
    const response = await api.request('POST', '/api/intakes', {
      body: intakeFixture({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: ['more_images'] }),
    });
    created = bodyOf(response, intakeResponseSchema);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const access = () => ({ reference: created.reference, accessCode: created.accessCode });

  it('shows the status in words and the plan, and nothing staff-only', async () => {
    const response = await api.request('POST', '/api/case-access', { body: access() });
    expect(response.status).toBe(200);
    const view = viewOf(response);
    expect(Object.keys(view).sort()).toEqual([
      'actionPlan',
      'additions',
      'contact',
      'country',
      'createdAt',
      'firstResponseWithin',
      'language',
      'reference',
      'reply',
      'resources',
      'status',
    ]);
    // Words as keys, said by the page in the language it is read in (English: "Received: someone will pick it up soon").
    expect(view.status).toEqual({ key: 'person.caseStatus.new' });
    expect(view.language).toBe('en');
    expect(view.actionPlan.map((s) => s.key)).toEqual(created.actionPlan.map((s) => s.key));
    // Read back from storage as the same keys and selectors the intake answered with.
    expect(view.actionPlan.map((s) => [s.title, s.detail])).toEqual(created.actionPlan.map((s) => [s.title, s.detail]));
    // "within 2 days"
    expect(view.firstResponseWithin).toEqual({ key: 'person.firstResponse.withinDays', params: { days: 2 } });
  });

  it('accepts the codes in lower case and with spaces around them, as people type them', async () => {
    const response = await api.request('POST', '/api/case-access', {
      body: { reference: ` ${created.reference.toLowerCase()} `, accessCode: created.accessCode.toLowerCase() },
    });
    expect(response.status).toBe(200);
  });

  it('accepts the access code typed without its dashes', async () => {
    const response = await api.request('POST', '/api/case-access', {
      body: { reference: created.reference, accessCode: created.accessCode.replace(/-/g, '').toLowerCase() },
    });
    expect(response.status).toBe(200);
  });

  it('tells the person what is true of their contact choice, also once a caseworker has picked the case up', async () => {
    const intake = async (contact: IntakeRequest['contact'], contactMe: boolean) =>
      bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture({ contact, consent: { storeData: true, contactMe } }) }), intakeResponseSchema);
    const texted = await intake({ channel: 'sms', value: '+1 555 0100', canMentionOrganisation: false }, true);
    const declined = await intake({ channel: 'none', canMentionOrganisation: false, declined: true }, false);
    const skipped = await intake({ channel: 'none', canMentionOrganisation: false }, false);
    expect([texted.contact, declined.contact, skipped.contact]).toEqual([{ kind: 'by_channel', channel: 'sms' }, { kind: 'declined' }, { kind: 'not_said' }]);

    const token = await api.tokenFor('caseworker');
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [texted.reference]);
    expect((await api.request('POST', `/api/cases/${row.id}/claim`, { token })).status).toBe(200);
    const view = async (c: IntakeResponse) =>
      viewOf(await api.request('POST', '/api/case-access', { body: { reference: c.reference, accessCode: c.accessCode } }));
    expect((await view(texted)).contact).toEqual({ kind: 'by_channel', channel: 'sms' });
    expect((await view(declined)).contact).toEqual({ kind: 'declined' });
    expect((await view(skipped)).contact).toEqual({ kind: 'not_said' });
  });

  it('gives the same 404 for a wrong code and an unknown reference', async () => {
    const wrongCode = await api.request('POST', '/api/case-access', { body: { ...access(), accessCode: 'AAAA-BBBB-CCCC-DDDD' } });
    const unknown = await api.request('POST', '/api/case-access', { body: { reference: 'SG-ZZZZ-ZZZZ', accessCode: created.accessCode } });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrongCode.body).toEqual(unknown.body);
  });

  it('records a ticked plan step and shows it done', async () => {
    const response = await api.request('POST', '/api/case-access/plan-steps', { body: { ...access(), key: 'do_not_pay', done: true } });
    expect(response.status).toBe(200);
    expect(viewOf(response).actionPlan.find((s) => s.key === 'do_not_pay')?.done).toBe(true);
    const events = await rowsOf<{ kind: string; key: string; title: string }>(
      db.dataSource,
      `SELECT kind, data->>'key' AS key, data->>'title' AS title FROM case_event WHERE kind = 'plan_step_done'`,
    );
    // The staff timeline keeps the title as an English sentence.
    expect(events).toEqual([{ kind: 'plan_step_done', key: 'do_not_pay', title: 'Do not pay and do not send anything more' }]);
  });

  it('re-triages when the person adds a close deadline, and keeps their additions', async () => {
    const before = await firstRowOf<{ priority: string; first_response_due_at: Date }>(
      db.dataSource,
      `SELECT priority, first_response_due_at FROM support_case WHERE reference = $1`,
      [created.reference],
    );
    expect(before.priority).toBe('standard');
    const deadline = new Date(Date.now() + 6 * 3_600_000).toISOString();
    const response = await api.request('POST', '/api/case-access/additions', {
      body: { ...access(), deadlineAt: deadline, note: 'They gave me until tonight.', contentUrls: ['https://example.com/post/1'] },
    });
    expect(response.status).toBe(200);
    const view = viewOf(response);
    // One line per thing added, all of this addition: "Added 1 link", "Updated the deadline", "Added a note".
    expect(view.additions.map((a) => a.summary)).toEqual([
      { key: 'person.additions.links', params: { count: 1 } },
      { key: 'person.additions.deadlineUpdated' },
      { key: 'person.additions.note' },
    ]);
    expect(new Set(view.additions.map((a) => a.at)).size).toBe(1);
    // "within an hour"
    expect(view.firstResponseWithin).toEqual({ key: 'person.firstResponse.withinHours', params: { hours: 1 } });
    // The staff timeline keeps its one English line.
    const added = await firstRowOf<{ data: unknown; sealed: Buffer; case_id: string }>(
      db.dataSource,
      `SELECT e.data, e.sealed, e.case_id FROM case_event e JOIN support_case c ON c.id = e.case_id WHERE c.reference = $1 AND e.kind = 'person_added_information'`,
      [created.reference],
    );
    // Their own words are kept sealed to the case, not in the entry's data (keys/key-rotation.int.spec.ts).
    expect(added.data).toEqual({ summary: 'Added 1 link; Updated the deadline; Added a note', note: null });
    expect(api.app.get(DataProtection, { strict: false }).open(added.sealed, SEAL_CONTEXT.timeline(added.case_id))).toEqual({
      note: 'They gave me until tonight.',
    });

    const after = await firstRowOf<{ priority: string; triage_factors: Array<{ key: string }>; first_response_due_at: Date }>(
      db.dataSource,
      `SELECT priority, triage_factors, first_response_due_at FROM support_case WHERE reference = $1`,
      [created.reference],
    );
    expect(after.priority).toBe('urgent');
    expect(after.triage_factors.map((f) => f.key)).toEqual(['deadline_within_24h']);
    expect(new Date(after.first_response_due_at).getTime()).toBeLessThan(new Date(before.first_response_due_at).getTime());
    const retriaged = await firstRowOf<{ data: unknown }>(db.dataSource, `SELECT data FROM case_event WHERE kind = 'case_retriaged'`);
    expect(retriaged.data).toMatchObject({ from: 'standard', to: 'urgent' });
  });

  it('tells open case pages about every addition, even one that leaves the priority alone', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const events: Array<z.output<typeof liveMessageSchema>> = [];
    listener.on('notification', (message) => events.push(liveMessageSchema.parse(JSON.parse(message.payload ?? '{}'))));
    await listener.query(`LISTEN ${CASE_CHANGES_CHANNEL}`);
    try {
      const before = await firstRowOf<{ id: string; priority: string }>(db.dataSource, `SELECT id, priority FROM support_case WHERE reference = $1`, [
        created.reference,
      ]);
      const response = await api.request('POST', '/api/case-access/additions', { body: { ...access(), note: 'Nothing new, just checking in.' } });
      expect(response.status).toBe(200);
      const started = Date.now();
      while (!events.some((event) => event.caseId === before.id) && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 20));
      expect(events.filter((event) => event.caseId === before.id)).toEqual([expect.objectContaining({ type: 'case.updated', priority: before.priority })]);
    } finally {
      await listener.end();
    }
  });

  it('brings taking content down forward when the person says it was posted, keeping their ticks', async () => {
    const intake = await api.request('POST', '/api/intakes', {
      body: intakeFixture({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: ['more_images'], contentPosted: 'no' }),
    });
    const intakeAnswer = bodyOf(intake, intakeResponseSchema);
    const mine = { reference: intakeAnswer.reference, accessCode: intakeAnswer.accessCode };
    const keysBefore = intakeAnswer.actionPlan.map((s) => s.key);
    expect(keysBefore).not.toContain('request_removal');
    await api.request('POST', '/api/case-access/plan-steps', { body: { ...mine, key: 'stopncii', done: true } });

    const response = await api.request('POST', '/api/case-access/additions', { body: { ...mine, contentPosted: 'yes' } });
    expect(response.status).toBe(200);
    const plan = viewOf(response).actionPlan;
    const keys = plan.map((s) => s.key);
    expect(keys.slice(0, 5)).toEqual(['do_not_pay', 'stop_replying', 'preserve_evidence', 'request_removal', 'stopncii']);
    expect(plan.find((s) => s.key === 'stopncii')?.done).toBe(true);
    const event = await firstRowOf<{ data: unknown }>(
      db.dataSource,
      `SELECT e.data FROM case_event e JOIN support_case c ON c.id = e.case_id WHERE c.reference = $1 AND e.kind = 'plan_updated'`,
      [mine.reference],
    );
    expect(event.data).toMatchObject({ added: ['Ask the site to take it down'], removed: [], keptDone: [] });
  });

  it('asks for at least one thing when adding information', async () => {
    const response = await api.request('POST', '/api/case-access/additions', { body: access() });
    expect(response.status).toBe(400);
  });
  it('limits attempts from one connection, so codes cannot be guessed at speed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) {
      statuses.push((await api.request('POST', '/api/case-access', { body: { reference: 'SG-ZZZZ-ZZZZ', accessCode: 'AAAA-BBBB-CCCC-DDDD' } })).status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 404).length).toBeLessThanOrEqual(30);
  });

  describe('by the conversation session, without the code', () => {
    const session = async () => bodyOf(await api.request('POST', '/api/conversation/session', { body: access() }), conversationSessionSchema).sessionToken;

    it('shows the case, ticks a step and adds information with the session alone', async () => {
      const token = await session();
      const headers = { 'x-case-session': token };
      const view = await api.request('GET', '/api/case-access/current', { headers });
      expect(view.status).toBe(200);
      expect(viewOf(view).reference).toBe(created.reference);
      expect(view.headers.get('cache-control')).toBe('no-store');
      const ticked = await api.request('POST', '/api/case-access/current/plan-steps', { headers, body: { key: 'preserve_evidence', done: true } });
      expect(ticked.status).toBe(200);
      expect(viewOf(ticked).actionPlan.find((s) => s.key === 'preserve_evidence')?.done).toBe(true);
      const added = await api.request('POST', '/api/case-access/current/additions', { headers, body: { note: 'He messaged again from a new account.' } });
      expect(added.status).toBe(200);
      expect(viewOf(added).additions[0]?.summary).toEqual({ key: 'person.additions.note' });
      // The code is not accepted in place of the session here, and nothing else is either.
      const empty = await api.request('POST', '/api/case-access/current/additions', { headers, body: {} });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toContain('note');
      const withCode = await api.request('POST', '/api/case-access/current/plan-steps', {
        headers,
        body: { ...access(), key: 'preserve_evidence', done: false },
      });
      expect(withCode.status).toBe(400);
    });

    it("changes the case's language with the session, refusing a language not offered", async () => {
      const token = await session();
      const headers = { 'x-case-session': token };
      const changed = await api.request('PUT', '/api/case-access/current/language', { headers, body: { language: 'es' } });
      expect(changed.status).toBe(204);
      const row = await firstRowOf<{ id: string; language: string }>(db.dataSource, `SELECT id, language FROM support_case WHERE reference = $1`, [
        created.reference,
      ]);
      expect(row.language).toBe('es');
      expect(viewOf(await api.request('GET', '/api/case-access/current', { headers })).language).toBe('es');
      // Staff see it on the case, so they know which language the person reads.
      const staff = await api.tokenFor('caseworker');
      expect(bodyOf(await api.request('GET', `/api/cases/${row.id}`, { token: staff }), caseDetailSchema).language).toBe('es');
      // Not a case fact: nothing on the timeline (the person may switch back and forth while reading).
      const { count } = await firstRowOf<{ count: number }>(
        db.dataSource,
        `SELECT count(*)::int AS count FROM case_event WHERE case_id = $1 AND kind NOT IN ('case_created', 'person_viewed_case', 'plan_step_done', 'plan_step_reopened', 'person_added_information', 'case_retriaged', 'plan_updated')`,
        [row.id],
      );
      expect(count).toBe(0);

      for (const body of [{ language: 'fr' }, { language: 'EN' }, {}, { language: 'ms', extra: 1 }]) {
        const refused = await api.request('PUT', '/api/case-access/current/language', { headers, body });
        expect(refused.status).toBe(400);
        expect(JSON.stringify(refused.body)).toMatch(/language|extra/);
      }
      const bad = await api.request('PUT', '/api/case-access/current/language', { headers, body: { language: 'fr' } });
      expect(JSON.stringify(bad.body)).toContain('must be one of en, ms, es');
      expect((await firstRowOf<{ language: string }>(db.dataSource, `SELECT language FROM support_case WHERE id = $1`, [row.id])).language).toBe('es');

      expect((await api.request('PUT', '/api/case-access/current/language', { headers, body: { language: 'en' } })).status).toBe(204);
      expect((await firstRowOf<{ language: string }>(db.dataSource, `SELECT language FROM support_case WHERE id = $1`, [row.id])).language).toBe('en');
    });

    it('refuses without a live session, and after quick exit ended it', async () => {
      expect((await api.request('GET', '/api/case-access/current')).status).toBe(401);
      const token = await session();
      expect((await api.request('DELETE', '/api/conversation/session', { headers: { 'x-case-session': token } })).status).toBe(204);
      expect((await api.request('GET', '/api/case-access/current', { headers: { 'x-case-session': token } })).status).toBe(401);
      expect(
        (
          await api.request('POST', '/api/case-access/current/plan-steps', {
            headers: { 'x-case-session': token },
            body: { key: 'preserve_evidence', done: true },
          })
        ).status,
      ).toBe(401);
      expect((await api.request('PUT', '/api/case-access/current/language', { body: { language: 'ms' } })).status).toBe(401);
      expect((await api.request('PUT', '/api/case-access/current/language', { headers: { 'x-case-session': token }, body: { language: 'ms' } })).status).toBe(
        401,
      );
      expect(
        (await firstRowOf<{ language: string }>(db.dataSource, `SELECT language FROM support_case WHERE reference = $1`, [created.reference])).language,
      ).toBe('en');
    });
  });
});
