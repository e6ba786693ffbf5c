import {
  conversationMessageSchema,
  conversationSessionSchema,
  intakeResponseSchema,
  personConversationSchema,
  staffConversationSchema,
  unreadCountSchema,
} from '@sg/contracts/schemas';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { found } from '@sg/domain';
import {
  bodyOf,
  createTestDatabase,
  firstRowOf,
  intakeFixture,
  startTestApi,
  statementsDuring,
  TestApi,
  TestDatabase,
  testConfig,
  TestResponse,
  verbOf,
} from '../testing';

/**
 * How many statements (round trips to PostgreSQL) each of the conversation's hot requests costs.
 * The API and PostgreSQL share the machine's cores: under load every round trip is a wait, and
 * the time from one side's message to the other's screen is made of them. A change that adds one
 * to these paths fails here, so it is a decision, not an accident.
 */
describe("the conversation's round trips", () => {
  let db: TestDatabase;
  let api: TestApi;
  let appDataSource: DataSource;
  let caseworker: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    appDataSource = api.app.get(DataSource);
    caseworker = await api.tokenFor('caseworker');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The statements the API sends for one request, by their first word, and its answer. */
  const counted = async (request: () => Promise<TestResponse>): Promise<{ verbs: string[]; response: TestResponse }> => {
    let response: TestResponse | undefined;
    const statements = await statementsDuring(appDataSource, async () => {
      response = await request();
    });
    return { verbs: statements.map(verbOf), response: found(response, 'the answer') };
  };
  /**
   * The staff guard checks a token's session and account in PostgreSQL only every few seconds
   * (auth/staff-session.cache.ts): a request just before the counted one keeps that out of the count.
   */
  const warmStaffChecks = async (caseId: string): Promise<number> =>
    bodyOf(await api.request('GET', `/api/cases/${caseId}/conversation/unread`, { token: caseworker }), unreadCountSchema).unread;

  it('reads and writes each side of the thread in a handful of statements', async () => {
    const intake = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const { id } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [intake.reference]);
    const opened = await api.request('POST', '/api/conversation/session', { body: { reference: intake.reference, accessCode: intake.accessCode } });
    const session = bodyOf(opened, conversationSessionSchema).sessionToken;
    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    const personSays = (body: string) =>
      api.request('POST', '/api/conversation/messages', { headers: { 'x-case-session': session }, body: { clientMessageId: randomUUID(), body } });
    const staffSays = (body: string) =>
      api.request('POST', `/api/cases/${id}/conversation/messages`, { token: caseworker, body: { clientMessageId: randomUUID(), body } });

    // The first message of a run raises a notification, whose job is queued after the commit; the second only joins the run.
    expect((await personSays('hello?')).status).toBe(201);
    const personSend = await counted(() => personSays('are you there'));
    expect(personSend.verbs).toEqual([
      'UPDATE', // the session guard: the session, moved on
      'START',
      'SELECT', // the home case, its row held
      'SELECT', // where the home is once the row is held (a merge committed meanwhile moves it)
      'WITH', // the message, stored once, with the run it starts or joins
      'INSERT', // the timeline entry
      'INSERT', // the run's notification (already raised: nothing)
      'COMMIT',
      'SELECT', // the live event, after the commit
    ]);
    expect(bodyOf(personSend.response, conversationMessageSchema).from).toBe('person');

    expect(await warmStaffChecks(id)).toBe(2);
    const staffRead = await counted(() => api.request('GET', `/api/cases/${id}/conversation`, { token: caseworker }));
    expect(staffRead.verbs).toEqual([
      'START',
      'SELECT', // the case: who may open it
      'WITH', // the thread, the unread count, the transcript and the read position moved
      'INSERT', // the audit row
      'COMMIT',
    ]);
    const thread = bodyOf(staffRead.response, staffConversationSchema);
    expect([thread.unread, thread.messages.map((m) => m.body), thread.transcript]).toEqual([2, ['hello?', 'are you there'], null]);

    // The first staff message is the first contact, which replans the case: the second is the common one.
    // Writing means having read what came before: the line the person added after the read is read by its writer too.
    expect((await personSays('hello??')).status).toBe(201);
    expect((await staffSays('We are here.')).status).toBe(201);
    expect(await warmStaffChecks(id)).toBe(0);
    const staffSend = await counted(() => staffSays('You are not in trouble.'));
    expect(staffSend.verbs).toEqual([
      'START',
      'SELECT', // the case, its row held
      'WITH', // the message, stored once, and the writer's read position
      'INSERT', // the timeline entry
      'INSERT', // the audit row
      'UPDATE', // whether it nudges the person
      'COMMIT',
      'SELECT', // the live event, after the commit
    ]);
    expect(bodyOf(staffSend.response, conversationMessageSchema).from).toBe('staff');

    const personRead = await counted(() => api.request('GET', '/api/conversation', { headers: { 'x-case-session': session } }));
    expect(personRead.verbs).toEqual([
      'UPDATE', // the session guard
      'SELECT', // the person's case and the case their records live in
      'WITH', // the team's messages marked read, and the thread as it now stands
    ]);
    const seen = bodyOf(personRead.response, personConversationSchema);
    expect(seen.unread).toBe(2);
    expect(seen.messages.filter((m) => m.from === 'staff').every((m) => m.readByPersonAt !== null)).toBe(true);
  });
});
