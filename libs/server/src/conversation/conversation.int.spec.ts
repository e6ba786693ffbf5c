import { IntakeResponse } from '@sg/contracts';
import {
  caseDetailSchema,
  caseListResponseSchema,
  conversationMessageSchema,
  conversationSessionSchema,
  intakeResponseSchema,
  loginResponseSchema,
  notificationListSchema,
  personConversationSchema,
  staffConversationSchema,
  trendsResponseSchema,
  unreadCountSchema,
} from '@sg/contracts/schemas';
import { found, itemAt } from '@sg/domain';
import { createParser } from 'eventsource-parser';
import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts';
import {
  bodyOf,
  createTestDatabase,
  errorOf,
  firstRowOf,
  intakeFixture,
  rowsOf,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';

/** The conversation between the person and the organisation, against a real PostgreSQL. */
describe('the conversation with the person', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let otherCaseworker: string;
  let supervisor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
    supervisor = await api.tokenFor('supervisor');
    const second = DEMO_ACCOUNTS.find((account) => account.email === 'caseworker2@demo.test');
    otherCaseworker = bodyOf(
      await api.request('POST', '/api/auth/login', { body: { email: second?.email, password: TEST_PASSWORD } }),
      loginResponseSchema,
    ).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function newCase(): Promise<{ id: string; intake: IntakeResponse }> {
    const intake = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [intake.reference]);
    return { id: row.id, intake };
  }
  async function sessionFor(intake: IntakeResponse): Promise<string> {
    const response = await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: intake.accessCode } });
    expect(response.status).toBe(201);
    return bodyOf(response, conversationSessionSchema).sessionToken;
  }
  const personSays = (session: string, body: string, clientMessageId = randomUUID()) =>
    api.request('POST', '/api/conversation/messages', { headers: { 'x-case-session': session }, body: { clientMessageId, body } });
  const personReads = async (session: string) => {
    const response = await api.request('GET', '/api/conversation', { headers: { 'x-case-session': session } });
    expect(response.status).toBe(200);
    return bodyOf(response, personConversationSchema);
  };
  const staffSays = (token: string, caseId: string, body: string, clientMessageId = randomUUID()) =>
    api.request('POST', `/api/cases/${caseId}/conversation/messages`, { token, body: { clientMessageId, body } });
  const staffReads = async (token: string, caseId: string) => {
    const response = await api.request('GET', `/api/cases/${caseId}/conversation`, { token });
    expect(response.status).toBe(200);
    return bodyOf(response, staffConversationSchema);
  };

  it('opens a session only with the right reference and code, answering a wrong one as an unknown one', async () => {
    const { intake } = await newCase();
    const wrong = await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: 'AAAA-BBBB-CCCC-DDDD' } });
    const unknown = await api.request('POST', '/api/conversation/session', { body: { reference: 'SG-ZZZZ-ZZZZ', accessCode: intake.accessCode } });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    const opened = await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: intake.accessCode } });
    const openedSession = bodyOf(opened, conversationSessionSchema);
    expect(Object.keys(openedSession).sort()).toEqual(['expiresAt', 'sessionToken']);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    // Only a hash of the token is kept.
    const stored = await firstRowOf<{ token_hash: string }>(db.dataSource, `SELECT token_hash FROM case_access_session ORDER BY created_at DESC LIMIT 1`);
    expect(stored.token_hash).not.toContain(openedSession.sessionToken);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores both sides sealed: the words are not in the table', async () => {
    const { id, intake } = await newCase();
    const session = await sessionFor(intake);
    const sent = await personSays(session, 'He says he will post it tonight unless I pay');
    expect(sent.status).toBe(201);
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    expect((await staffSays(caseworker, id, 'Please do not pay. We are here with you.')).status).toBe(201);
    const rows = await rowsOf<{ raw: string }>(db.dataSource, `SELECT encode(body_sealed, 'escape') AS raw FROM case_message WHERE case_id = $1`, [id]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.raw).not.toContain('post it tonight');
      expect(row.raw).not.toContain('do not pay');
    }
    // Nothing about the words reaches the timeline either: it says who wrote, not what.
    const timeline = await rowsOf<{ kind: string; actor_kind: string; data: unknown }>(
      db.dataSource,
      `SELECT kind, actor_kind, data FROM case_event WHERE case_id = $1 AND kind IN ('person_message', 'message_sent') ORDER BY at`,
      [id],
    );
    expect(timeline).toEqual([
      { kind: 'person_message', actor_kind: 'person', data: {} },
      { kind: 'message_sent', actor_kind: 'staff', data: { firstContact: expect.any(Boolean) as unknown } },
    ]);
  });

  it("shows each side the other's messages, counts unread per reader, and a supervisor's read leaves the holder's unread", async () => {
    const { id, intake } = await newCase();
    const session = await sessionFor(intake);
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    await personSays(session, 'hello?');
    await personSays(session, 'are you there');

    const bySupervisor = await staffReads(supervisor, id);
    expect(bySupervisor.unread).toBe(2);
    expect(bySupervisor.messages.map((m) => [m.from, m.body])).toEqual([
      ['person', 'hello?'],
      ['person', 'are you there'],
    ]);
    expect((await staffReads(supervisor, id)).unread).toBe(0);
    // The holder's copy is still unread.
    expect((await staffReads(caseworker, id)).unread).toBe(2);
    expect((await staffReads(caseworker, id)).unread).toBe(0);

    const reply = bodyOf(await staffSays(caseworker, id, 'We are here. You are not in trouble.'), conversationMessageSchema);
    expect(reply).toMatchObject({ from: 'staff', authorName: 'Casey Caseworker', readByPersonAt: null });

    const first = await personReads(session);
    expect(first.unread).toBe(1);
    expect(first.messages.map((m) => m.from)).toEqual(['person', 'person', 'staff']);
    // The person writes to the team, not to a named person.
    expect(first.messages.every((m) => m.authorName === null)).toBe(true);
    expect((await personReads(session)).unread).toBe(0);
    const afterRead = await staffReads(caseworker, id);
    expect(afterRead.messages.at(-1)?.readByPersonAt).not.toBeNull();
  });

  it('counts unread per reader on the queue row, the tab and the bell, without reading the words', async () => {
    const { id, intake } = await newCase();
    const session = await sessionFor(intake);
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    await personSays(session, 'one');
    await personSays(session, 'two');
    const row = async (token: string) =>
      bodyOf(await api.request('GET', '/api/cases?queue=all&limit=100', { token }), caseListResponseSchema).items.find((item) => item.id === id);
    const mine = async () =>
      bodyOf(await api.request('GET', '/api/cases?queue=mine&limit=100', { token: caseworker }), caseListResponseSchema).items.find((item) => item.id === id);
    expect((await mine())?.unreadMessages).toBe(2);
    expect((await row(supervisor))?.unreadMessages).toBe(2);
    expect(bodyOf(await api.request('GET', `/api/cases/${id}/conversation/unread`, { token: caseworker }), unreadCountSchema)).toEqual({ unread: 2 });
    const bell = async (token: string) => bodyOf(await api.request('GET', '/api/notifications', { token }), notificationListSchema).unreadMessages;
    expect(await bell(caseworker)).toEqual({ messages: 2, cases: 1 });
    // The unread count is not a read: no audit row, and it stays unread.
    const { n: reads } = await firstRowOf<{ n: number }>(
      db.dataSource,
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = 'case.conversation_read'`,
      [id],
    );
    expect(reads).toBe(0);
    // The supervisor reads: their count goes to 0, the holder's stays.
    await staffReads(supervisor, id);
    expect((await row(supervisor))?.unreadMessages).toBe(0);
    expect((await mine())?.unreadMessages).toBe(2);
    await staffReads(caseworker, id);
    expect((await mine())?.unreadMessages).toBe(0);
    expect(await bell(caseworker)).toEqual({ messages: 0, cases: 0 });
    expect((await api.request('GET', `/api/cases/${id}/conversation/unread`, { token: otherCaseworker })).status).toBe(403);
  });

  it("keeps a staff intake's call notes sealed and shows them in the Conversation tab; the public form may not send them", async () => {
    const notes = 'Caller (15) said the account is @quick.cash.77 and they have until 9pm.';
    const staffIntake = await api.request('POST', '/api/intakes', {
      token: caseworker,
      body: { ...intakeFixture(), submittedBy: 'staff', channel: 'phone', transcript: notes, timeZone: 'Europe/London' },
    });
    expect(staffIntake.status).toBe(201);
    const caseId = found(bodyOf(staffIntake, intakeResponseSchema).caseId, "a staff intake's caseId");
    const sealed = await firstRowOf<{ raw: string }>(db.dataSource, `SELECT encode(body_sealed, 'escape') AS raw FROM case_transcript WHERE case_id = $1`, [
      caseId,
    ]);
    expect(sealed.raw).not.toContain('quick.cash');
    const zone = await firstRowOf<{ person_time_zone: string | null }>(db.dataSource, `SELECT person_time_zone FROM support_case WHERE id = $1`, [caseId]);
    expect(zone.person_time_zone).toBe('Europe/London');
    const thread = await staffReads(caseworker, caseId);
    expect(thread.transcript).toEqual({ body: notes, channel: 'phone', recordedBy: 'Casey Caseworker', recordedAt: expect.any(String) as unknown });

    const fromPublic = await api.request('POST', '/api/intakes', { body: { ...intakeFixture(), transcript: 'not for the public form' } });
    expect(fromPublic.status).toBe(400);
    expect(JSON.stringify(fromPublic.body)).toContain('transcript');
    const badZone = await api.request('POST', '/api/intakes', { body: { ...intakeFixture(), timeZone: 'Mars/Olympus_Mons' } });
    expect(badZone.status).toBe(400);
    expect(JSON.stringify(badZone.body)).toContain('timeZone');
    // Without a transcript the tab has none.
    const { id } = await newCase();
    expect((await staffReads(supervisor, id)).transcript).toBeNull();
  });

  it('audits every staff read of the thread', async () => {
    const { id } = await newCase();
    await staffReads(supervisor, id);
    await staffReads(supervisor, id);
    const audit = await rowsOf<{ action: string }>(db.dataSource, `SELECT action FROM audit_log WHERE case_id = $1 AND action = 'case.conversation_read'`, [
      id,
    ]);
    expect(audit).toHaveLength(2);
  });

  it('lets only the holder (or a supervisor) write, and keeps other caseworkers out of a held case', async () => {
    const { id } = await newCase();
    const unclaimed = await staffSays(caseworker, id, 'hi');
    expect(unclaimed.status).toBe(403);
    expect(errorOf(unclaimed).message).toBe('Claim this case before writing to the person.');
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${id}/conversation`, { token: otherCaseworker })).status).toBe(403);
    expect((await staffSays(otherCaseworker, id, 'hi')).status).toBe(403);
    expect((await staffSays(supervisor, id, 'A supervisor here.')).status).toBe(201);
  });

  it('makes the first staff message the first contact', async () => {
    const { id } = await newCase();
    expect((await staffReads(supervisor, id)).firstContactAt).toBeNull();
    const sent = bodyOf(await staffSays(supervisor, id, 'Hello, we got your message.'), conversationMessageSchema);
    expect((await staffReads(supervisor, id)).firstContactAt).toBe(sent.sentAt);
    // The case page's "first response" reads the same stamp.
    expect(bodyOf(await api.request('GET', `/api/cases/${id}`, { token: supervisor }), caseDetailSchema).firstRespondedAt).toBe(sent.sentAt);
    await staffSays(supervisor, id, 'A second message');
    expect((await staffReads(supervisor, id)).firstContactAt).toBe(sent.sentAt);
  });

  it('stores a resent message once, with one timeline entry and one notification', async () => {
    const { id, intake } = await newCase();
    const session = await sessionFor(intake);
    const clientMessageId = randomUUID();
    const first = await personSays(session, 'only once please', clientMessageId);
    const again = await personSays(session, 'only once please', clientMessageId);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(bodyOf(again, conversationMessageSchema).id).toBe(bodyOf(first, conversationMessageSchema).id);
    await personSays(session, 'and a second line before anyone answers');
    const counts = await firstRowOf<{ messages: number; timeline: number; notifications: number }>(
      db.dataSource,
      `SELECT (SELECT count(*)::int FROM case_message WHERE case_id = $1) AS messages,
              (SELECT count(*)::int FROM case_event WHERE case_id = $1 AND kind = 'person_message') AS timeline,
              (SELECT count(*)::int FROM follow_up WHERE case_id = $1 AND kind = 'person_message') AS notifications`,
      [id],
    );
    // Two messages in one unanswered run: the holder (here, the supervisors) is told once.
    expect(counts).toEqual({ messages: 2, timeline: 2, notifications: 1 });
    await staffSays(supervisor, id, 'We are reading.');
    await personSays(session, 'thank you');
    const after = await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM follow_up WHERE case_id = $1 AND kind = 'person_message'`, [
      id,
    ]);
    expect(after.n).toBe(2);
  });

  it('names the field it refuses and keeps an image-looking link (plain text, never a file)', async () => {
    const { intake } = await newCase();
    const session = await sessionFor(intake);
    const empty = await personSays(session, '   ');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('body');
    const tooLong = await personSays(session, 'x'.repeat(4001));
    expect(tooLong.status).toBe(400);
    const badId = await api.request('POST', '/api/conversation/messages', {
      headers: { 'x-case-session': session },
      body: { clientMessageId: 'nope', body: 'hi' },
    });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('clientMessageId');
    expect((await personSays(session, 'this is him https://i.imgur.com/abc.jpg')).status).toBe(201);
  });

  it("refuses the person's requests without a live session, and quick exit ends it", async () => {
    const { intake } = await newCase();
    expect((await api.request('GET', '/api/conversation')).status).toBe(401);
    expect((await api.request('GET', '/api/conversation', { headers: { 'x-case-session': 'made-up' } })).status).toBe(401);
    const session = await sessionFor(intake);
    await personReads(session);
    expect((await api.request('DELETE', '/api/conversation/session', { headers: { 'x-case-session': session } })).status).toBe(204);
    const after = await api.request('GET', '/api/conversation', { headers: { 'x-case-session': session } });
    expect(after.status).toBe(401);
    expect(errorOf(after).message).toContain('Open your case again');
    // An expired session is as good as ended.
    const other = await sessionFor(intake);
    await db.dataSource.query(`UPDATE case_access_session SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL`);
    expect((await api.request('GET', '/api/conversation', { headers: { 'x-case-session': other } })).status).toBe(401);
  });

  it("tells the person's open page at once when the team writes, without the words", async () => {
    const { id, intake } = await newCase();
    const session = await sessionFor(intake);
    const abort = new AbortController();
    const response = await fetch(`${api.baseUrl}/api/conversation/stream`, {
      headers: { 'x-case-session': session, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const received: Array<{ event: string | undefined; data: string }> = [];
    const parser = createParser({ onEvent: (event) => received.push({ event: event.event, data: event.data }) });
    const reading = (async () => {
      const decoder = new TextDecoder();
      const reader = found(response.body, 'the stream').getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(decoder.decode(value, { stream: true }));
        }
      } catch {
        // aborted
      }
    })();
    // Another case's conversation must not arrive on this stream.
    const other = await newCase();
    await staffSays(supervisor, other.id, 'not for you');
    await staffSays(supervisor, id, 'We have read your message and we are here.');
    const deadline = Date.now() + 10_000;
    while (!received.some((r) => r.event === 'conversation.message') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    abort.abort();
    await reading;
    const messages = received.filter((r) => r.event === 'conversation.message');
    expect(messages).toHaveLength(1);
    const message = itemAt(messages, 0, 'conversation.message events');
    expect(JSON.parse(message.data)).toEqual({ type: 'conversation.message', from: 'staff', at: expect.any(String) as unknown });
    expect(message.data).not.toContain('We have read');
  });

  describe('first contact counts, not the claim', () => {
    // No worker here, so the new-case plan is not made: what is planned below is the claim's and the message's replanning.
    const followUps = (caseId: string) =>
      rowsOf<{ kind: string; status: string }>(
        db.dataSource,
        `SELECT kind, status FROM follow_up WHERE case_id = $1 AND kind IN ('sla_escalation', 'contact_overdue') ORDER BY kind`,
        [caseId],
      );

    it('keeps a claimed case waiting for first contact, escalating to the holder and supervisors, until someone writes', async () => {
      const { id } = await newCase();
      expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
      const claimed = await firstRowOf<{ first_responded_at: Date | null }>(db.dataSource, `SELECT first_responded_at FROM support_case WHERE id = $1`, [id]);
      expect(claimed.first_responded_at).toBeNull();
      expect(await followUps(id)).toEqual([{ kind: 'contact_overdue', status: 'scheduled' }]);
      const audience = await firstRowOf<{ audience: string }>(db.dataSource, `SELECT audience FROM follow_up WHERE case_id = $1 AND kind = 'contact_overdue'`, [
        id,
      ]);
      expect(audience.audience).toBe('assignee_and_supervisors');

      await staffSays(caseworker, id, 'Hello, I am Casey from the support team.');
      expect(await followUps(id)).toEqual([{ kind: 'contact_overdue', status: 'cancelled' }]);
    });

    it('counts a recorded phone call as first contact, at the time it happened', async () => {
      const { id } = await newCase();
      expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
      const future = await api.request('POST', `/api/cases/${id}/contacts`, {
        token: caseworker,
        body: { channel: 'phone', at: new Date(Date.now() + 3_600_000).toISOString() },
      });
      expect(future.status).toBe(400);
      expect(JSON.stringify(future.body)).toContain('at');
      expect((await api.request('POST', `/api/cases/${id}/contacts`, { token: caseworker, body: { channel: 'carrier_pigeon' } })).status).toBe(400);

      const at = new Date(Date.now() - 10 * 60_000).toISOString();
      const recorded = await api.request('POST', `/api/cases/${id}/contacts`, { token: caseworker, body: { channel: 'phone', at } });
      expect(recorded.status).toBe(200);
      expect(bodyOf(recorded, staffConversationSchema).firstContactAt).toBe(at);
      expect(await followUps(id)).toEqual([{ kind: 'contact_overdue', status: 'cancelled' }]);
      const timeline = await rowsOf<{ data: unknown }>(db.dataSource, `SELECT data FROM case_event WHERE case_id = $1 AND kind = 'contact_recorded'`, [id]);
      expect(timeline).toEqual([{ data: { channel: 'phone', at, firstContact: true } }]);
      const audit = await rowsOf<{ after: unknown }>(db.dataSource, `SELECT after FROM audit_log WHERE case_id = $1 AND action = 'case.contact_recorded'`, [
        id,
      ]);
      expect(audit).toEqual([{ after: { channel: 'phone', at } }]);
      expect((await api.request('POST', `/api/cases/${id}/contacts`, { token: otherCaseworker, body: { channel: 'phone' } })).status).toBe(403);
    });

    it('pauses the first-response target and its escalation while the case waits on the person', async () => {
      const { id } = await newCase();
      expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
      const patch = async (status: string) => {
        const { version } = bodyOf(await api.request('GET', `/api/cases/${id}`, { token: caseworker }), caseDetailSchema);
        const response = await api.request('PATCH', `/api/cases/${id}`, { token: caseworker, body: { status, version } });
        expect(response.status).toBe(200);
      };
      const before = await firstRowOf<{ first_response_due_at: Date }>(db.dataSource, `SELECT first_response_due_at FROM support_case WHERE id = $1`, [id]);
      await patch('waiting');
      const paused = await firstRowOf<{ target_paused_at: Date | null }>(db.dataSource, `SELECT target_paused_at FROM support_case WHERE id = $1`, [id]);
      expect(paused.target_paused_at).not.toBeNull();
      expect(await followUps(id)).toEqual([{ kind: 'contact_overdue', status: 'cancelled' }]);
      // Pretend the pause lasted an hour.
      await db.dataSource.query(`UPDATE support_case SET target_paused_at = target_paused_at - interval '1 hour' WHERE id = $1`, [id]);
      await patch('in_progress');
      const after = await firstRowOf<{ first_response_due_at: Date; target_paused_at: Date | null }>(
        db.dataSource,
        `SELECT first_response_due_at, target_paused_at FROM support_case WHERE id = $1`,
        [id],
      );
      expect(after.target_paused_at).toBeNull();
      const moved = new Date(after.first_response_due_at).getTime() - new Date(before.first_response_due_at).getTime();
      // On the clock (no hours saved here): moved on by the hour paused, and the few moments around it.
      expect(moved).toBeGreaterThanOrEqual(3_600_000);
      expect(moved).toBeLessThan(3_600_000 + 60_000);
      const overdue = await firstRowOf<{ status: string; due_at: Date }>(
        db.dataSource,
        `SELECT status, due_at FROM follow_up WHERE case_id = $1 AND kind = 'contact_overdue'`,
        [id],
      );
      expect(overdue.status).toBe('scheduled');
    });

    it("counts first contact, not the claim, in Trends' first-response figures", async () => {
      // Trends shares one computation per window and zone for a while: three names of UTC, three fresh answers.
      const zones = ['UTC', 'Etc/UTC', 'Etc/GMT'];
      const responded = async () => {
        const body = bodyOf(await api.request('GET', `/api/trends?days=30&tz=${zones.shift()}`, { token: supervisor }), trendsResponseSchema);
        return found(
          body.firstResponse.byPriority.find((row) => row.priority === 'urgent'),
          'the urgent row of the first-response figures',
        );
      };
      const before = await responded();
      const { id } = await newCase();
      expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
      const claimed = await responded();
      expect(claimed.cases).toBe(before.cases + 1);
      expect(claimed.responded).toBe(before.responded);
      await staffSays(caseworker, id, 'Hello, this is the support team.');
      expect((await responded()).responded).toBe(before.responded + 1);
    });

    it('lists a claimed case nobody has contacted in Overdue once its target passes', async () => {
      const { id } = await newCase();
      expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
      await db.dataSource.query(`UPDATE support_case SET first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [id]);
      const overdue = async () =>
        bodyOf(await api.request('GET', '/api/cases?queue=overdue&limit=100', { token: caseworker }), caseListResponseSchema).items.map((item) => item.id);
      expect(await overdue()).toContain(id);
      await staffSays(caseworker, id, 'Sorry for the wait. We are here now.');
      expect(await overdue()).not.toContain(id);
    });
  });
});
