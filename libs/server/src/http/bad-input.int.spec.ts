import { intakeResponseSchema } from '@sg/contracts/schemas';
import {
  bodyOf,
  createTestDatabase,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
  TestResponse,
  validationErrorsOf,
} from '../testing';

/**
 * Issue 12, item 4: a fuzzer got 57 × 500 out of 7,500 requests. Each fault it found, as one
 * request: the answer must be a 400 naming the field (nothing stored), never a 500.
 */
describe('bad input is refused with a 400, never a 500', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let admin: string;
  let caseId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
    admin = await api.tokenFor('admin');
    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(intake, intakeResponseSchema).reference,
    ]);
    caseId = row.id;
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker })).status).toBe(200);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** The fields a 400 names (its body parsed by the contract); none for any other answer, so its status shows. */
  const fieldsOf = (response: TestResponse) => (response.status === 400 ? errorPathsOf(response) : []);

  it('refuses a NUL character in a text field (PostgreSQL cannot store one), naming the field', async () => {
    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture({ narrative: 'before\u0000after' }) });
    expect({ status: intake.status, fields: fieldsOf(intake) }).toEqual({ status: 400, fields: ['narrative'] });
    expect(validationErrorsOf(intake).errors[0]).toMatchObject({ code: 'invalid_text' });

    const note = await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: { body: 'a\u0000b' } });
    expect({ status: note.status, fields: fieldsOf(note) }).toEqual({ status: 400, fields: ['body'] });

    const search = await api.request('GET', `/api/cases?queue=search&q=${encodeURIComponent('ab\u0000')}`, { token: caseworker });
    expect({ status: search.status, fields: fieldsOf(search) }).toEqual({ status: 400, fields: ['q'] });
    expect(Number((await firstRowOf<{ n: string }>(db.dataSource, `SELECT count(*) AS n FROM support_case`)).n)).toBe(1);
  });

  it('refuses a lone surrogate in values written to JSON columns, naming the field', async () => {
    const reveal = await api.request('POST', `/api/cases/${caseId}/contact-reveal`, { token: caseworker, body: { reason: 'caller \ud800 asked' } });
    expect({ status: reveal.status, fields: fieldsOf(reveal) }).toEqual({ status: 400, fields: ['reason'] });

    const reply = await api.request('POST', '/api/saved-replies', {
      token: admin,
      body: { title: 'Hello', body: 'Hello {name}', translations: { ms: { title: 'Hai \udfff' } } },
    });
    expect({ status: reply.status, fields: fieldsOf(reply) }).toEqual({ status: 400, fields: ['translations.ms.title'] });

    const evidence = await api.request('POST', `/api/cases/${caseId}/evidence`, {
      token: caseworker,
      body: { kind: 'threat_message', description: 'threat \ud83d' },
    });
    expect({ status: evidence.status, fields: fieldsOf(evidence) }).toEqual({ status: 400, fields: ['description'] });
  });

  it('keeps a well-formed pair of surrogates (an emoji) as it is', async () => {
    const note = await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: { body: 'called back \ud83d\ude4f' } });
    expect(note.status).toBe(201);
  });

  it('bounds dates: a report filed in year 0 is refused, naming filedAt', async () => {
    const report = await api.request('POST', `/api/cases/${caseId}/reports`, {
      token: caseworker,
      body: { agencyKind: 'police', agencyName: 'Local police', filedAt: '0000-01-01T00:00:00Z' },
    });
    expect({ status: report.status, fields: fieldsOf(report) }).toEqual({ status: 400, fields: ['filedAt'] });
    expect(validationErrorsOf(report).errors[0]).toMatchObject({ code: 'date_out_of_range' });

    const deadline = await api.request('POST', '/api/intakes', { body: intakeFixture({ deadlineAt: '9999-12-31T23:59:59Z' }) });
    expect({ status: deadline.status, fields: fieldsOf(deadline) }).toEqual({ status: 400, fields: ['deadlineAt'] });
  });

  it('answers a version beyond any case (2^53 - 1) with 400 or 409, not a database error', async () => {
    const patch = await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: Number.MAX_SAFE_INTEGER, paid: true } });
    expect([400, 409]).toContain(patch.status);
  });

  it('bounds the due time carried in a list cursor', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const due of ['-8640000000000000000', '-271821-04-20T00:00:00.000Z', '9999999999999999']) {
      const cursor = Buffer.from(JSON.stringify([0, due, uuid])).toString('base64url');
      const page = await api.request('GET', `/api/cases?queue=unassigned&cursor=${cursor}`, { token: caseworker });
      expect({ due, status: page.status, fields: fieldsOf(page) }).toEqual({ due, status: 400, fields: ['cursor'] });
    }
  });

  it('refuses a deeply nested body before any work (a 50,000-deep sign-in email)', async () => {
    const deep = `{"email":${'['.repeat(50_000)}${']'.repeat(50_000)},"password":"x"}`;
    const login = await api.request('POST', '/api/auth/login', { body: deep });
    expect(login.status).toBe(400);
    expect(validationErrorsOf(login).errors[0]).toMatchObject({ path: '(body)', code: 'too_deep' });

    // Not only sign-in: any route, signed in or not.
    const note = await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: `{"body":${'['.repeat(5_000)}${']'.repeat(5_000)}}` });
    expect(note.status).toBe(400);
    // As deep as the 1 MB limit allows: refused by the parser or the depth check, never a 500.
    const deepest = await api.request('POST', '/api/auth/login', { body: `{"email":${'['.repeat(500_000)}${']'.repeat(500_000)}}` });
    expect(deepest.status).toBe(400);
  });

  it('takes only a string as the sign-in rate-limit key (an object email is a 400, not a crash)', async () => {
    const login = await api.request('POST', '/api/auth/login', { body: { email: { toString: 'x' }, password: 'x' } });
    expect({ status: login.status, fields: fieldsOf(login) }).toEqual({ status: 400, fields: ['email'] });
    const list = await api.request('POST', '/api/auth/login', { body: { email: [[['a']]], password: 'x' } });
    expect({ status: list.status, fields: fieldsOf(list) }).toEqual({ status: 400, fields: ['email'] });
  });
});
