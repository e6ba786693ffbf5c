import { caseDetailSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { found, itemAt } from '@sg/domain';
import {
  bodyOf,
  createTestDatabase,
  errorOf,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  rowsOf,
  skippedIntakeFixture,
  startTestApi,
  TestApi,
  TestDatabase,
  TestResponse,
  testConfig,
  validationErrorsOf,
} from '../testing';

/** The first key of the advisory locks the deadlock test's own trigger takes ('dl'). */
const DEADLOCK_TEST_LOCKS = 0x646c;

/** Intake against a real PostgreSQL: validation, the whole-case write, idempotency and limits. */
describe('POST /api/intakes', () => {
  let db: TestDatabase;
  let api: TestApi;

  const count = async (table: string) => Number((await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM ${table}`)).n);

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('an intake that loses a deadlock is written on a second try, never answered with a 500', async () => {
    // A trigger of this test's own takes two locks in order as the intake writes its identifiers
    // (as a trigger taking row or advisory locks can); another transaction holds the second, then
    // asks for the first the intake holds: PostgreSQL aborts the intake, the first to wait, with a
    // deadlock. The person must still get their case.
    const lockOf = (n: number) => `pg_advisory_xact_lock(${DEADLOCK_TEST_LOCKS}, ${n})`;
    await db.dataSource.query(`
      CREATE FUNCTION deadlock_test_locks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM ${lockOf(1)};
        PERFORM ${lockOf(2)};
        RETURN NULL;
      END $$`);
    await db.dataSource.query(`CREATE TRIGGER deadlock_test_locks AFTER INSERT ON case_identifier FOR EACH STATEMENT EXECUTE FUNCTION deadlock_test_locks()`);
    const handles = ['dead.lock.a', 'dead.lock.b'];
    const other = db.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT ${lockOf(2)}`);
      const submitted = api.request('POST', '/api/intakes', {
        body: intakeFixture({ platforms: handles.map((offenderHandle) => ({ platform: 'Instagram', offenderHandle })) }),
      });
      // The intake holds the first lock and waits for the second.
      for (let waited = 0; ; waited += 50) {
        const { waiting } = await firstRowOf<{ waiting: number }>(
          db.dataSource,
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND classid = ${DEADLOCK_TEST_LOCKS} AND NOT granted`,
        );
        if (waiting > 0) break;
        if (waited > 10_000) throw new Error('the intake never waited for the lock');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Closing the cycle: the intake is aborted, so this transaction gets the lock; then it ends.
      await other.query(`SELECT ${lockOf(1)}`);
      await other.rollbackTransaction();
      const response = await submitted;
      expect(response.status).toBe(201);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
      await db.dataSource.query(`DROP TRIGGER deadlock_test_locks ON case_identifier`);
      await db.dataSource.query(`DROP FUNCTION deadlock_test_locks()`);
    }
    const { n } = await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM case_identifier WHERE kind = 'handle' AND value = ANY ($1)`, [
      handles,
    ]);
    expect(n).toBe(2);
  });

  it('creates a triaged case with its plan, timeline and sealed contact details', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ selfHarm: 'thoughts' }) });
    expect(response.status).toBe(201);
    const body = bodyOf(response, intakeResponseSchema);
    expect(body.reference).toMatch(/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(body.actionPlan[0]).toMatchObject({ key: 'get_safe_now', done: false });
    // Words go out as catalogue keys and selectors: each page says them in the reader's language.
    expect(body.actionPlan[0]?.title).toEqual({ key: 'person.plan.get_safe_now.title', params: { voice: 'self', them: 'self' } });
    expect(body.resources[0]?.reason).toEqual({ key: expect.stringMatching(/^person\.resourceReasons\./) as unknown });
    expect(body.actionPlan.map((s) => s.key)).toEqual(expect.arrayContaining(['take_it_down', 'report_child_protection', 'report_financial']));
    expect(body.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['988 Suicide and Crisis Lifeline', 'NCMEC CyberTipline', 'Take It Down (NCMEC)']),
    );
    // "within an hour", said by the page in the person's language.
    expect(body.firstResponseWithin).toEqual({ key: 'person.firstResponse.withinHours', params: { hours: 1 } });
    expect(response.headers.get('cache-control')).toBe('no-store');

    const row = await firstRowOf<{
      id: string;
      priority: string;
      triage_factors: Array<{ key: string }>;
      target: unknown;
      contact_sealed: Buffer;
      access_code_hash: string;
      status: string;
      assignee_id: string | null;
      language: string;
    }>(
      db.dataSource,
      `SELECT id, priority, triage_factors, first_response_due_at - created_at AS target, contact_sealed, access_code_hash, status, assignee_id, language
         FROM support_case WHERE reference = $1`,
      [body.reference],
    );
    // No language given: English.
    expect(row).toMatchObject({ priority: 'urgent', status: 'new', assignee_id: null, language: 'en' });
    expect(row.triage_factors.map((f) => f.key)).toEqual(['self_harm_thoughts', 'under_18_now', 'content_made_under_18', 'still_in_contact']);
    expect(row.target).toMatchObject({ hours: 1 });
    // Sensitive values are never in clear: not the contact, not the access code.
    expect(Buffer.from(row.contact_sealed).toString('latin1')).not.toContain('teen.person@example.com');
    expect(row.access_code_hash).not.toContain(body.accessCode);
    const dump = JSON.stringify(await rowsOf<unknown>(db.dataSource, `SELECT * FROM support_case, idempotency_record`));
    expect(dump).not.toContain(body.accessCode);

    const steps = await rowsOf<{ key: string; title: string }>(db.dataSource, `SELECT key, title FROM case_plan_step WHERE case_id = $1 ORDER BY position`, [
      row.id,
    ]);
    expect(steps.map((s) => s.key)).toEqual(body.actionPlan.map((s) => s.key));
    expect(JSON.parse(itemAt(steps, 0, 'the plan steps').title)).toEqual(body.actionPlan[0]?.title);
    const platforms = await rowsOf<{ platform: string; offender_handle: string | null }>(
      db.dataSource,
      `SELECT platform, offender_handle FROM case_platform WHERE case_id = $1`,
      [row.id],
    );
    expect(platforms).toEqual([{ platform: 'Instagram', offender_handle: '@threatener.01' }]);
    const events = await rowsOf<{ kind: string; actor_kind: string }>(db.dataSource, `SELECT kind, actor_kind FROM case_event WHERE case_id = $1`, [row.id]);
    expect(events).toEqual([{ kind: 'case_created', actor_kind: 'person' }]);
  });

  it('accepts a form where everything but consent was skipped, routing both ways', async () => {
    const response = await api.request('POST', '/api/intakes', { body: skippedIntakeFixture() });
    expect(response.status).toBe(201);
    const body = bodyOf(response, intakeResponseSchema);
    const stored = await firstRowOf<{ contact_sealed: Buffer | null }>(db.dataSource, `SELECT contact_sealed FROM support_case WHERE reference = $1`, [
      body.reference,
    ]);
    expect(stored.contact_sealed).toBeNull();
    const keys = body.actionPlan.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['take_it_down', 'stopncii']));
    expect(body.firstResponseWithin).toBeNull();
    expect(body.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['CEOP (National Crime Agency)', 'StopNCII.org']));
  });

  it('answers 400 naming every bad field, and stores nothing', async () => {
    const before = await count('support_case');
    const response = await api.request('POST', '/api/intakes', {
      body: { ...intakeFixture(), ageBand: 'twelve', platforms: [{ platform: 'X', profileUrl: 'not a url' }], photo: 'base64...' },
    });
    expect(response.status).toBe(400);
    expect(validationErrorsOf(response).errors).toEqual([
      { path: 'ageBand', message: 'must be one of: under_13, 13_17, 18_plus, unknown (age now)', code: 'invalid_value' },
      { path: 'platforms[0].profileUrl', message: 'must be a full web address starting with http:// or https://', code: 'custom' },
      { path: 'photo', message: 'is not a field we accept', code: 'unknown_field' },
    ]);
    expect(await count('support_case')).toBe(before);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await api.request('POST', '/api/intakes', { body: '{"submittedBy": ', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ narrative: 'x'.repeat(1_100_000) }) });
    expect(response.status).toBe(413);
  });

  it('returns the same case for a replayed Idempotency-Key, and 422 for the same key with another body', async () => {
    const headers = { 'Idempotency-Key': 'replay-test-0001' };
    const first = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    const again = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(
      await rowsOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM support_case WHERE reference = $1`, [
        bodyOf(first, intakeResponseSchema).reference,
      ]),
    ).toEqual([{ n: 1 }]);

    const other = await api.request('POST', '/api/intakes', { body: intakeFixture({ paid: true }), headers });
    expect(other.status).toBe(422);
  });

  it('creates one case when the same submission races itself', async () => {
    const before = await count('support_case');
    const headers = { 'Idempotency-Key': 'race-test-0001' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => api.request('POST', '/api/intakes', { body: intakeFixture(), headers })));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => bodyOf(r, intakeResponseSchema).reference)).size).toBe(1);
    expect(await count('support_case')).toBe(before + 1);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers: { 'Idempotency-Key': 'short' } });
    expect(response.status).toBe(400);
    expect(errorPathsOf(response)[0]).toBe('header Idempotency-Key');
  });

  it('writes the whole case or nothing: a failure half-way leaves no trace and does not burn the key', async () => {
    const before = await count('support_case');
    // Make the last write of the transaction fail, as a crash or constraint would.
    await db.dataSource.query(`
      CREATE FUNCTION fail_event() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER fail_event BEFORE INSERT ON case_event FOR EACH ROW EXECUTE FUNCTION fail_event();`);
    const headers = { 'Idempotency-Key': 'atomic-test-0001' };
    try {
      const failed = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
      expect(failed.status).toBe(500);
      expect(await count('support_case')).toBe(before);
      expect(
        await rowsOf<{ n: number }>(
          db.dataSource,
          `SELECT count(*)::int AS n FROM case_platform cp LEFT JOIN support_case c ON c.id = cp.case_id WHERE c.id IS NULL`,
        ),
      ).toEqual([{ n: 0 }]);
      expect(await rowsOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM idempotency_record WHERE key = 'atomic-test-0001'`)).toEqual([
        { n: 0 },
      ]);
    } finally {
      await db.dataSource.query(`DROP TRIGGER fail_event ON case_event; DROP FUNCTION fail_event();`);
    }
    const retried = await api.request('POST', '/api/intakes', { body: intakeFixture(), headers });
    expect(retried.status).toBe(201);
    expect(await count('support_case')).toBe(before + 1);
  });

  describe('who may submit what', () => {
    it('refuses a public phone intake: only staff record phone, chat and email intakes', async () => {
      const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ channel: 'phone' }) });
      expect(response.status).toBe(400);
      expect(errorPathsOf(response)[0]).toBe('channel');
    });

    it('needs a staff sign-in for submittedBy "staff"', async () => {
      const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ submittedBy: 'staff', channel: 'phone' }) });
      expect(response.status).toBe(401);
    });

    it('records a staff phone intake with who took it', async () => {
      const token = await api.tokenFor('caseworker');
      const response = await api.request('POST', '/api/intakes', { token, body: intakeFixture({ submittedBy: 'parent_or_guardian', channel: 'phone' }) });
      expect(response.status).toBe(201);
      const { reference } = bodyOf(response, intakeResponseSchema);
      const row = await firstRowOf<{ channel: string; email: string }>(
        db.dataSource,
        `SELECT c.channel, u.email FROM support_case c JOIN staff_user u ON u.id = c.created_by WHERE reference = $1`,
        [reference],
      );
      expect(row).toEqual({ channel: 'phone', email: 'caseworker@demo.test' });
      const audit = await rowsOf<{ action: string }>(
        db.dataSource,
        `SELECT a.action FROM audit_log a JOIN support_case c ON c.id = a.case_id WHERE c.reference = $1`,
        [reference],
      );
      expect(audit).toEqual([{ action: 'case.created' }]);
    });

    it('keeps the language the person filled the form in, and English for staff unless they give one', async () => {
      const token = await api.tokenFor('caseworker');
      const language = async (reference: string) =>
        (await firstRowOf<{ language: string }>(db.dataSource, `SELECT language FROM support_case WHERE reference = $1`, [reference])).language;
      const referenceOf = (response: TestResponse) => bodyOf(response, intakeResponseSchema).reference;
      const malay = await api.request('POST', '/api/intakes', { body: intakeFixture({ language: 'ms' }) });
      const spanish = await api.request('POST', '/api/intakes', { body: intakeFixture({ language: 'es' }) });
      const staffDefault = await api.request('POST', '/api/intakes', { token, body: intakeFixture({ submittedBy: 'parent_or_guardian', channel: 'phone' }) });
      const staffSpanish = await api.request('POST', '/api/intakes', {
        token,
        body: intakeFixture({ submittedBy: 'parent_or_guardian', channel: 'phone', language: 'es' }),
      });
      expect([malay.status, spanish.status, staffDefault.status, staffSpanish.status]).toEqual([201, 201, 201, 201]);
      expect(await language(referenceOf(malay))).toBe('ms');
      expect(await language(referenceOf(spanish))).toBe('es');
      expect(await language(referenceOf(staffDefault))).toBe('en');
      expect(await language(referenceOf(staffSpanish))).toBe('es');
      const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [referenceOf(malay)]);
      expect(bodyOf(await api.request('GET', `/api/cases/${row.id}`, { token }), caseDetailSchema).language).toBe('ms');

      const french = await api.request('POST', '/api/intakes', { body: { ...intakeFixture(), language: 'fr' } });
      expect(french.status).toBe(400);
      expect(JSON.stringify(french.body)).toContain('language');
    });

    it('refuses an invalid staff token rather than treating the intake as public', async () => {
      const response = await api.request('POST', '/api/intakes', { token: 'not-a-token', body: intakeFixture() });
      expect(response.status).toBe(401);
    });
  });
});

describe('intake rate limit', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url, { intakeRateLimit: { limit: 3, windowSeconds: 60 } }));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers 429 with Retry-After once a connection passes the limit', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApi['request']>> | undefined;
    for (let i = 0; i < 4; i += 1) {
      last = await api.request('POST', '/api/intakes', { body: skippedIntakeFixture() });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorOf(found(last, 'the last answer')).message).toMatch(/wait a little/);
    // Other endpoints are not held back by the intake limit, nor is a helpline desk recording calls.
    expect((await api.request('GET', '/api/resources?country=US')).status).toBe(200);
    const staffIntake = await api.request('POST', '/api/intakes', {
      token: await api.tokenFor('caseworker'),
      body: { ...skippedIntakeFixture(), channel: 'phone' },
    });
    expect(staffIntake.status).toBe(201);
  });
});
