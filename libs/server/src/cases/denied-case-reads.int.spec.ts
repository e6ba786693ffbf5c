import { intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, TestDatabase, testConfig, TEST_PASSWORD } from '../testing';

interface AuditRow {
  actor_id: string | null;
  action: string;
  case_id: string | null;
  after: { status: number; route: string } | null;
}

/**
 * "Log every read" covers the reads that were refused too: a caseworker trying to open a
 * colleague's case, or probing case ids, leaves a row a supervisor can find.
 */
describe('denied case reads are audited', () => {
  let db: TestDatabase;
  let api: TestApi;
  let holder: string;
  let other: string;
  let otherId: string;
  let caseId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    holder = await api.tokenFor('caseworker');
    other = bodyOf(
      await api.request('POST', '/api/auth/login', { body: { email: 'caseworker2@demo.test', password: TEST_PASSWORD } }),
      loginResponseSchema,
    ).accessToken;
    otherId = (await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE email = 'caseworker2@demo.test'`)).id;
    const submitted = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(submitted.status).toBe(201);
    caseId = (
      await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [bodyOf(submitted, intakeResponseSchema).reference])
    ).id;
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: holder })).status).toBe(200);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const deniedRows = async (): Promise<AuditRow[]> =>
    rowsOf<AuditRow>(db.dataSource, `SELECT actor_id, action, case_id, after FROM audit_log WHERE action = 'case.read_denied' ORDER BY id`);

  it.each([
    ['the case page', '', '/api/cases/:id'],
    ['the conversation', '/conversation', '/api/cases/:id/conversation'],
    ['the unread count', '/conversation/unread', '/api/cases/:id/conversation/unread'],
    ['takedowns', '/takedowns', '/api/cases/:id/takedowns'],
    ['reports', '/reports', '/api/cases/:id/reports'],
    ['follow-ups', '/follow-ups', '/api/cases/:id/follow-ups'],
  ])("a colleague's case held by someone else: %s is refused and the refusal audited", async (_name, suffix, route) => {
    const before = (await deniedRows()).length;
    expect((await api.request('GET', `/api/cases/${caseId}${suffix}`, { token: other })).status).toBe(403);
    const rows = (await deniedRows()).slice(before);
    expect(rows).toEqual([{ actor_id: otherId, action: 'case.read_denied', case_id: caseId, after: { status: 403, route } }]);
  });

  it('a probe for a case id that does not exist is audited as a 404', async () => {
    const before = (await deniedRows()).length;
    const missing = '00000000-0000-4000-8000-0000000000aa';
    expect((await api.request('GET', `/api/cases/${missing}`, { token: other })).status).toBe(404);
    expect((await api.request('GET', '/api/cases/not-a-case-id', { token: other })).status).toBe(404);
    expect((await deniedRows()).slice(before)).toEqual([
      { actor_id: otherId, action: 'case.read_denied', case_id: missing, after: { status: 404, route: '/api/cases/:id' } },
      { actor_id: otherId, action: 'case.read_denied', case_id: null, after: { status: 404, route: '/api/cases/:id' } },
    ]);
  });

  it('a read that is allowed is not a denial', async () => {
    const before = (await deniedRows()).length;
    expect((await api.request('GET', `/api/cases/${caseId}`, { token: holder })).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${caseId}/conversation`, { token: holder })).status).toBe(200);
    expect((await deniedRows()).slice(before)).toEqual([]);
  });
});
