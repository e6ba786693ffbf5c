import { loginResponseSchema, staffUserViewSchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, firstRowOf, rowsOf, startTestApi, TestApi, TestDatabase, testConfig, TEST_PASSWORD, validationErrorsOf } from '../testing';

/** Each staff member picks the dashboard's language; it is kept with their account (issue 11). */
describe('staff dashboard language', () => {
  let db: TestDatabase;
  let api: TestApi;

  const signIn = (email: string) =>
    fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is English until changed, then Malay in the profile, the next sign-in and a refreshed session, with an audit row', async () => {
    const first = loginResponseSchema.parse(await (await signIn('caseworker@demo.test')).json());
    expect(first.user.language).toBe('en');
    const token = first.accessToken;
    expect(bodyOf(await api.request('GET', '/api/auth/me', { token }), staffUserViewSchema)).toMatchObject({ email: 'caseworker@demo.test', language: 'en' });

    const changed = await api.request('PUT', '/api/auth/me/language', { token, body: { language: 'ms' } });
    expect(changed.status).toBe(200);
    expect(bodyOf(changed, staffUserViewSchema)).toMatchObject({ id: first.user.id, email: 'caseworker@demo.test', role: 'caseworker', language: 'ms' });
    // The profile reads the account, so the old token already sees the new language.
    expect(bodyOf(await api.request('GET', '/api/auth/me', { token }), staffUserViewSchema)).toMatchObject({ language: 'ms' });

    const again = await signIn('caseworker@demo.test');
    const session = (again.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(loginResponseSchema.parse(await again.json()).user.language).toBe('ms');
    const refreshed = await fetch(`${api.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie: session, 'x-requested-with': 'safeguard-triage' } });
    expect(refreshed.status).toBe(200);
    expect(loginResponseSchema.parse(await refreshed.json()).user.language).toBe('ms');

    const audit = await rowsOf<{ actor_id: string; before: unknown; after: unknown }>(
      db.dataSource,
      `SELECT actor_id, before, after FROM audit_log WHERE action = 'staff.language_changed' AND target_id = $1`,
      [first.user.id],
    );
    expect(audit).toEqual([{ actor_id: first.user.id, before: { language: 'en' }, after: { language: 'ms' } }]);

    // Choosing the language one already has changes nothing and is not audited again.
    expect((await api.request('PUT', '/api/auth/me/language', { token, body: { language: 'ms' } })).status).toBe(200);
    const { count } = await firstRowOf<{ count: number }>(
      db.dataSource,
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'staff.language_changed' AND target_id = $1`,
      [first.user.id],
    );
    expect(count).toBe(1);
  });

  it('changes only the caller’s own account', async () => {
    const supervisor = await api.tokenFor('supervisor');
    await api.request('PUT', '/api/auth/me/language', { token: supervisor, body: { language: 'ms' } });
    const admin = await api.tokenFor('admin');
    expect(bodyOf(await api.request('GET', '/api/auth/me', { token: admin }), staffUserViewSchema)).toMatchObject({ language: 'en' });
    expect(bodyOf(await api.request('GET', '/api/auth/me', { token: supervisor }), staffUserViewSchema)).toMatchObject({ language: 'ms' });
  });

  it('refuses a language the dashboard does not speak, naming the field, and callers who are not signed in', async () => {
    const token = await api.tokenFor('admin');
    for (const [body, message, code] of [
      [{ language: 'es' }, 'must be one of en, ms', 'invalid_value'],
      [{ language: 'fr' }, 'must be one of en, ms', 'invalid_value'],
      [{}, 'is required', 'required'],
    ] as const) {
      const refused = await api.request('PUT', '/api/auth/me/language', { token, body });
      expect(refused.status).toBe(400);
      expect(validationErrorsOf(refused).errors).toEqual([{ path: 'language', message, code }]);
    }
    expect((await api.request('PUT', '/api/auth/me/language', { body: { language: 'ms' } })).status).toBe(401);
    // The column refuses it too, whoever writes.
    await expect(db.dataSource.query(`UPDATE staff_user SET language = 'es'`)).rejects.toThrow(/staff_user_language_check/);
  });
});
